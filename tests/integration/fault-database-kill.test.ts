/**
 * Faults that lose nothing (issue 16, item 3): the PostgreSQL server is SIGKILLed — postmaster and backends, as when
 * its machine dies — while a write is visibly in progress (its transaction has written its rows and waits for the
 * audit chain, which the test holds: tests/helpers/fault-scenarios.ts, holdAuditChain), and the supervisor of `npm start` brings it back. Each write is then wholly there or wholly
 * absent, the audit chain verifies, the figures version counts exactly the commits, the caller was told in words
 * that nothing was changed, and retrying succeeds exactly once. The server is this file's own
 * (tests/helpers/fault-server.ts). Sizes: FAULT_IMPORT_ROWS (10,000), FAULT_APPROVALS (400), FAULT_DRAFTS (20).
 */
import pg, { Client as PgClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/actions/safe-action';
import { createPrismaClient, type Db } from '@/lib/prisma';
import { signIn } from '../helpers/actors';
import { captureLogLines } from '../helpers/log-lines';
import { startFaultServer, waitFor, type FaultServer } from '../helpers/fault-server';
import {
  auditedSince,
  holdAuditChain,
  integrityOf,
  lastAuditRowId,
  NO_INTERNALS,
  prepareApprovalBatch,
  prepareDraftBatch,
  UNAVAILABLE_ZH,
  waitingOnAuditChain,
  withClient,
  type ApprovalBatch,
  type DraftBatch,
} from '../helpers/fault-scenarios';
import { commitForm, createDraftYear2026, importForm, type Line, workbook } from '../helpers/project-sheets';
import { reportFields } from '../helpers/report-stories';

const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS) || 10_000;
const APPROVALS = Number(process.env.FAULT_APPROVALS) || 400;
const DRAFTS = Number(process.env.FAULT_DRAFTS) || 20;

let server: FaultServer;
let url: string;
let db: Db;
let reports: typeof import('@/lib/actions/reports');
let projectImport: typeof import('@/lib/actions/project-import');
let drafts: DraftBatch;
let approvals: ApprovalBatch;
const log = captureLogLines();

beforeAll(async () => {
  server = await startFaultServer('db-kill');
  url = await server.newDatabase('keystone');
  process.env.DATABASE_URL = url; // lib/db connects here when the actions first use it
  db = createPrismaClient(url);
  await createDraftYear2026(db);
  drafts = await withClient(url, (c) => prepareDraftBatch(c, DRAFTS));
  const draftPlans = drafts.items.map((i) => i.planId);
  approvals = await withClient(url, (c) => prepareApprovalBatch(c, APPROVALS, draftPlans));
  reports = await import('@/lib/actions/reports');
  projectImport = await import('@/lib/actions/project-import');
});
afterAll(async () => {
  await (await import('@/lib/db')).prisma.$disconnect();
  await db?.$disconnect();
  await server?.stop();
  log.restore();
});

/**
 * Once `ready` holds (polled on a connection of its own), stops the next audited write at the audit chain with its
 * other rows written (holdAuditChain), kills the server while it waits there, and waits for the server to be back.
 */
async function killMidWrite(ready: (watcher: pg.Client) => Promise<boolean> = async () => true) {
  // not withClient: ending a connection the kill already cut would wait forever
  const watcher = new PgClient({ connectionString: url });
  watcher.on('error', () => {});
  await watcher.connect();
  await waitFor('the moment to stop the write', () => ready(watcher));
  await holdAuditChain(watcher);
  await waitFor('the write to wait at the audit chain', () => waitingOnAuditChain(watcher));
  await server.killAndWaitForRestart();
}

function expectRetrySafeFailure(result: ActionResult<unknown>) {
  expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
  const message = result.ok ? '' : result.message;
  expect(message).toMatch(UNAVAILABLE_ZH);
  expect(JSON.stringify(result)).not.toMatch(NO_INTERNALS);
  // the operator finds the cause under the reference the user reads
  const ref = /([0-9a-f]{8})）$/.exec(message)?.[1];
  expect(log.lines().find((line) => line.ref === ref)).toMatchObject({ level: 'error', databaseUnavailable: true });
}

const check = () => withClient(url, integrityOf);

describe('the database killed in the middle of a write', () => {
  it(`a batch of ${DRAFTS} draft saves: each save wholly there or absent; the failed ones saved once on retry`, async () => {
    await signIn(db, drafts.username);
    const since = await withClient(url, lastAuditRowId);
    const before = await check();
    const save = (item: DraftBatch['items'][number]) =>
      reports.saveReportDraft({
        ...reportFields({ investedThisMonth: item.amount, progressText: '断电前填写的进度' }),
        projectPlanId: item.planId,
        month: 11,
        version: item.version,
      });
    const results: ActionResult<unknown>[] = [];
    // the batch screen's 保存全部: one save after another
    const saving = (async () => {
      for (const item of drafts.items) results.push(await save(item));
    })();
    const killAfter = Math.floor(DRAFTS / 3);
    await killMidWrite(async (w) => (await auditedSince(w, 'report.saveDraft', since)).length >= killAfter);
    await saving;

    const saved = drafts.items.filter((_, i) => results[i]!.ok);
    const failed = drafts.items.filter((_, i) => !results[i]!.ok);
    expect(saved.length).toBeGreaterThanOrEqual(killAfter);
    expect(failed.length).toBeGreaterThan(0); // the kill landed inside the batch
    for (const [i, result] of results.entries()) if (!result.ok) expectRetrySafeFailure(results[i]!);
    const rowsOf = () =>
      withClient(url, async (c) => {
        const { rows } = await c.query<{ id: number; version: number; progressText: string }>(
          `SELECT id, version, "progressText" FROM "MonthlyReport" WHERE id = ANY($1::int[])`,
          [drafts.items.map((i) => i.reportId)],
        );
        return new Map(rows.map((r) => [r.id, r]));
      });
    let rows = await rowsOf();
    for (const item of saved) expect(rows.get(item.reportId)).toMatchObject({ version: item.version + 1 });
    for (const item of failed) {
      expect(rows.get(item.reportId)?.version).toBe(item.version);
      expect(rows.get(item.reportId)?.progressText).not.toBe('断电前填写的进度');
    }
    let audited = await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since));
    expect(audited.sort()).toEqual(saved.map((i) => String(i.reportId)).sort());
    expect(await check()).toEqual({
      chainOk: true,
      auditRows: before.auditRows + saved.length,
      // draft saves that change no figure leave the figures version (and every cached dashboard) in place
      figuresVersion: before.figuresVersion,
    });

    // the user presses 保存全部 again: the failed saves go through, once
    for (const item of failed) expect(await save(item)).toMatchObject({ ok: true });
    const afterRetry = await check();
    // and a second retry of the same edits is refused as stale: nothing is saved twice
    for (const item of failed) expect(await save(item)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await check()).toEqual(afterRetry);
    rows = await rowsOf();
    for (const item of drafts.items) {
      expect(rows.get(item.reportId)).toMatchObject({ version: item.version + 1, progressText: '断电前填写的进度' });
    }
    audited = await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since));
    expect(audited.sort()).toEqual(drafts.items.map((i) => String(i.reportId)).sort());
    expect(afterRetry).toMatchObject({ chainOk: true, figuresVersion: before.figuresVersion });
  });

  it(`a bulk approval of ${APPROVALS} reports: none approved, the error says so, the retry approves all once`, async () => {
    await signIn(db, 'bureau');
    const since = await withClient(url, lastAuditRowId);
    const before = await check();
    const approving = reports.approveReports(approvals);
    await killMidWrite();
    expectRetrySafeFailure(await approving);

    const statuses = () =>
      withClient(url, async (c) => {
        const { rows } = await c.query<{ status: string; version: number; n: number }>(
          `SELECT status, version, count(*)::int AS n FROM "MonthlyReport" WHERE id = ANY($1::int[]) GROUP BY 1, 2`,
          [approvals.reports.map((r) => r.reportId)],
        );
        return rows.map((r) => `${r.status}:v${r.version}:${r.n}`).sort();
      });
    const versions = [...new Set(approvals.reports.map((r) => r.version))];
    const countAt = (v: number) => approvals.reports.filter((r) => r.version === v).length;
    expect(await statuses()).toEqual(versions.map((v) => `SUBMITTED:v${v}:${countAt(v)}`).sort());
    expect(await withClient(url, (c) => auditedSince(c, 'report.approve', since))).toEqual([]);
    expect(await check()).toEqual(before);

    const retry = await reports.approveReports(approvals);
    expect(retry).toMatchObject({ ok: true });
    expect(retry.ok && retry.data).toHaveLength(APPROVALS);
    const approved = await check();
    expect(approved).toEqual({
      chainOk: true,
      auditRows: before.auditRows + APPROVALS,
      figuresVersion: before.figuresVersion + 1,
    });
    expect(await reports.approveReports(approvals)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await check()).toEqual(approved);
    expect(await statuses()).toEqual(versions.map((v) => `APPROVED:v${v + 1}:${countAt(v)}`).sort());
    expect((await withClient(url, (c) => auditedSince(c, 'report.approve', since))).length).toBe(APPROVALS);
  });

  it(`a ${IMPORT_ROWS.toLocaleString('en')}-row project import: no project of it, then all of them once`, async () => {
    await signIn(db, 'bureau');
    const lines: Line[] = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
      code: `KILL-${String(i + 1).padStart(5, '0')}`,
    }));
    const file = await workbook(lines);
    const dry = await projectImport.importProjectsDryRun(importForm(2026, file));
    expect(dry).toMatchObject({ ok: true, data: { create: IMPORT_ROWS, errorCount: 0 } });
    if (!dry.ok) return;
    const imported = () =>
      withClient(url, async (c) => {
        const { rows } = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Project" WHERE code LIKE 'KILL-%'`,
        );
        return rows[0]!.n;
      });
    const since = await withClient(url, lastAuditRowId);
    const before = await check();

    const committing = projectImport.importProjectsCommit(commitForm(2026, file, dry.data));
    // the projects, plans and monthly plans are written; the audit rows wait
    await killMidWrite();
    expectRetrySafeFailure(await committing);
    expect(await imported()).toBe(0);
    expect(await withClient(url, (c) => auditedSince(c, 'project.import', since))).toEqual([]);
    expect(await check()).toEqual(before);

    const retry = await projectImport.importProjectsCommit(commitForm(2026, file, dry.data));
    expect(retry).toMatchObject({ ok: true, data: { committed: true, create: IMPORT_ROWS } });
    expect(await imported()).toBe(IMPORT_ROWS);
    const after = await check();
    expect(after).toMatchObject({ chainOk: true, figuresVersion: before.figuresVersion + 1 });
    expect(after.auditRows).toBeGreaterThanOrEqual(before.auditRows + IMPORT_ROWS);
    // the same commit again creates nothing more
    const again = await projectImport.importProjectsCommit(commitForm(2026, file, dry.data));
    expect(again.ok && again.data.create).toBeFalsy();
    expect(await imported()).toBe(IMPORT_ROWS);
    expect(await check()).toEqual(after);
  });
});
