/**
 * Faults that lose nothing (issue 16, item 3): the app process is SIGKILLed while it holds a write's transaction open
 * (its rows written, waiting for the audit chain the test holds: tests/helpers/fault-scenarios.ts, holdAuditChain). PostgreSQL rolls the transaction back when the connection drops, so
 * each write is wholly there or wholly absent; a new process (what the supervisor of `npm start` starts) retries
 * it, and it succeeds exactly once.
 *
 * The app process is tests/helpers/fault-driver.ts running the real server actions, not `next start` over HTTP: a
 * server action is reached over HTTP only through the build's action ids with a signed session, and the integration
 * tier has no production build. What dies is the same: the Node process holding the pool and the open transaction.
 * Sizes: FAULT_IMPORT_ROWS (10,000), FAULT_APPROVALS (400), FAULT_DRAFTS (20).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/postgres';
import { startFaultServer, waitFor, type FaultServer } from '../helpers/fault-server';
import {
  auditedSince,
  holdAuditChain,
  integrityOf,
  lastAuditRowId,
  prepareApprovalBatch,
  prepareDraftBatch,
  withClient,
  waitingOnAuditChain,
  writingNow,
} from '../helpers/fault-scenarios';
import { type Line, workbook } from '../helpers/project-sheets';

const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS) || 10_000;
const APPROVALS = Number(process.env.FAULT_APPROVALS) || 400;
const DRAFTS = Number(process.env.FAULT_DRAFTS) || 20;

let server: FaultServer;
let dir: string;
beforeAll(async () => {
  server = await startFaultServer('app-kill');
  dir = mkdtempSync(path.join(tmpdir(), 'keystone-app-kill-'));
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const WRITTEN = ['MonthlyPlanItem', 'Project', 'ProjectPlan'];

/** The tables of WRITTEN that the transaction waiting at the audit chain has written to (holds RowExclusiveLock on). */
async function writtenTables(watcher: pg.Client): Promise<string[]> {
  const { rows } = await watcher.query<{ name: string }>(
    `SELECT DISTINCT c.relname AS name FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
       JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL AND a.wait_event_type = 'Lock'
        AND l.mode = 'RowExclusiveLock' AND l.granted AND c.relname = ANY($1::text[]) ORDER BY 1`,
    [WRITTEN],
  );
  return rows.map((r) => r.name);
}

type Said = { result?: { ok: boolean; code?: string; data?: unknown }; reportId?: number };

/** Starts the app process on one operation; `lines` fills as it answers. */
function startApp(url: string, op: string, input: unknown, username: string) {
  const file = path.join(dir, `${op}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(input));
  // node itself, not the tsx launcher: SIGKILL must reach the process that holds the transaction
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './scripts/bench/register.mjs',
      'tests/helpers/fault-driver.ts',
      op,
      file,
      username,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Said[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as Said);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    // 'close': its output is read to the end too
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    lines,
    /** runs to the end and returns what it said; fails with its stderr if it crashed */
    async finished() {
      const { code } = await exited;
      if (code !== 0) throw new Error(`the app process failed (${code}): ${stderr}`);
      return lines;
    },
    /**
     * Once `ready` holds, stops the next audited write at the audit chain with its other rows written
     * (holdAuditChain), SIGKILLs the process while it waits there, lets the chain go, and waits until PostgreSQL has
     * ended the dead process's transaction.
     */
    async killMidWrite(
      ready: (watcher: pg.Client) => Promise<boolean> = async () => true,
      {
        ms = 60_000,
        atTheMoment = async () => {},
      }: { ms?: number; atTheMoment?: (w: pg.Client) => Promise<void> } = {},
    ) {
      // a process that died or stalled before the moment says why in the failure, not only "timed out"
      const until = (what: string, check: () => Promise<boolean>) =>
        waitFor(
          what,
          async () => {
            if (child.exitCode !== null) throw new Error(`the app process exited (${child.exitCode}) before ${what}`);
            return check();
          },
          ms,
        ).catch((error: Error) => {
          throw new Error(`${error.message}; the app process said: ${JSON.stringify(lines)} ${stderr}`);
        });
      await withClient(url, async (w) => {
        await until('the moment to stop the write', () => ready(w));
        await holdAuditChain(w);
        await until('the write to wait at the audit chain', () => waitingOnAuditChain(w));
        await atTheMoment(w);
        child.kill('SIGKILL');
        expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
        await w.query('ROLLBACK');
        await waitFor('PostgreSQL to roll back the dead process’s transaction', async () => !(await writingNow(w)));
      });
    },
  };
}

describe('the app process killed in the middle of a write', () => {
  it(`a batch of ${DRAFTS} draft saves: the answered ones kept, the one in flight absent; a new process saves the rest once`, async () => {
    const url = await server.newDatabase('drafts');
    const batch = await withClient(url, (c) => prepareDraftBatch(c, DRAFTS));
    const input = { ...batch, progressText: '进程被杀前填写' };
    const since = await withClient(url, lastAuditRowId);
    const before = await withClient(url, integrityOf);
    const app = startApp(url, 'drafts', input, batch.username);
    const killAfter = Math.floor(DRAFTS / 3);
    await app.killMidWrite(async (w) => (await auditedSince(w, 'report.saveDraft', since)).length >= killAfter);

    const answered = app.lines.filter((l) => l.result?.ok).map((l) => String(l.reportId));
    expect(answered.length).toBeGreaterThanOrEqual(killAfter);
    expect(answered.length).toBeLessThan(DRAFTS);
    // exactly the answered saves are there: the one in flight left nothing
    expect((await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since))).sort()).toEqual(answered.sort());
    expect(await withClient(url, integrityOf)).toEqual({
      chainOk: true,
      auditRows: before.auditRows + answered.length,
      // draft saves that change no figure leave the figures version (and every cached dashboard) in place
      figuresVersion: before.figuresVersion,
    });

    const rest = { ...input, items: batch.items.filter((i) => !answered.includes(String(i.reportId))) };
    const retried = await startApp(url, 'drafts', rest, batch.username).finished();
    expect(retried.map((l) => l.result?.ok)).toEqual(rest.items.map(() => true));
    const again = await startApp(url, 'drafts', rest, batch.username).finished();
    expect(again.map((l) => l.result?.code)).toEqual(rest.items.map(() => 'CONFLICT'));
    expect((await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since))).sort()).toEqual(
      batch.items.map((i) => String(i.reportId)).sort(),
    );
    expect(await withClient(url, integrityOf)).toMatchObject({
      chainOk: true,
      figuresVersion: before.figuresVersion,
    });
  });

  it(`a bulk approval of ${APPROVALS} reports: none approved; a new process approves all once`, async () => {
    const url = await server.newDatabase('approve');
    const batch = await withClient(url, (c) => prepareApprovalBatch(c, APPROVALS, []));
    const since = await withClient(url, lastAuditRowId);
    const before = await withClient(url, integrityOf);
    const app = startApp(url, 'approve', batch, 'bureau');
    await app.killMidWrite();
    expect(app.lines).toEqual([]); // no answer reached the caller
    expect(await withClient(url, (c) => auditedSince(c, 'report.approve', since))).toEqual([]);
    expect(await withClient(url, integrityOf)).toEqual(before);

    const [retry] = await startApp(url, 'approve', batch, 'bureau').finished();
    expect(retry?.result).toMatchObject({ ok: true });
    const [again] = await startApp(url, 'approve', batch, 'bureau').finished();
    expect(again?.result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await withClient(url, (c) => auditedSince(c, 'report.approve', since))).length).toBe(APPROVALS);
    expect(await withClient(url, integrityOf)).toEqual({
      chainOk: true,
      auditRows: before.auditRows + APPROVALS,
      figuresVersion: before.figuresVersion + 1,
    });
  });

  it(
    `a ${IMPORT_ROWS.toLocaleString('en')}-row project import: no project of it, no audit row; a new process imports all once`,
    { timeout: 300_000 },
    async () => {
      const url = await server.newDatabase('import');
      await withClient(url, (c) =>
        c.query(
          `INSERT INTO "PlanYear" (year, title, "approvedInvestment", status, "updatedAt")
           VALUES (2026, '渝中区2026年重点项目计划', 1000000, 'DRAFT', now())`,
        ),
      );
      const lines: Line[] = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
        code: `APPKILL-${String(i + 1).padStart(5, '0')}`,
      }));
      const sheet = path.join(dir, 'projects.xlsx');
      writeFileSync(sheet, new Uint8Array(await (await workbook(lines)).arrayBuffer()));
      const imported = () =>
        withClient(url, async (c) => {
          const { rows } = await c.query<{ projects: number; plans: number; months: number }>(
            `SELECT (SELECT count(*) FROM "Project" WHERE code LIKE 'APPKILL-%')::int AS projects,
                    count(DISTINCT pp.id)::int AS plans, count(m.*)::int AS months
               FROM "Project" p JOIN "ProjectPlan" pp ON pp."projectId" = p.id
               LEFT JOIN "MonthlyPlanItem" m ON m."planId" = pp.id
              WHERE p.code LIKE 'APPKILL-%'`,
          );
          return rows[0]!;
        });
      const ALL = { projects: IMPORT_ROWS, plans: IMPORT_ROWS, months: IMPORT_ROWS * 12 };
      // the page's check first (it writes only its own audit row), in a process of its own
      const [checked] = await startApp(url, 'import-check', { year: 2026, sheet }, 'bureau').finished();
      expect(checked?.result).toMatchObject({ ok: true, data: { create: IMPORT_ROWS, errorCount: 0 } });
      const input = { year: 2026, sheet, versions: (checked!.result!.data as { versions: object }).versions };
      const since = await withClient(url, lastAuditRowId);
      const before = await withClient(url, integrityOf);

      // the commit's transaction stops at the audit chain with its projects, plans and monthly plans written (it
      // holds the write locks of their tables), and the process dies there
      const app = startApp(url, 'import', input, 'bureau');
      await app.killMidWrite(undefined, {
        ms: 180_000,
        atTheMoment: async (w) => expect(await writtenTables(w)).toEqual(WRITTEN),
      });
      expect(app.lines).toEqual([]); // no answer reached the caller
      expect(await imported()).toEqual({ projects: 0, plans: 0, months: 0 });
      expect(await withClient(url, (c) => auditedSince(c, 'project.import', since))).toEqual([]);
      expect(await withClient(url, integrityOf)).toEqual(before);

      // the user presses 导入 again: a new process commits the whole file, once
      const [retry] = await startApp(url, 'import', input, 'bureau').finished();
      expect(retry?.result).toMatchObject({ ok: true, data: { committed: true, create: IMPORT_ROWS } });
      expect(await imported()).toEqual(ALL);
      // one row for the import, one per project
      expect(await withClient(url, (c) => auditedSince(c, 'project.import', since))).toHaveLength(IMPORT_ROWS + 1);
      const after = await withClient(url, integrityOf);
      expect(after).toEqual({
        chainOk: true,
        auditRows: before.auditRows + IMPORT_ROWS + 1,
        figuresVersion: before.figuresVersion + 1,
      });
      // the same commit again changes nothing
      const [again] = await startApp(url, 'import', input, 'bureau').finished();
      expect(again?.result).toMatchObject({ ok: true, data: { committed: false, create: 0, update: 0 } });
      expect(await imported()).toEqual(ALL);
      expect(await withClient(url, integrityOf)).toEqual(after);
    },
  );
});
