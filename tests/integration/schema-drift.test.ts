/**
 * Proves that the migrations in prisma/migrations, applied by our runner, build exactly the database that
 * prisma/schema.prisma describes. The expected database is built from schema.prisma alone (Prisma's own
 * migrate diff --from-empty, run offline by scripts/prisma-migrate-diff.sh); both are then read back from
 * the PostgreSQL catalog and compared: tables, columns, types, nullability, defaults, enums, primary and
 * unique keys, foreign keys and indexes. Editing the schema without a migration (or a migration without the
 * schema) fails this test.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/postgres';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

async function describeDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      tables: await q(`SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
          numeric_precision, numeric_scale, datetime_precision, is_nullable, column_default
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`),
      constraints: await q(`SELECT r.relname AS table_name, c.conname, c.contype,
          pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = 'public' AND r.relname <> '_prisma_migrations'
          -- constraint triggers (contype 't': the figures-version triggers) are outside Prisma's schema language;
          -- tests/integration/figures-cache.test.ts proves they are there and work
          AND c.contype <> 't'`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
    };
  } finally {
    await client.end();
  }
}

describe('migrations match schema.prisma', () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase('migrated');
    fromSchema = await createTestDatabase('empty');
    const sql = execFileSync(
      'bash',
      [path.join(ROOT, 'scripts/prisma-migrate-diff.sh'), '--empty', path.join(ROOT, 'prisma/schema.prisma')],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(sql).toContain('CREATE TABLE');
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();
  }, 600_000);

  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it('has the same tables, columns, enums, constraints and indexes', async () => {
    const actual = await describeDatabase(migrated.url);
    const expected = await describeDatabase(fromSchema.url);
    expect(actual.tables.length).toBeGreaterThan(10);
    expect(actual.tables).toEqual(expected.tables);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.constraints).toEqual(expected.constraints);
    expect(actual.indexes).toEqual(expected.indexes);
  });

  it('records every migration with its checksum', async () => {
    const rows = await migrated.db.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
