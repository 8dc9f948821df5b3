/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in name order.
 *
 * Prisma's own `migrate deploy` needs a native engine that cannot be downloaded here, so this small runner does
 * the same job and records what it applied in Prisma's `_prisma_migrations` table (same shape, same advisory
 * lock key), so `prisma migrate status` agrees wherever the native engine is available.
 * Each file runs in one transaction together with its bookkeeping row: a failing file leaves nothing behind.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './postgres';

/** The key Prisma's migrate uses, so the two never run at once against one database. */
const ADVISORY_LOCK_KEY = 72707369;

export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`);
      const sql = readFileSync(file, 'utf8');
      return { name, file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void; upTo?: string } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const all = readMigrations(options.dir);
  // A restore builds the schema its archive was taken at (upTo), no further.
  const last = options.upTo === undefined ? all.length - 1 : all.findIndex((m) => m.name === options.upTo);
  if (last === -1) throw new MigrationError(`Migration ${options.upTo} is not in prisma/migrations.`);
  const migrations = all.slice(0, last + 1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));

    // Refuse before changing anything if history was rewritten.
    for (const m of all) {
      const checksum = applied.get(m.name);
      if (checksum && checksum !== m.checksum) {
        throw new MigrationError(
          `Migration ${path.relative(ROOT, m.file)} was edited after it was applied to this database ` +
            `(checksum ${checksum.slice(0, 12)}… applied, ${m.checksum.slice(0, 12)}… on disk). ` +
            `Restore the file and put the change in a new migration.`,
        );
      }
    }
    const known = new Set(all.map((m) => m.name));
    const missing = [...applied.keys()].filter((name) => !known.has(name));
    if (missing.length) {
      throw new MigrationError(
        `This database has migrations that are not in prisma/migrations: ${missing.join(', ')}. ` +
          `It was migrated by a newer version of Keystone.`,
      );
    }

    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      if (applied.has(m.name)) {
        result.alreadyApplied.push(m.name);
        continue;
      }
      const started = new Date();
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new MigrationError(
          `Migration ${path.relative(ROOT, m.file)} failed and was rolled back: ${(e as Error).message}`,
        );
      }
      log(`Applied migration ${m.name}`);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
