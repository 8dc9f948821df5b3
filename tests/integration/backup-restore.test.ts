/**
 * `npm run db:backup` / `db:restore`: the demo database, backed up and restored into a fresh database, is the same
 * database (every table row by row, the dashboard's figures, the audit chain); a damaged archive or a database
 * that is not empty is refused with a clear message, and nothing is written.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/prisma';
import { writeAudit } from '@/lib/server/audit';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { getRollup } from '@/lib/server/dashboard/get-rollup';
import { DiskObjectStore } from '@/lib/server/storage/disk-store';
import { S3ObjectStore } from '@/lib/server/storage/s3-store';
import { createBackup } from '../../scripts/lib/backup/backup';
import { appliedMigrations, tablesInLoadOrder } from '../../scripts/lib/backup/manifest';
import { restoreBackup } from '../../scripts/lib/backup/restore';
import { readTarIndex } from '../../scripts/lib/backup/tar';
import { migrate, MIGRATIONS_DIR } from '../../scripts/lib/migrate';
import { actorOf } from '../helpers/actors';
import { minimalPdf, photo } from '../helpers/attachment-fixtures';
import { uploadToMilestone, uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { startS3rver } from '../helpers/s3rver';
import { digestOf, type TableName } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const MODELS = Object.values(Prisma.ModelName).filter((name): name is TableName => name !== 'RateLimit');

async function withClient<R>(url: string, run: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows, each table hashed on its own, so a difference names the table. */
async function tableDigests(db: Db) {
  return Object.fromEntries(await Promise.all(MODELS.map(async (m) => [m, await digestOf(db, [m])] as const)));
}

async function rollupOf(db: Db) {
  const leader = await actorOf(db, 'leader');
  return JSON.stringify(await getRollup(db, leader, { year: 2025, basis: 'approved' }));
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let dir: string;
  let archive: string;
  beforeAll(async () => {
    source = await createTestDatabase('seeded');
    // audit rows beyond the seed's one, with text that COPY must escape (newline, tab, backslash, quotes)
    await source.db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) {
        await writeAudit(
          tx,
          { actor: null, ip: '10.0.0.1' },
          {
            action: 'test.backup',
            entity: 'Test',
            entityId: i,
            after: { text: `第${i}行\n\t"引号" \\ 反斜杠`, amount: '1234.50' },
            reason: i % 2 ? null : 'line one\nline two',
          },
        );
      }
    });
    dir = mkdtempSync(path.join(tmpdir(), 'keystone-backup-'));
    archive = path.join(dir, 'keystone.tar');
    await createBackup(source.url, archive);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await source?.drop();
  });

  it('restores into a fresh database that equals the source: every table, the dashboard, the audit chain', async () => {
    const target = await createTestDatabase('empty');
    try {
      const summary = await restoreBackup(target.url, archive);
      // every table of the schema is in the archive, none left out
      const tables = await withClient(source.url, tablesInLoadOrder);
      expect(summary.manifest.tables.map((t) => t.name).sort()).toEqual(tables.map((t) => t.name).sort());
      expect(summary.manifest.tables.find((t) => t.name === 'Project')!.rows).toBe(421);

      expect(await tableDigests(target.db)).toEqual(await tableDigests(source.db));
      expect(await rollupOf(target.db)).toEqual(await rollupOf(source.db));
      const [sourceChain, targetChain] = await Promise.all([
        withClient(source.url, verifyAuditChain),
        withClient(target.url, verifyAuditChain),
      ]);
      expect(sourceChain).toMatchObject({ ok: true, rows: 31n });
      expect(targetChain).toEqual(sourceChain);

      // the restored database keeps working: ids continue, the chain continues from the restored tip
      await target.db.$transaction((tx) =>
        writeAudit(tx, { actor: null, ip: null }, { action: 'after', entity: 'Test' }),
      );
      const dept = await target.db.department.create({
        data: { name: '恢复后新建', shortName: '恢复', kind: 'SUBDISTRICT' },
      });
      expect(dept.id).toBeGreaterThan((await source.db.department.aggregate({ _max: { id: true } }))._max.id!);
      expect(await withClient(target.url, verifyAuditChain)).toMatchObject({ ok: true, rows: 32n });
    } finally {
      await target.drop();
    }
  });

  it('refuses a database that is not empty and changes nothing in it; --force replaces it', async () => {
    const target = await createTestDatabase('seeded');
    try {
      await target.db.$transaction((tx) => writeAudit(tx, { actor: null, ip: null }, { action: 'local', entity: 'X' }));
      const before = await tableDigests(target.db);
      await expect(restoreBackup(target.url, archive)).rejects.toThrow(
        /the database is not empty \(rows in .*Department.*\): restore into an empty database, or add --force/,
      );
      expect(await tableDigests(target.db)).toEqual(before);

      await restoreBackup(target.url, archive, { force: true });
      expect(await tableDigests(target.db)).toEqual(await tableDigests(source.db));
    } finally {
      await target.drop();
    }
  });

  it('refuses a damaged archive, naming the table, before writing anything', async () => {
    const index = await readTarIndex(archive);
    const projects = index.find((e) => e.name.endsWith('-Project.copy.gz'))!;
    const damaged = path.join(dir, 'damaged.tar');
    const bytes = readFileSync(archive);
    bytes[projects.offset + Math.floor(projects.size / 2)]! ^= 0xff;
    writeFileSync(damaged, bytes);

    const target = await createTestDatabase('empty');
    try {
      await expect(restoreBackup(target.url, damaged)).rejects.toThrow(/the archive is damaged: table Project/);
      // not even the schema was created
      const tables = await withClient(
        target.url,
        async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n,
      );
      expect(tables).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('refuses an archive whose manifest disagrees with its data, and a file that is not an archive', async () => {
    const bytes = readFileSync(archive);
    const text = bytes.toString('latin1');
    // one row fewer for Department, same length so the tar stays well-formed
    const at = text.indexOf('"rows": ', text.indexOf('"name": "Department"'));
    const digits = /\d+/.exec(text.slice(at + 8))![0];
    const lowered = String(Number(digits) - 1).padStart(digits.length, ' ');
    const edited = Buffer.from(text.slice(0, at + 8) + lowered + text.slice(at + 8 + digits.length), 'latin1');
    // the header checksum covers the header only, so the manifest's own edit is caught by the table check
    const tampered = path.join(dir, 'tampered.tar');
    writeFileSync(tampered, edited);
    const notAnArchive = path.join(dir, 'notes.txt');
    writeFileSync(notAnArchive, 'hello\n'.repeat(200));

    const target = await createTestDatabase('empty');
    try {
      await expect(restoreBackup(target.url, tampered)).rejects.toThrow(
        /the archive is damaged: table Department holds \d+ row\(s\).*the manifest says/,
      );
      await expect(restoreBackup(target.url, notAnArchive)).rejects.toThrow(/not a Keystone backup/);
      expect(
        await withClient(
          target.url,
          async (c) => (await c.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).rowCount,
        ),
      ).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('restores an archive taken before an upgrade at its own level; the upgrade then runs as usual', async () => {
    const old = await createTestDatabase('empty');
    const target = await createTestDatabase('empty');
    const migrations = mkdtempSync(path.join(tmpdir(), 'keystone-migrations-'));
    try {
      for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < '20261205230000')) {
        cpSync(path.join(MIGRATIONS_DIR, name), path.join(migrations, name), { recursive: true });
      }
      await migrate(old.url, { dir: migrations });
      await old.db.$executeRaw`INSERT INTO "AuditLog" (actor, action, entity) VALUES ('old', 'before', 'Upgrade')`;
      const file = path.join(dir, 'before-upgrade.tar');
      const manifest = await createBackup(old.url, file);
      expect(manifest.auditChain).toBeNull();
      expect(manifest.migrationLevel < '20261205230000').toBe(true);

      const restored = await restoreBackup(target.url, file);
      expect(restored.auditRows).toBeNull();
      expect(await withClient(target.url, appliedMigrations)).toEqual(manifest.migrations);
      await migrate(target.url);
      expect(await withClient(target.url, verifyAuditChain)).toMatchObject({ ok: true, rows: 1n });
    } finally {
      rmSync(migrations, { recursive: true, force: true });
      await old.drop();
      await target.drop();
    }
  });
});

/** The distinct object keys the database's attachment rows name. */
async function namedKeys(db: Db): Promise<number> {
  const rows = await db.attachment.findMany({ select: { contentHash: true, displayHash: true, thumbnailHash: true } });
  return new Set(rows.flatMap((r) => [r.contentHash, r.displayHash, r.thumbnailHash]).filter(Boolean)).size;
}

describe('backup and restore of the attachments', () => {
  it("puts the disk store's files in the archive and back into the target's store; a damaged file is refused", async () => {
    const source = await createTestDatabase('seeded');
    const target = await createTestDatabase('empty');
    const storage = await useTempObjectStore();
    const restoredDir = mkdtempSync(path.join(tmpdir(), 'keystone-restored-objects-'));
    try {
      const zjw = await actorOf(source.db, 'zjw');
      const report = await source.db.monthlyReport.findFirstOrThrow({
        where: { month: 11, plan: { project: { departmentId: zjw.departmentId! } } },
        orderBy: { id: 'asc' },
      });
      await source.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
      await uploadToReport(source.db, zjw, report.id, await photo({ width: 80 }), '现场.jpg');
      const milestone = await source.db.preliminaryMilestone.findFirstOrThrow({
        where: { status: { not: 'DONE' }, project: { departmentId: zjw.departmentId! } },
      });
      await uploadToMilestone(source.db, zjw, milestone.id, minimalPdf(), '施工许可证.pdf');
      // an orphan (an upload whose row never came) is not part of the backup
      const orphan = await storage.store.put(Buffer.from('orphan'));

      const dir = mkdtempSync(path.join(tmpdir(), 'keystone-backup-objects-'));
      const file = path.join(dir, 'with-files.tar');
      const named = await namedKeys(source.db);
      expect(named).toBeGreaterThanOrEqual(4);
      const manifest = await createBackup(source.url, file, () => {}, storage.store);
      expect(manifest.objects).toMatchObject({ store: 'disk', included: true, count: named, archived: named });
      expect(manifest.objects!.missing).toEqual([]);
      const names = (await readTarIndex(file)).map((e) => e.name).filter((n) => n.startsWith('objects/'));
      expect(names).toHaveLength(named);
      expect(names).not.toContain(`objects/${orphan.key}`);

      const restoredStore = new DiskObjectStore(restoredDir);
      const summary = await restoreBackup(target.url, file, { objects: restoredStore });
      expect(summary.objects).toEqual({ restored: named, created: named });
      for (const name of names) {
        const key = name.slice('objects/'.length);
        const [a, b] = [storage.store.pathOf(key), restoredStore.pathOf(key)].map((f) => readFileSync(f));
        expect(b!.equals(a!)).toBe(true);
      }

      // one flipped byte in a file: refused before the database is touched
      const index = await readTarIndex(file);
      const entry = index.find((e) => e.name.startsWith('objects/'))!;
      const bytes = readFileSync(file);
      bytes[entry.offset]! ^= 0xff;
      const damaged = path.join(dir, 'damaged-file.tar');
      writeFileSync(damaged, bytes);
      const other = await createTestDatabase('empty');
      try {
        await expect(restoreBackup(other.url, damaged, { objects: restoredStore })).rejects.toThrow(
          /the archive is damaged: attachment file/,
        );
      } finally {
        await other.drop();
      }
      rmSync(dir, { recursive: true, force: true });
    } finally {
      await storage.close();
      rmSync(restoredDir, { recursive: true, force: true });
      await source.drop();
      await target.drop();
    }
  });

  it('with S3 configured, leaves the bucket out and records what the database names', async () => {
    const source = await createTestDatabase('seeded');
    const server = await startS3rver();
    const store = new S3ObjectStore(server.config);
    const dir = mkdtempSync(path.join(tmpdir(), 'keystone-backup-s3-'));
    try {
      const manifest = await createBackup(source.url, path.join(dir, 's3.tar'), () => {}, store);
      expect(manifest.objects).toEqual({
        store: 's3',
        included: false,
        count: await namedKeys(source.db),
        archived: 0,
        bytes: 0,
        missing: [],
      });
      const names = (await readTarIndex(path.join(dir, 's3.tar'))).map((e) => e.name);
      expect(names.some((n) => n.startsWith('objects/'))).toBe(false);
    } finally {
      store.destroy();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      await source.drop();
    }
  });
});
