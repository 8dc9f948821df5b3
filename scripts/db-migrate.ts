/** npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database. */
import { MigrationError, migrate } from './lib/migrate';
import { resolveAppDatabase } from './lib/postgres';

const { url, cluster } = await resolveAppDatabase(console.log);
try {
  const { applied, alreadyApplied } = await migrate(url, { log: console.log });
  console.log(
    applied.length
      ? `${applied.length} migration(s) applied, ${alreadyApplied.length} already applied.`
      : `Database is up to date (${alreadyApplied.length} migration(s) applied).`,
  );
} catch (e) {
  console.error(e instanceof MigrationError ? `Error: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
