/**
 * npm run db:backup -- <file>
 * Writes the whole database (DATABASE_URL, or the embedded one) to <file> as one consistent snapshot: a tar
 * with manifest.json and every table as gzipped COPY text (scripts/lib/backup/). README "Backup and restore".
 */
import { describeStorage, storageConfig } from '../lib/server/storage/config';
import { objectStore } from '../lib/server/storage';
import { createBackup } from './lib/backup/backup';
import { resolveAppDatabase } from './lib/postgres';

const file = process.argv[2];
if (!file || file.startsWith('-')) {
  console.error('Usage: npm run db:backup -- <file>   (e.g. backups/keystone-$(date +%F).tar)');
  process.exit(2);
}
const { url, cluster } = await resolveAppDatabase(console.log);
try {
  const started = Date.now();
  const manifest = await createBackup(url, file, console.log, objectStore());
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, migration ${manifest.migrationLevel}, ` +
      `audit chain ${manifest.auditChain ? `${manifest.auditChain.rows} rows, tip ${manifest.auditChain.tip}` : 'none'} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  const objects = manifest.objects;
  if (objects?.included) {
    console.log(
      `Attachment files: ${objects.archived} (${objects.bytes} bytes) from ${describeStorage(storageConfig())}.`,
    );
  } else if (objects) {
    console.log(
      `Attachment files are NOT in this archive: they are in ${describeStorage(storageConfig())} ` +
        `(${objects.count} named by the database). Back the bucket up on the same schedule: the provider's ` +
        `versioning or replication, or \`mc mirror\` for MinIO (docs/attachments.md "Backup").`,
    );
  }
  if (objects?.missing.length) {
    console.warn(`Warning: ${objects.missing.length} attachment file(s) named by the database were not in the store.`);
  }
} catch (e) {
  console.error(`Error: the backup failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
