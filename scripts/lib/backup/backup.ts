/**
 * `npm run db:backup -- <file>`: the whole database as one consistent snapshot, through PostgreSQL's COPY
 * protocol (pg_dump is not an option here: Debian ships client tools for PostgreSQL 15 only, and a pg_dump cannot
 * dump a newer server, such as the embedded 18). Every table is copied inside one SERIALIZABLE READ ONLY
 * DEFERRABLE transaction, so the archive is one instant of the database even while the app keeps writing, and
 * nothing is ever held in memory whole: each table streams through a counter and a gzip into a temporary file,
 * which then goes into the tar (README "Backup and restore").
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ROOT } from '../postgres';
import {
  appliedMigrations,
  COPY_SESSION,
  FORMAT,
  FORMAT_VERSION,
  ident,
  tablesInLoadOrder,
  type Manifest,
  type ManifestTable,
} from './manifest';
import type { ObjectStore } from '../../../lib/server/storage/object-store';
import { objectEntries, referencedObjectKeys } from './objects';
import { writeTar } from './tar';

/** Counts COPY text rows (one line each: a newline inside a value is written as `\n`) and hashes the bytes. */
export class CopyMeter extends Transform {
  rows = 0;
  private readonly hash = createHash('sha256');
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    this.hash.update(chunk);
    this.push(chunk);
    done();
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * `objects`: the attachments' store; with the disk store its files named by the snapshot's rows go into the archive
 * (./objects.ts). Null leaves them out (the tests of the tables alone).
 */
export async function createBackup(
  databaseUrl: string,
  target: string,
  log: (line: string) => void = () => {},
  objects: ObjectStore | null = null,
) {
  if (existsSync(target))
    throw new Error(`${target} already exists; choose a new file name (backups are never overwritten)`);
  const work = await mkdtemp(path.join(path.dirname(path.resolve(target)), '.keystone-backup-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(COPY_SESSION);
    // DEFERRABLE waits, if it must, for a snapshot no concurrent writer can make inconsistent; then never blocks
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE');
    const createdAt = new Date();
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0)
      throw new Error('this database has no Keystone migrations applied: nothing to back up');
    const tables: ManifestTable[] = [];
    const files: { name: string; file: string }[] = [];
    for (const [i, table] of (await tablesInLoadOrder(client)).entries()) {
      const entry = `tables/${String(i + 1).padStart(3, '0')}-${table.name}.copy.gz`;
      const file = path.join(work, entry.replace('tables/', ''));
      const meter = new CopyMeter();
      const columns = table.columns.map(ident).join(', ');
      await pipeline(
        client.query(copyTo(`COPY ${ident(table.name)} (${columns}) TO STDOUT`)),
        meter,
        createGzip({ level: 6 }),
        createWriteStream(file),
      );
      tables.push({ name: table.name, entry, columns: table.columns, rows: meter.rows, sha256: meter.digest() });
      files.push({ name: entry, file });
      log(`  ${table.name}: ${meter.rows} row(s)`);
    }
    // a database not yet migrated to the audit chain (a backup before an upgrade) has no tip to record
    const chained = tables.some((t) => t.name === 'AuditChainTip');
    const { rows: tip } = chained
      ? await client.query<{ seq: string; hash: string }>(
          `SELECT seq::text AS seq, hash FROM "AuditChainTip" WHERE id = 1`,
        )
      : { rows: [] };
    const { rows: version } = await client.query<{ v: string }>(`SELECT version() AS v`);
    const keys = await referencedObjectKeys(client);
    await client.query('COMMIT');
    // after the snapshot: an object is immutable and the cleanup never deletes a named one, so the files are there
    const stored = await objectEntries(objects, keys);

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: createdAt.toISOString(),
      postgres: version[0]!.v,
      migrations,
      migrationLevel: migrations.at(-1)!,
      tables,
      auditChain: tip[0] ? { rows: tip[0].seq, tip: tip[0].hash } : null,
      objects: stored.objects,
    };
    const manifestFile = path.join(work, 'manifest.json');
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    // Written beside the target and renamed at the end: a file with the target's name is always a whole backup.
    const partial = path.join(work, 'archive.tar');
    await writeTar(partial, [{ name: 'manifest.json', file: manifestFile }, ...files, ...stored.entries], createdAt);
    await rename(partial, target);
    return manifest;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}
