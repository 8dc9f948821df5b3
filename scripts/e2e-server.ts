/**
 * The server behind the Playwright suite: a fresh database `keystone_e2e_<port>` on the embedded cluster in
 * .data/e2e-pg (or on E2E_DATABASE_URL's server, which must be local), migrated and seeded, and the production
 * build served by `next start`. It refuses to touch a database that is not on this machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { authSecret, prepareDatabase, runNext } from './lib/app-server';
import { createDatabaseIfMissing, dropDatabase, externalCluster, startEmbeddedCluster } from './lib/postgres';

const log = (line: string) => console.log(`[e2e-server] ${line}`);
const port = process.env.E2E_PORT ?? '3210';

const external = process.env.E2E_DATABASE_URL;
if (external && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(external).hostname)) {
  console.error(
    `[e2e-server] Refusing to run end-to-end tests against a non-local database (${new URL(external).hostname}).`,
  );
  process.exit(1);
}
// Its own cluster per port too: the process that starts a cluster stops it when it ends.
const cluster = external
  ? externalCluster(external)
  : await startEmbeddedCluster(port === '3210' ? 'e2e-pg' : `e2e-pg-${port}`, log);
// one database per port, so runs of different working copies side by side do not drop each other's
const database = `keystone_e2e_${port}`;
await dropDatabase(cluster.adminUrl, database);
await createDatabaseIfMissing(cluster.adminUrl, database);
const url = cluster.urlFor(database);
await prepareDatabase(url, log, { demo: true }); // the specs sign in as the demo users
// Specs that check figures against direct SQL read the database address here (loopback only, see above).
mkdirSync('.data', { recursive: true });
writeFileSync(`.data/e2e-db-${port}.url`, url);
process.exit(
  await runNext(
    { mode: 'start', port, hostname: '127.0.0.1' },
    {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    cluster,
  ),
);
