/**
 * saveReportDrafts (the month sheet's commit) is N saveReportDraft calls in one: for the same rows from the same
 * state it writes the same reports, the same audit lines in the same order, returns the same results, and refuses
 * with the same error (the first refused row's). Each comparison runs both ways from one state, in transactions
 * rolled back afterwards, against a throwaway copy of the seeded database.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Tx } from '@/lib/server/audit';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { AppError } from '@/lib/server/errors';
import { saveReportDraft } from '@/lib/server/reports/save-report-draft';
import { saveReportDrafts } from '@/lib/server/reports/save-report-drafts';
import { createWriteContext } from '@/lib/server/write-context';
import { ZSaveReportDraft, type SaveReportDraftInput, type SaveReportDraftValues } from '@/lib/validations/report';
import { actorOf } from '../helpers/actors';
import { lastAuditId } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let zjw: Actor;
let month: number;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  zjw = await actorOf(t.db, 'zjw');
  month = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 }, select: { currentMonth: true } }))
    .currentMonth;
});
afterAll(async () => t?.drop());

class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super('rolled back');
  }
}

type Mode = 'one by one' | 'at once';

/** The error as the user reads it, or the results, with every report id named by its plan and month. */
function outcomeOf(value: unknown, keyOf: Map<number, string>) {
  if (value instanceof AppError)
    return { refused: value.constructor.name, ...value.userMessage, fields: value.fieldErrors };
  return (value as { reportId: number }[]).map(({ reportId, ...rest }) => ({ report: keyOf.get(reportId), ...rest }));
}

/**
 * Saves the rows (one saveReportDraft per row, or one saveReportDrafts) in a transaction of zjw's, reads what it
 * wrote, and rolls it all back: both modes start from the same database.
 */
async function observe(mode: Mode, rows: SaveReportDraftValues[]) {
  const since = await lastAuditId(t.db);
  const planIds = rows.map((r) => r.projectPlanId);
  const run = t.db.$transaction(
    async (tx) => {
      const ctx = createWriteContext(tx as Tx, { actor: zjw, ip: '127.0.0.1', input: null, permission: 'report.edit' });
      let value: unknown;
      try {
        if (mode === 'at once') value = await saveReportDrafts(ctx, rows);
        else {
          const results = [];
          for (const input of rows) results.push(await saveReportDraft({ ...ctx, input }));
          value = results;
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        value = error;
      }
      const reports = await tx.monthlyReport.findMany({
        where: { planId: { in: planIds } },
        omit: { id: false, createdAt: true, updatedAt: true },
        orderBy: [{ planId: 'asc' }, { month: 'asc' }],
      });
      const keyOf = new Map(reports.map((r) => [r.id, `${r.planId}:${r.month}`]));
      const audit = await tx.auditLog.findMany({
        where: { id: { gt: since } },
        select: { actor: true, ip: true, action: true, entity: true, entityId: true, before: true, after: true },
        orderBy: { id: 'asc' },
      });
      throw new RolledBack(
        JSON.parse(
          JSON.stringify({
            outcome: outcomeOf(value, keyOf),
            // a refused batch writes nothing: compared as "rolled back" in both modes, checked written-free below
            reports: value instanceof AppError ? null : reports.map(({ id, ...r }) => ({ key: keyOf.get(id), ...r })),
            // one by one, the rows before the refused one were written in the transaction the refusal rolls back
            audit:
              value instanceof AppError
                ? null
                : audit.map((a) => ({ ...a, entityId: keyOf.get(Number(a.entityId)) ?? a.entityId })),
            written: mode === 'at once' ? audit.length : null,
          }),
        ),
      );
    },
    { timeout: 60_000 },
  );
  const seen = await run.then(
    () => {
      throw new Error('the transaction was to be rolled back');
    },
    (e: unknown) => {
      if (e instanceof RolledBack) {
        return e.value as { outcome: unknown; reports: unknown; audit: unknown[]; written: number | null };
      }
      throw e;
    },
  );
  return seen;
}

async function bothWays(rows: SaveReportDraftValues[]) {
  const single = await observe('one by one', rows);
  const batch = await observe('at once', rows);
  expect({ ...batch, written: null }).toEqual(single);
  return batch;
}

const draft = (input: SaveReportDraftInput) => ZSaveReportDraft.parse(input);

/**
 * zjw's 2025 plans of a stage not 前期, each with the month's report in the given state; projects without a plan in
 * a closed year (the seed's 2024), whose dates in that year a report could no longer state.
 */
async function plansOf(status: 'DRAFT', count: number, skip: number[] = []) {
  const plans = await t.db.projectPlan.findMany({
    where: {
      id: { notIn: skip },
      planYear: { year: 2025 },
      stage: { not: 'PRELIMINARY' },
      project: { departmentId: zjw.departmentId!, plans: { none: { planYear: { status: 'CLOSED' } } } },
      reports: { some: { month, status } },
    },
    select: { id: true, reports: { where: { month }, select: { id: true, version: true } } },
    orderBy: { id: 'asc' },
    take: count,
  });
  if (plans.length < count) throw new Error(`the seed has fewer than ${count} such plans (${status})`);
  return plans.map((p) => ({ planId: p.id, report: p.reports[0] ?? null }));
}

/** Plans of zjw with no report for the month: drafts of the seed, taken out (set up, committed). */
async function freshPlans(count: number) {
  const plans = await plansOf('DRAFT', count);
  await t.db.monthlyReport.deleteMany({ where: { id: { in: plans.map((p) => p.report!.id) } } });
  return plans.map((p) => ({ planId: p.planId, report: null }));
}

describe('saveReportDrafts against saveReportDraft row by row', () => {
  it('writes the same reports, audit lines and results for new, changed, returned, unchanged and two-month rows', async () => {
    const [fresh1, fresh2] = await freshPlans(2);
    const [changed, same] = await plansOf('DRAFT', 2);
    // a returned report and one project's two open months (October made a draft again): set up, committed
    const [returned] = await plansOf('DRAFT', 1, [changed!.planId, same!.planId]);
    await t.db.monthlyReport.update({ where: { id: returned!.report!.id }, data: { status: 'RETURNED' } });
    const [twoMonths] = await plansOf('DRAFT', 1, [changed!.planId, same!.planId, returned!.planId]);
    const october = await t.db.monthlyReport.update({
      where: { planId_month: { planId: twoMonths!.planId, month: month - 1 } },
      data: { status: 'DRAFT' },
      select: { version: true, plan: { select: { project: { select: { totalInvestment: true } } } } },
    });
    const saved = await t.db.monthlyReport.findUniqueOrThrow({ where: { id: same!.report!.id } });

    const rows = [
      draft({ projectPlanId: fresh1!.planId, month, version: 0, investedThisMonth: '12.34', progressText: '新建' }),
      draft({
        projectPlanId: changed!.planId,
        month,
        version: changed!.report!.version,
        investedThisMonth: '56.78',
        progressText: '改过',
        percentComplete: '40',
        actualStart: '2024-03-01',
      }),
      draft({
        projectPlanId: same!.planId,
        month,
        version: saved.version,
        investedThisMonth: saved.investedThisMonth.toFixed(2),
        progressText: saved.progressText,
        problems: saved.problems,
        coordinationNeeded: saved.coordinationNeeded,
        nextSteps: saved.nextSteps,
        explanation: saved.explanation,
        percentComplete: saved.percentComplete?.toFixed(2) ?? '',
      }),
      draft({ projectPlanId: returned!.planId, month, version: returned!.report!.version, investedThisMonth: '1' }),
      // October above the whole project: November, saved after it, is checked against October's new figure
      draft({
        projectPlanId: twoMonths!.planId,
        month: month - 1,
        version: october.version,
        investedThisMonth: october.plan.project.totalInvestment.toFixed(2),
      }),
      draft({ projectPlanId: twoMonths!.planId, month, version: twoMonths!.report!.version, investedThisMonth: '3' }),
      draft({ projectPlanId: fresh2!.planId, month, version: 0, investedThisMonth: '0', nextSteps: '待定' }),
    ];
    const seen = await bothWays(rows);

    const results = seen.outcome as { report: string; version: number; status: string; flags: { code: string }[] }[];
    expect(results.map((r) => r.status)).toEqual(['DRAFT', 'DRAFT', 'DRAFT', 'RETURNED', 'DRAFT', 'DRAFT', 'DRAFT']);
    expect(results[0]!.version).toBe(1);
    expect(results[1]!.version).toBe(changed!.report!.version + 1);
    expect(results[5]!.flags.map((f) => f.code)).toContain('cumulativeAboveTotal');
    // one line per row, in the rows' order; a new report's line holds it whole, a changed one only what changed
    expect(seen.audit.map((a) => (a as { entityId: string }).entityId)).toEqual(results.map((r) => r.report));
    expect(seen.audit[0]).toMatchObject({ action: 'report.saveDraft', before: null, actor: 'zjw' });
    expect(seen.audit[1]).toMatchObject({ after: { investedThisMonth: '56.78', progressText: '改过' } });
    expect(Object.keys((seen.audit[1] as { before: object }).before)).toContain('investedThisMonth');
  });

  it('refuses with the first refused row’s reason, naming who saved a stale row and when, and writes nothing', async () => {
    const [fresh] = await freshPlans(1);
    const [stale, handedIn] = await plansOf('DRAFT', 2);
    await t.db.monthlyReport.update({ where: { id: handedIn!.report!.id }, data: { status: 'SUBMITTED' } });
    // someone of zjw saved the stale row since it was read: the refusal names them from the trail
    await t.db.$transaction((tx) =>
      saveReportDraft(
        createWriteContext(tx as Tx, {
          actor: zjw,
          ip: '127.0.0.1',
          permission: 'report.edit',
          input: draft({
            projectPlanId: stale!.planId,
            month,
            version: stale!.report!.version,
            investedThisMonth: '9',
          }),
        }),
      ),
    );
    const newRow = draft({ projectPlanId: fresh!.planId, month, version: 0, investedThisMonth: '5' });
    const staleRow = draft({
      projectPlanId: stale!.planId,
      month,
      version: stale!.report!.version,
      investedThisMonth: '7',
    });
    const lockedRow = draft({
      projectPlanId: handedIn!.planId,
      month,
      version: handedIn!.report!.version,
      investedThisMonth: '8',
    });

    const staleFirst = await bothWays([newRow, staleRow, lockedRow]);
    expect(staleFirst.outcome).toMatchObject({ refused: 'ConflictError', key: 'reports.errors.staleVersion' });
    expect((staleFirst.outcome as { params: { who: string } }).params.who).toBeTruthy();
    expect(staleFirst.written).toBe(0);

    const lockedFirst = await bothWays([newRow, lockedRow, staleRow]);
    expect(lockedFirst.outcome).toMatchObject({ key: 'reports.errors.lockedSubmitted' });
    expect(lockedFirst.written).toBe(0);
  });

  it('answers another department’s plan and a vanished report as not found, in the same place', async () => {
    const [fresh, fresh2] = await freshPlans(2);
    const other = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, project: { departmentId: { not: zjw.departmentId! } } },
      select: { id: true },
    });
    const newRow = draft({ projectPlanId: fresh!.planId, month, version: 0, investedThisMonth: '5' });
    const theirs = await bothWays([
      newRow,
      draft({ projectPlanId: other.id, month, version: 0, investedThisMonth: '1' }),
    ]);
    expect(theirs.outcome).toMatchObject({ refused: 'NotFoundError', key: 'actionErrors.NOT_FOUND' });
    // version 3 of a report that does not exist: read by the user, gone since
    const gone = await bothWays([
      draft({ projectPlanId: fresh2!.planId, month, version: 0, investedThisMonth: '6' }),
      draft({ ...newRow, version: 3 }),
    ]);
    expect(gone.outcome).toMatchObject({ refused: 'NotFoundError' });
  });

  it('keeps the audit chain whole when committed, each report at the version it returned', async () => {
    const [a, b] = await freshPlans(2);
    const [c] = await plansOf('DRAFT', 1);
    const rows = [
      draft({ projectPlanId: a!.planId, month, version: 0, investedThisMonth: '1.5' }),
      draft({ projectPlanId: c!.planId, month, version: c!.report!.version, investedThisMonth: '2.5' }),
      draft({ projectPlanId: b!.planId, month, version: 0, investedThisMonth: '3.5' }),
    ];
    const results = await t.db.$transaction((tx) =>
      saveReportDrafts(
        createWriteContext(tx as Tx, { actor: zjw, ip: '127.0.0.1', input: null, permission: 'report.edit' }),
        rows,
      ),
    );
    const stored = await t.db.monthlyReport.findMany({
      where: { id: { in: results.map((r) => r.reportId) } },
      select: { id: true, version: true, investedThisMonth: true },
    });
    expect(results.map((r) => stored.find((s) => s.id === r.reportId)?.version)).toEqual(results.map((r) => r.version));
    expect(results.map((r) => stored.find((s) => s.id === r.reportId)?.investedThisMonth.toFixed(2))).toEqual([
      '1.50',
      '2.50',
      '3.50',
    ]);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      expect(await verifyAuditChain(client)).toMatchObject({ ok: true });
    } finally {
      await client.end();
    }
  });
});
