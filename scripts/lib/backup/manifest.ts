/**
 * The backup archive's manifest (`manifest.json`, the archive's first entry) and the catalog queries that backup
 * and restore share. Format 1:
 *
 *   manifest.json                       this file
 *   tables/NNN-<Table>.copy.gz          each table as PostgreSQL COPY text, gzipped, in the order restore loads
 *                                       them (a table after every table it references)
 *   objects/<sha256>                    the attachments' files, with the disk store (./objects.ts); `objects` in
 *                                       the manifest says what is there (absent in archives made before them)
 *
 * Each table records its columns (COPY lists them, so a restore does not depend on column order), its row count
 * and the SHA-256 of its uncompressed COPY text.
 */
import { z } from 'zod';
import type { Queryable } from '../../../lib/server/audit/verify-chain';

export const FORMAT = 'keystone-backup';
export const FORMAT_VERSION = 1;

const ZTable = z.object({
  name: z.string().min(1).max(63),
  entry: z.string().regex(/^tables\/\d{3}-[A-Za-z0-9_]+\.copy\.gz$/),
  columns: z.array(z.string().min(1).max(63)).min(1).max(1000),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string().max(50),
  createdAt: z.iso.datetime(),
  postgres: z.string().max(200),
  migrations: z.array(z.string().max(255)).min(1).max(10_000),
  /** the last applied migration: the schema the data fits */
  migrationLevel: z.string().max(255),
  tables: z.array(ZTable).min(1).max(1000),
  auditChain: z.object({ rows: z.string().regex(/^\d+$/), tip: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  objects: z
    .object({
      store: z.enum(['disk', 's3']),
      included: z.boolean(),
      count: z.number().int().nonnegative(),
      archived: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      missing: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1_000_000),
    })
    .nullable()
    .optional(),
});
export type Manifest = z.infer<typeof ZManifest>;
export type ManifestTable = Manifest['tables'][number];

/**
 * Session settings for COPY text, set by backup and restore alike (as pg_dump does): dates, times and floats print
 * in one form whatever the server's defaults, so an archive reads back the same anywhere and hashes the same.
 */
export const COPY_SESSION = `SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
  SET TimeZone = 'UTC'; SET extra_float_digits = 3`;

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables (not Prisma's bookkeeping), each after the tables its foreign keys point at. */
export async function tablesInLoadOrder(db: Queryable): Promise<{ name: string; columns: string[] }[]> {
  const { rows: tables } = await db.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname ORDER BY c.relname`,
  );
  const { rows: refs } = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const ordered: { name: string; columns: string[] }[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`foreign keys form a cycle through ${name}; backup cannot order it`);
    visiting.add(name);
    for (const r of refs) if (r.child === name) visit(r.parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name);
  return ordered;
}

export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const { rows: exists } = await db.query<{ ok: boolean }>(
    `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`,
  );
  if (!exists[0]?.ok) return [];
  const { rows } = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}
