/**
 * The audit trail is a hash chain: every row, whoever writes it, is chained by the database's trigger; concurrent
 * writers queue instead of forking the chain; and a row altered, removed or cut off with the append-only trigger
 * disabled is named by the verifier (`npm run audit:verify`).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { diffRecords, toAuditRecord, writeAudit, writeAuditMany } from '@/lib/server/audit';
import { describeChainReport, GENESIS_HASH, verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { migrate, MIGRATIONS_DIR } from '../../scripts/lib/migrate';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../../scripts/lib/postgres';
import { signIn } from '../helpers/actors';
import { openReportStories, type ReportStories } from '../helpers/report-stories';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const SYSTEM = { actor: null, ip: null };
/** 41 transactions share the client's pool: let them wait for a connection (and for the chain) */
const QUEUE = { maxWait: 60_000, timeout: 60_000 };

async function verify(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await verifyAuditChain(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the database owner with the append-only trigger off, as someone covering their tracks would. */
async function tamper(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"');
    await client.query(sql);
    await client.query('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"');
  } finally {
    await client.end();
  }
}

async function chain(t: TestDatabase) {
  return t.db.auditLog.findMany({
    select: { id: true, chainSeq: true, prevHash: true, hash: true, reason: true },
    orderBy: { chainSeq: 'asc' },
  });
}

describe('the chain the app writes', () => {
  let s: ReportStories;
  beforeAll(async () => {
    s = await openReportStories();
  });
  afterAll(async () => s?.close());

  it('chains the seed, a real bulk approval and rows with every kind of value, and the verifier agrees', async () => {
    const reports = await s.reportsOf('jw', 'SUBMITTED', 3);
    await signIn(s.db, 'bureau');
    const approved = await s.actions.approveReports({
      reports: reports.map((r) => ({ reportId: r.id, version: r.version })),
    });
    expect(approved.ok).toBe(true);
    await s.db.$transaction(async (tx) => {
      // decimals, dates, Chinese, nulls, nested arrays, quotes and a secret field: what diffRecords hands over
      const before = { invested: '1.50', at: new Date('2025-03-01T08:00:00.123Z'), name: '解放碑 "A"', x: null };
      const after = { invested: '12345678.90', at: new Date('2025-03-02T00:00:00Z'), name: '朝天门\n', x: [1, 2.5] };
      const diff = diffRecords(before, after);
      await writeAudit(tx, SYSTEM, { action: 't.diff', entity: 'Test', before: diff.before, after: diff.after });
      await writeAudit(tx, SYSTEM, {
        action: 't.nested',
        entity: 'Test',
        entityId: 42,
        after: toAuditRecord({ passwordHash: 'x', deep: { b: 1e21, a: -0.000001, z: true }, big: 10n ** 30n }),
        reason: 'ünïcödé ✓',
      });
    });
    await s.db
      .$executeRaw`INSERT INTO "AuditLog" (actor, action, entity, after) VALUES ('psql', 'raw', 'Test', '{"n": 1.000}')`;

    const rows = await chain({ db: s.db } as TestDatabase);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(rows.map((r) => r.chainSeq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);

    const report = await verify(process.env.DATABASE_URL!);
    expect(report).toEqual({ ok: true, rows: BigInt(rows.length), tip: rows.at(-1)!.hash });
  });

  it('ignores chain columns a writer supplies: the trigger sets them', async () => {
    const forged = 'f'.repeat(64);
    await s.db.$executeRaw`INSERT INTO "AuditLog" (actor, action, entity, "chainSeq", "prevHash", hash)
      VALUES ('mallory', 'forge', 'Test', 999999, ${forged}, ${forged})`;
    const row = await s.db.auditLog.findFirstOrThrow({ where: { actor: 'mallory' } });
    expect(row.chainSeq).not.toBe(999999n);
    expect(row.hash).not.toBe(forged);
    expect((await verify(process.env.DATABASE_URL!)).ok).toBe(true);
  });
});

describe('concurrent writers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('migrated');
  });
  afterAll(async () => t?.drop());

  it('keep the chain linear: 40 transactions at once, each one contiguous, no two rows after the same hash', async () => {
    const writers = Array.from({ length: 40 }, (_, w) =>
      t.db.$transaction(async (tx) => {
        await writeAudit(tx, SYSTEM, { action: 't.one', entity: 'Test', reason: `w${w}` });
        await writeAuditMany(
          tx,
          SYSTEM,
          Array.from({ length: 5 }, (_, i) => ({ action: 't.many', entity: 'Test', entityId: i, reason: `w${w}` })),
        );
      }, QUEUE),
    );
    // and a writer that rolls back: it must leave no hole and no fork
    const failing = t.db
      .$transaction(async (tx) => {
        await writeAudit(tx, SYSTEM, { action: 't.lost', entity: 'Test', reason: 'rolled back' });
        throw new Error('rollback');
      }, QUEUE)
      .catch(() => 'rolled back');
    await Promise.all([...writers, failing]);

    const rows = await chain(t);
    expect(rows).toHaveLength(40 * 6);
    expect(rows.map((r) => r.chainSeq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    for (let w = 0; w < 40; w++) {
      const seqs = rows.filter((r) => r.reason === `w${w}`).map((r) => Number(r.chainSeq));
      expect(seqs).toHaveLength(6);
      expect(seqs.at(-1)! - seqs[0]!).toBe(5);
    }
    expect(await verify(t.url)).toMatchObject({ ok: true, rows: 240n });
  });
});

describe('savepoints', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('migrated');
  });
  afterAll(async () => t?.drop());

  it('a rolled-back savepoint takes its rows out of the chain, and the transaction continues from the row before', async () => {
    const insert = (c: pg.Client, reason: string) =>
      c.query(`INSERT INTO "AuditLog" (actor, action, entity, reason) VALUES ('t', 'sp', 'Test', $1)`, [reason]);
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      // the first row of the transaction (the one that locks the tip) inside the savepoint that rolls back
      await c.query('BEGIN');
      await c.query('SAVEPOINT a');
      await insert(c, 'lost 1');
      await c.query('ROLLBACK TO SAVEPOINT a');
      await insert(c, 'kept 1');
      await c.query('SAVEPOINT b');
      await insert(c, 'lost 2');
      await insert(c, 'lost 3');
      await c.query('ROLLBACK TO SAVEPOINT b');
      await insert(c, 'kept 2');
      await c.query('COMMIT');
      await insert(c, 'kept 3');
    } finally {
      await c.end();
    }
    const rows = await chain(t);
    expect(rows.map((r) => [r.chainSeq, r.reason])).toEqual([
      [1n, 'kept 1'],
      [2n, 'kept 2'],
      [3n, 'kept 3'],
    ]);
    expect(await verify(t.url)).toMatchObject({ ok: true, rows: 3n });
  });
});

describe('tampering', () => {
  let t: TestDatabase;
  let ids: bigint[];
  beforeAll(async () => {
    t = await createTestDatabase('migrated');
    await t.db.$transaction(async (tx) => {
      for (let i = 1; i <= 12; i++) {
        await writeAudit(tx, SYSTEM, {
          action: 'report.approve',
          entity: 'MonthlyReport',
          entityId: i,
          after: { n: i },
        });
      }
    });
    ids = (await chain(t)).map((r) => r.id);
  });
  afterAll(async () => t?.drop());

  // Each case works on its own copy, so the cases do not see each other's damage.
  let copies = 0;
  async function copy() {
    await t.db.$disconnect(); // a template cannot be cloned while someone is connected to it
    const adminUrl = inject('adminUrl');
    const name = `${t.name}_c${++copies}`;
    await createDatabaseIfMissing(adminUrl, name, t.name);
    return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
  }

  it('an altered row is named by its id and chain position', async () => {
    const c = await copy();
    try {
      expect((await verify(c.url)).ok).toBe(true);
      await tamper(c.url, `UPDATE "AuditLog" SET after = '{"n": 999}' WHERE id = ${ids[6]}`);
      const report = await verify(c.url);
      expect(report).toEqual({ ok: false, rows: 6n, broken: { kind: 'content', id: String(ids[6]), seq: '7' } });
      expect(describeChainReport(report)).toContain(`AuditLog row id ${ids[6]} (chain position 7)`);
    } finally {
      await c.drop();
    }
  });

  it('an altered row whose hash was recomputed breaks the link of the next row', async () => {
    const c = await copy();
    try {
      await tamper(
        c.url,
        `UPDATE "AuditLog" SET reason = 'nothing to see',
           hash = audit_log_link("prevHash", audit_log_canonical("chainSeq", id, at, "actorId", actor, ip, action,
             entity, "entityId", before, after, 'nothing to see'))
         WHERE id = ${ids[3]}`,
      );
      expect(await verify(c.url)).toEqual({
        ok: false,
        rows: 4n,
        broken: { kind: 'link', id: String(ids[4]), seq: '5' },
      });
    } finally {
      await c.drop();
    }
  });

  it('a removed row and rows cut off the end are named', async () => {
    const c = await copy();
    try {
      await tamper(c.url, `DELETE FROM "AuditLog" WHERE id = ${ids[2]}`);
      expect(await verify(c.url)).toEqual({
        ok: false,
        rows: 2n,
        broken: { kind: 'gap', id: String(ids[3]), seq: '4', expectedSeq: '3' },
      });
    } finally {
      await c.drop();
    }
    const d = await copy();
    try {
      await tamper(d.url, `DELETE FROM "AuditLog" WHERE "chainSeq" > 10`);
      const report = await verify(d.url);
      expect(report).toEqual({ ok: false, rows: 10n, broken: { kind: 'tip', tipSeq: '12', lastSeq: '10' } });
    } finally {
      await d.drop();
    }
  });
});

describe('the migration', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase('empty');
    dir = mkdtempSync(path.join(tmpdir(), 'keystone-migrations-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it('chains the rows written before it in id order', async () => {
    const before = readdirSync(MIGRATIONS_DIR).filter((name) => name < '20261205230000');
    for (const name of before) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await migrate(t.url, { dir });
    for (let i = 0; i < 5; i++) {
      await t.db
        .$executeRaw`INSERT INTO "AuditLog" (actor, action, entity, after) VALUES ('old', 'seed', 'Test', ${JSON.stringify({ i })}::jsonb)`;
    }
    await migrate(t.url);
    const rows = await chain(t);
    expect(rows.map((r) => r.chainSeq)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => Number(a - b)));
    await t.db.$executeRaw`INSERT INTO "AuditLog" (actor, action, entity) VALUES ('new', 'after', 'Test')`;
    expect(await verify(t.url)).toMatchObject({ ok: true, rows: 6n });
  });
});
