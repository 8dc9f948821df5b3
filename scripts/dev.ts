/** npm run dev — like npm start, but `next dev` with hot reload instead of a production build. */
import { authSecret, prepareDatabase, printDemoLogins, runNext } from './lib/app-server';
import { resolveAppDatabase } from './lib/postgres';
import { wantsDemoData } from '../prisma/seed/first-start';

const log = (line: string) => console.log(`[keystone] ${line}`);
const port = process.env.PORT ?? '3000';
const { url, cluster } = await resolveAppDatabase(log);
const demo = wantsDemoData(process.env);
await prepareDatabase(url, log, { demo });
if (demo) printDemoLogins(log);
process.exit(
  await runNext(
    { mode: 'dev', port },
    {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
    cluster,
  ),
);
