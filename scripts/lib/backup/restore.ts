/**
 * `npm run db:restore -- <file> [--force]`: puts an archive of `createBackup` back.
 *
 * 1. The archive is checked whole before the database is touched: its manifest (format, version, migrations this
 *    code knows) and every table's row count and SHA-256. A damaged archive is refused and nothing is written.
 * 2. The target must be empty (no row in any table) unless `force`, and not migrated past the archive.
 * 3. The schema is built to the archive's migration level by the project's own runner.
 * 4. One transaction: (with `force`, empty every table), COPY each table in, counting and hashing again, reset the
 *    id sequences, verify the audit chain ends at the tip the archive recorded; commit only if all of it held.
 * Every table streams from the file through gunzip into COPY: nothing is held in memory whole. The attachments'
 * files (./objects.ts) are checked with the rest in step 1 and put into the store before step 4: a restore that then
 * fails leaves only unreferenced objects, which the daily cleanup removes.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { verifyAuditChain } from '../../../lib/server/audit/verify-chain';
import { migrate, readMigrations } from '../migrate';
import { CopyMeter } from './backup';
import {
  appliedMigrations,
  COPY_SESSION,
  ident,
  tablesInLoadOrder,
  ZManifest,
  type Manifest,
  type ManifestTable,
} from './manifest';
import type { ObjectStore } from '../../../lib/server/storage/object-store';
import { checkObjects, restoreObjects } from './objects';
import { ArchiveError, openTarEntry, readTarIndex, type TarEntry } from './tar';

export class RestoreRefused extends Error {}

const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;

async function readEntry(file: string, entry: TarEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of openTarEntry(file, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and checks the archive; every table's bytes are counted and hashed against the manifest. */
export async function checkArchive(
  file: string,
): Promise<{ manifest: Manifest; entries: Map<string, TarEntry>; objects: TarEntry[] }> {
  // an entry per table, and one per attachment file (three per photo)
  const index = await readTarIndex(file, 1_000_000);
  const first = index[0];
  if (first?.name !== 'manifest.json' || first.size > MAX_MANIFEST_BYTES) {
    throw new ArchiveError('not a Keystone backup: it does not start with manifest.json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readEntry(file, first));
  } catch {
    throw new ArchiveError('the archive is damaged: manifest.json is not valid JSON');
  }
  const result = ZManifest.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ArchiveError(`the manifest is not one this version can read (${issue.path.join('.')}: ${issue.message})`);
  }
  const manifest = result.data;
  const local = readMigrations().map((m) => m.name);
  manifest.migrations.forEach((name, i) => {
    if (local[i] !== name) {
      throw new ArchiveError(
        `the archive was taken at migration ${manifest.migrationLevel}, and this copy of Keystone does not have ` +
          `migration ${name}: restore it with the Keystone version that made it (${manifest.appVersion}) or newer`,
      );
    }
  });
  if (manifest.migrations.at(-1) !== manifest.migrationLevel) throw new ArchiveError('the manifest is inconsistent');
  const entries = new Map(index.map((e) => [e.name, e]));
  for (const table of manifest.tables) {
    const entry = entries.get(table.entry);
    if (!entry) throw new ArchiveError(`the archive is incomplete: ${table.entry} (table ${table.name}) is missing`);
    const meter = new CopyMeter();
    await readTable(file, entry, table, meter, new Writable({ write: (_c, _e, done) => done() }));
  }
  const objects = await checkObjects(file, index, manifest.objects);
  return { manifest, entries, objects };
}

/** Streams one table's COPY text from the archive into `sink`, and refuses it if count or hash differ. */
async function readTable(file: string, entry: TarEntry, table: ManifestTable, meter: CopyMeter, sink: Writable) {
  try {
    await pipeline(openTarEntry(file, entry), createGunzip(), meter, sink);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('Z_')) {
      throw new ArchiveError(
        `the archive is damaged: table ${table.name} cannot be decompressed (${(e as Error).message})`,
      );
    }
    throw e;
  }
  const sha256 = meter.digest();
  if (meter.rows !== table.rows || sha256 !== table.sha256) {
    throw new ArchiveError(
      `the archive is damaged: table ${table.name} holds ${meter.rows} row(s) with SHA-256 ${sha256.slice(0, 12)}…, ` +
        `the manifest says ${table.rows} with ${table.sha256.slice(0, 12)}…`,
    );
  }
}

/** The one-row tables every migrated database has (their migrations insert the row): they do not count as data. */
const MIGRATION_ROWS = new Set(['FiguresVersion', 'AuditChainTip']);

/** Tables that hold data (at most 20 named). */
async function nonEmptyTables(client: pg.Client): Promise<string[]> {
  const tables = await tablesInLoadOrder(client);
  const found: string[] = [];
  for (const t of tables.filter((t) => !MIGRATION_ROWS.has(t.name))) {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS any`);
    if (rows[0]?.any) found.push(t.name);
    if (found.length >= 20) break;
  }
  return found;
}

export interface RestoreSummary {
  manifest: Manifest;
  /** attachment files put back into the store (null: no store given) */
  objects: { restored: number; created: number } | null;
  /** rows on the verified audit chain; null for an archive taken before the chain existed */
  auditRows: bigint | null;
}

export async function restoreBackup(
  databaseUrl: string,
  file: string,
  options: { force?: boolean; log?: (line: string) => void; objects?: ObjectStore | null } = {},
): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  const { manifest, entries, objects } = await checkArchive(file);
  log(`Archive checked: ${manifest.tables.length} tables, taken ${manifest.createdAt} at ${manifest.migrationLevel}.`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(COPY_SESSION);
    const applied = await appliedMigrations(client);
    const newer = applied.find((name, i) => manifest.migrations[i] !== name);
    if (newer) {
      throw new RestoreRefused(
        `the database is migrated past the archive (it has ${newer}; the archive was taken at ` +
          `${manifest.migrationLevel}): restore into a new, empty database`,
      );
    }
    const occupied = applied.length ? await nonEmptyTables(client) : [];
    if (occupied.length && !options.force) {
      throw new RestoreRefused(
        `the database is not empty (rows in ${occupied.join(', ')}): restore into an empty database, or add ` +
          `--force to replace everything in it with the archive`,
      );
    }
    const restoredObjects = options.objects ? await restoreObjects(file, objects, options.objects) : null;
    if (restoredObjects)
      log(`Attachment files: ${restoredObjects.restored} (${restoredObjects.created} new in the store).`);
    await migrate(databaseUrl, { upTo: manifest.migrationLevel, log });

    await client.query('BEGIN');
    const present = new Map((await tablesInLoadOrder(client)).map((t) => [t.name, new Set(t.columns)]));
    for (const table of manifest.tables) {
      const columns = present.get(table.name);
      const missing = table.columns.find((c) => !columns?.has(c));
      if (!columns || missing) {
        throw new RestoreRefused(`the schema at ${manifest.migrationLevel} has no ${table.name}.${missing ?? ''}`);
      }
    }
    // Triggers stay off while the rows go back as they were: the audit chain's trigger would re-chain the
    // archived rows, the append-only one refuses TRUNCATE. Foreign keys stay on (tables load parents first).
    for (const name of present.keys()) await client.query(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
    // Also clears the rows the migrations inserted (the archive has its own), and with --force the old data.
    await client.query(`TRUNCATE ${[...present.keys()].map(ident).join(', ')}`);
    if (occupied.length) log(`Emptied ${present.size} tables (--force).`);
    for (const table of manifest.tables) {
      const columns = table.columns.map(ident).join(', ');
      const sink = client.query(copyFrom(`COPY ${ident(table.name)} (${columns}) FROM STDIN`));
      await readTable(file, entries.get(table.entry)!, table, new CopyMeter(), sink);
      log(`  ${table.name}: ${table.rows} row(s)`);
    }
    for (const name of present.keys()) await client.query(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
    await resetSequences(client);
    // The maintained figures (PlanSummary) were loaded with their triggers off, or not at all from an archive
    // older than them: recompute them from the restored reports (it writes only rows that differ).
    // (At a migration level before them there is nothing to do: the migration that adds them computes them.)
    const { rows: upkeep } = await client.query<{ present: boolean }>(
      `SELECT to_regprocedure('keystone_refresh_plan_figures(integer[])') IS NOT NULL AS present`,
    );
    if (upkeep[0]?.present) {
      await client.query(`SELECT "keystone_refresh_plan_figures"(ARRAY(SELECT id FROM "ProjectPlan" ORDER BY id))`);
    }

    // An archive from before the audit chain existed has none to verify (the next migration chains its rows).
    const expected = manifest.auditChain;
    const chain = expected ? await verifyAuditChain(client) : null;
    if (chain && (!chain.ok || chain.tip !== expected!.tip || chain.rows !== BigInt(expected!.rows))) {
      throw new ArchiveError('the restored audit trail does not verify against the tip the archive recorded');
    }
    await client.query('COMMIT');
    return { manifest, objects: restoredObjects, auditRows: chain?.rows ?? null };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every id sequence continues after the largest restored id. */
async function resetSequences(client: pg.Client) {
  const { rows } = await client.query<{ tbl: string; col: string; seq: string }>(
    `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
  );
  for (const r of rows) {
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${ident(r.col)}) FROM ${ident(r.tbl)}), 0) + 1, false)`,
      [r.seq],
    );
  }
}
