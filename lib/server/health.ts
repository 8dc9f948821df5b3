import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/prisma';
import packageJson from '@/package.json';

/**
 * What GET /api/health answers: whether this process can serve. Nothing in it is sensitive (no address, no error
 * text, no counts of data), since it needs no session.
 */
export interface Health {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** `pending`: the build ships migrations this database has not applied (run `npm run db:migrate`) */
  migrations: 'current' | 'pending' | 'unknown';
  version: string;
}

/** How long the health check waits for the database before calling it down (a load balancer's probe is short). */
const DATABASE_TIMEOUT_MS = 3_000;

/**
 * The migrations this build ships: prisma/migrations/<name>/migration.sql, as scripts/lib/migrate.ts reads them, from
 * the working directory the server runs in (the checkout, or /app in the image). Read at run time on purpose, so
 * Turbopack is told not to trace the folder into the bundle.
 */
export function shippedMigrations(dir = path.join(process.cwd(), 'prisma', 'migrations')): string[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

let shipped: string[] | undefined;

async function appliedMigrations(db: Db): Promise<Set<string>> {
  // A database never migrated has no bookkeeping table: everything is pending, not an error.
  const [table] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
  if (!table?.present) return new Set();
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.migration_name));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(
  db: Db,
  migrationNames: string[] = (shipped ??= shippedMigrations()),
): Promise<Health> {
  const version = packageJson.version;
  let applied: Set<string>;
  try {
    applied = await withTimeout(appliedMigrations(db), DATABASE_TIMEOUT_MS);
  } catch {
    return { status: 'unavailable', database: 'down', migrations: 'unknown', version };
  }
  const pending = migrationNames.some((name) => !applied.has(name));
  return {
    status: pending ? 'unavailable' : 'ok',
    database: 'up',
    migrations: pending ? 'pending' : 'current',
    version,
  };
}
