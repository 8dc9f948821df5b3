/**
 * npm run figures:verify [-- --repair] — recomputes the maintained figures ("PlanSummary", "PlanMonthSummary") of
 * DATABASE_URL (or of the embedded database) from the reports and compares every row. Prints the rows that
 * differ, per plan; with --repair rewrites them in one transaction and prints what changed.
 * Exits 0 when everything matched (or was repaired), 1 when differences were found without --repair, 2 when the
 * check could not run.
 */
import pg from 'pg';
import { describeFiguresReport, verifyPlanFigures } from '../lib/server/figures/verify-plan-figures';
import { resolveAppDatabase } from './lib/postgres';

const repair = process.argv.slice(2).includes('--repair');
const { url, cluster } = await resolveAppDatabase(console.log);
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  // checking: one snapshot for the whole walk; repairing: one transaction, all or nothing
  await client.query(repair ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const report = await verifyPlanFigures(client, { repair });
  await client.query('COMMIT');
  const clean = report.differences.length === 0 || report.repaired;
  (clean ? console.log : console.error)(describeFiguresReport(report));
  process.exitCode = clean ? 0 : 1;
} catch (e) {
  await client.query('ROLLBACK').catch(() => {});
  console.error('Error: the figures could not be checked:', (e as Error).message);
  process.exitCode = 2;
} finally {
  await client.end().catch(() => {});
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
