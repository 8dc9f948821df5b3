/**
 * npm run audit:verify — walks the audit trail's hash chain of DATABASE_URL (or of the embedded database) and
 * prints either the number of rows verified and the tip hash, or the first row that breaks the chain.
 * Exits 0 when the chain is intact, 1 when it is broken, 2 when the check could not run.
 */
import pg from 'pg';
import { describeChainReport, verifyAuditChain } from '../lib/server/audit/verify-chain';
import { resolveAppDatabase } from './lib/postgres';

const { url, cluster } = await resolveAppDatabase(console.log);
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  // one snapshot for the whole walk, so rows written meanwhile neither confuse nor stop it
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const report = await verifyAuditChain(client);
  await client.query('COMMIT');
  (report.ok ? console.log : console.error)(describeChainReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (e) {
  console.error('Error: the audit chain could not be checked:', (e as Error).message);
  process.exitCode = 2;
} finally {
  await client.end().catch(() => {});
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
