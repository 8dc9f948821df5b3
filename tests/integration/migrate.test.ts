import { cpSync, mkdtempSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../scripts/lib/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const opened: TestDatabase[] = [];
async function emptyDatabase() {
  const t = await createTestDatabase('empty');
  opened.push(t);
  return t;
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.drop();
});

function copyOfMigrations() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keystone-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function tableExists(url: string, table: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [`public."${table}"`]);
  await client.end();
  return rows[0].present as boolean;
}

describe('migration runner', () => {
  it('applies every migration once and is idempotent', async () => {
    const t = await emptyDatabase();
    const first = await migrate(t.url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(t.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect(await tableExists(t.url, 'Project')).toBe(true);
  });

  it('serialises concurrent runs with an advisory lock', async () => {
    const t = await emptyDatabase();
    const results = await Promise.all([migrate(t.url), migrate(t.url), migrate(t.url)]);
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    expect(appliedTotal).toBe(readMigrations().length);
    const rows = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(rows[0]!.n)).toBe(readMigrations().length);
  });

  it('refuses, naming the file, when an applied migration was edited afterwards', async () => {
    const t = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(t.url, { dir });
    const first = readMigrations(dir)[0]!;
    appendFileSync(first.file, '\n-- an afterthought\n');
    await expect(migrate(t.url, { dir })).rejects.toThrow(
      new RegExp(`${first.name}/migration.sql was edited after it was applied`),
    );
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const t = await emptyDatabase();
    const dir = copyOfMigrations();
    const bad = path.join(dir, '99999999999999_broken');
    mkdirSync(bad);
    writeFileSync(
      path.join(bad, 'migration.sql'),
      'CREATE TABLE "HalfWritten" (id int);\nSELECT * FROM "NoSuchTable";\n',
    );
    await expect(migrate(t.url, { dir })).rejects.toThrow(
      /99999999999999_broken\/migration.sql failed and was rolled back/,
    );
    expect(await tableExists(t.url, 'HalfWritten')).toBe(false);
    // the good migrations before it stay applied
    expect(await tableExists(t.url, 'Project')).toBe(true);
    const rows = await t.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations"`;
    expect(rows.map((r) => r.migration_name)).not.toContain('99999999999999_broken');
  });

  it('keeps the audit log append-only at the database level', async () => {
    const t = await emptyDatabase();
    await migrate(t.url);
    await t.db.$executeRaw`INSERT INTO "AuditLog" (actor, action, entity) VALUES ('test', 'create', 'Project')`;
    await expect(t.db.$executeRaw`UPDATE "AuditLog" SET action = 'forged'`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`TRUNCATE "AuditLog"`).rejects.toThrow(/append-only/);
    const rows = await t.db.$queryRaw<{ action: string }[]>`SELECT action FROM "AuditLog"`;
    expect(rows).toEqual([{ action: 'create' }]);
  });
});
