/**
 * npm run db:restore -- <file> [--force]
 * Restores an archive of `npm run db:backup` into DATABASE_URL (or the embedded database), which must be empty
 * unless --force replaces its contents. Checks the whole archive before writing anything; one transaction.
 *
 * npm run db:restore -- --check <file>
 * Only checks the archive (manifest, every table's count and SHA-256) and prints what it holds; no database.
 */
import { objectStore } from '../lib/server/storage';
import { ArchiveError } from './lib/backup/tar';
import { checkArchive, restoreBackup, RestoreRefused } from './lib/backup/restore';
import { MigrationError } from './lib/migrate';
import { resolveAppDatabase } from './lib/postgres';

const args = process.argv.slice(2);
const force = args.includes('--force');
const checkOnly = args.includes('--check');
const files = args.filter((a) => a !== '--force' && a !== '--check');
if (files.length !== 1 || files[0]!.startsWith('-')) {
  console.error('Usage: npm run db:restore -- <file> [--force]   or   npm run db:restore -- --check <file>');
  process.exit(2);
}
const file = files[0]!;
if (checkOnly) {
  try {
    const { manifest } = await checkArchive(file);
    for (const t of manifest.tables) console.log(`  ${t.name}: ${t.rows} row(s)`);
    if (manifest.objects) console.log(`  attachment files: ${manifest.objects.archived} of ${manifest.objects.count}`);
    console.log(
      `${file} is a whole Keystone backup: taken ${manifest.createdAt} by Keystone ${manifest.appVersion} at ` +
        `${manifest.migrationLevel}; audit chain ${manifest.auditChain ? `${manifest.auditChain.rows} rows, tip ${manifest.auditChain.tip}` : 'none'}.`,
    );
    process.exit(0);
  } catch (e) {
    console.error(e instanceof ArchiveError ? `Damaged: ${e.message}.` : `Error: ${(e as Error).message}`);
    process.exit(1);
  }
}
const { url, cluster } = await resolveAppDatabase(console.log);
try {
  const { manifest, auditRows } = await restoreBackup(url, file, { force, log: console.log, objects: objectStore() });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${file} (taken ${manifest.createdAt} by Keystone ${manifest.appVersion}): ${manifest.tables.length} ` +
      `tables, ${rows} rows, schema at ${manifest.migrationLevel}; ${auditRows === null ? 'no audit chain yet' : `the audit chain verifies (${auditRows} rows)`}. ` +
      `The next npm start applies any newer migrations.`,
  );
  if (manifest.objects && !manifest.objects.included) {
    console.log(
      `The attachment files were in an S3 bucket when this archive was taken and are not in it: restore the ` +
        `bucket from its own backup (${manifest.objects.count} files named by the database).`,
    );
  }
} catch (e) {
  const known = e instanceof ArchiveError || e instanceof RestoreRefused || e instanceof MigrationError;
  console.error(known ? `Refused: ${(e as Error).message}. Nothing was restored.` : e);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
