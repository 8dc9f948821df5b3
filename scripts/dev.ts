/** npm run dev — like npm start, but `next dev` with hot reload instead of a production build. */
import { authSecret, prepareDatabase, printDemoLogins, runNext } from './lib/app-server';
import { resolveAppDatabase } from './lib/postgres';

const log = (line: string) => console.log(`[keystone] ${line}`);
const port = process.env.PORT ?? '3000';
const { url, cluster } = await resolveAppDatabase(log);
await prepareDatabase(url, log);
printDemoLogins(log);
process.exit(await runNext(['dev', '-p', port], {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
}, cluster));
