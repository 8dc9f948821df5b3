/**
 * The bureau backfills past months from a district 调度表, through the real actions against a throwaway database:
 * reports created APPROVED with the batch marker and audit rows; a month already approved goes through reopen with
 * its restatement trail; the same file twice changes nothing; a refused row writes nothing; a cumulative below the
 * previous month is refused; a department cannot backfill.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import {
  backfillForm,
  dispatchFile,
  dispatchWorkbook,
  projectWithoutReports,
  type DispatchLine,
} from '../helpers/backfill-sheets';
import { reportDigest } from '../helpers/report-stories';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/report-backfill');
let fresh: { projectId: number; planId: number };

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/report-backfill');
  fresh = await projectWithoutReports(t.db, 'BF-001', '补录测试项目');
});

afterAll(async () => t?.drop());

const REASON = '系统启用前月份，按区发展改革委调度表补录';

/** The text as Excel on a Chinese Windows saves a CSV: GBK. */
function gbk(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(iconv.encode(text, 'gbk'));
}

async function dryRun(month: number, lines: DispatchLine[], name = `调度表${month}月.xlsx`) {
  const file = dispatchFile(await dispatchWorkbook(2025, month, lines), name);
  const dry = await actions.backfillReportsDryRun(backfillForm(2025, month, file));
  if (!dry.ok) throw new Error(dry.message);
  return { file, dry: dry.data };
}

async function backfill(month: number, lines: DispatchLine[], name?: string) {
  const { file, dry } = await dryRun(month, lines, name);
  const result = await actions.backfillReports(backfillForm(2025, month, file, { digest: dry.digest, reason: REASON }));
  return { dry, result };
}

const line = (overrides: Partial<DispatchLine>): DispatchLine => ({
  code: 'BF-001',
  name: '补录测试项目',
  cumulative: null,
  thisMonth: null,
  ...overrides,
});

describe('backfilling a month without reports', () => {
  it('creates the report APPROVED, marked with the file and the reason, and audited', async () => {
    await signIn(t.db, 'bureau');
    const { dry, result } = await backfill(1, [line({ thisMonth: '120.50', progress: '基础施工' })], '一月调度表.xlsx');
    expect(dry.counts).toEqual({ create: 1, restate: 0, unchanged: 0, refused: 0 });
    expect(dry.skipped.map((s) => s.kind)).toEqual(['total', 'subtotal', 'footnote']);
    expect(dry.totals[0]?.mismatches).toEqual([]);
    expect(result).toMatchObject({ ok: true, data: { committed: true } });

    const report = await t.db.monthlyReport.findUniqueOrThrow({
      where: { planId_month: { planId: fresh.planId, month: 1 } },
      include: { backfill: true },
    });
    expect(report).toMatchObject({ status: 'APPROVED', progressText: '基础施工' });
    expect(report.approvedInvested?.toFixed(2)).toBe('120.50');
    expect(report.backfill).toMatchObject({ fileName: '一月调度表.xlsx', reason: REASON, month: 1, created: 1 });
    const audits = await t.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(report.id) },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['report.backfill', 'report.approve']);
    expect(audits[0]?.reason).toBe(REASON);
    expect(await t.db.auditLog.count({ where: { action: 'report.backfill', entity: 'ReportBackfill' } })).toBe(1);
  });

  it('derives 本月 from 1-N月累计 and the previous approved month', async () => {
    await signIn(t.db, 'bureau');
    const { result } = await backfill(2, [line({ cumulative: '200.50' })]);
    expect(result.ok).toBe(true);
    const report = await t.db.monthlyReport.findUniqueOrThrow({
      where: { planId_month: { planId: fresh.planId, month: 2 } },
    });
    expect(report.approvedInvested?.toFixed(2)).toBe('80.00');
  });

  it('changes nothing the second time the same file comes', async () => {
    await signIn(t.db, 'bureau');
    const backfills = await t.db.reportBackfill.count();
    const { file, dry } = await dryRun(2, [line({ cumulative: '200.50' })]);
    expect(dry.counts).toMatchObject({ create: 0, restate: 0, unchanged: 1 });
    // after the check's own audit row: the commit writes nothing at all
    const before = await reportDigest(t.db);
    const result = await actions.backfillReports(backfillForm(2025, 2, file, { digest: dry.digest, reason: REASON }));
    expect(result).toMatchObject({ ok: true, data: { committed: false } });
    expect(await reportDigest(t.db)).toBe(before);
    expect(await t.db.reportBackfill.count()).toBe(backfills);
  });
});

describe('a GBK CSV without project codes', () => {
  it('matches projects by their exact name, and refuses a name two projects share', async () => {
    await signIn(t.db, 'bureau');
    await projectWithoutReports(t.db, 'BF-DUP-1', '重名补录项目');
    await projectWithoutReports(t.db, 'BF-DUP-2', '重名补录项目');
    const csv = '项目名称,本月完成投资\n补录测试项目,5\n重名补录项目,1\n合计,6\n';
    const file = new File([gbk(csv)], '三月.csv');
    const dry = await actions.backfillReportsDryRun(backfillForm(2025, 3, file));
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.rows.map((r) => [r.name, r.outcome, r.thisMonth, r.cumulative])).toEqual([
      ['补录测试项目', 'create', '5.00', '205.50'],
      ['重名补录项目', 'refused', null, null],
    ]);
    expect(dry.data.rows[1]?.issues).toEqual([
      expect.objectContaining({ message: 'nameAmbiguous', params: { value: '重名补录项目', count: 2 } }),
    ]);
  });
});

describe('refusals', () => {
  it('refuses a cumulative below the previous month by row, and the commit writes nothing', async () => {
    await signIn(t.db, 'bureau');
    const { file, dry } = await dryRun(3, [line({ cumulative: '150.00' })]);
    expect(dry.rows[0]).toMatchObject({
      outcome: 'refused',
      issues: [{ message: 'cumulativeBelowPrevious', params: { cumulative: '150.00', previous: '200.50' } }],
    });
    const before = await reportDigest(t.db);
    const commit = await actions.backfillReports(backfillForm(2025, 3, file, { digest: dry.digest, reason: REASON }));
    expect(commit).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await reportDigest(t.db)).toBe(before);
  });

  it('refuses a month whose previous month is not approved, naming it, and a file whose header is another month', async () => {
    await signIn(t.db, 'bureau');
    const { dry } = await dryRun(5, [line({ thisMonth: '10' })]);
    expect(dry.rows[0]?.issues).toEqual([
      expect.objectContaining({ message: 'previousMonthMissing', params: { month: 4 } }),
    ]);
    const file = dispatchFile(await dispatchWorkbook(2025, 8, [line({ thisMonth: '10' })]));
    const mismatch = await actions.backfillReportsDryRun(backfillForm(2025, 3, file));
    expect(mismatch.ok && mismatch.data.fileIssues).toEqual([
      expect.objectContaining({ message: 'monthMismatch', params: { file: 8, month: 3 } }),
    ]);
  });

  it('refuses a 合计 that does not add up', async () => {
    await signIn(t.db, 'bureau');
    const file = dispatchFile(await dispatchWorkbook(2025, 3, [line({ cumulative: '210.50' })], { total: '999' }));
    const dry = await actions.backfillReportsDryRun(backfillForm(2025, 3, file));
    expect(dry.ok && dry.data.fileIssues).toEqual([
      expect.objectContaining({ message: 'totalMismatch', params: { file: '999.00', sum: '210.50' } }),
    ]);
  });

  it('refuses a department: the action is the bureau’s only', async () => {
    await signIn(t.db, 'zjw');
    const before = await reportDigest(t.db);
    const file = dispatchFile(await dispatchWorkbook(2025, 3, [line({ thisMonth: '10' })]));
    expect(await actions.backfillReportsDryRun(backfillForm(2025, 3, file))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await actions.backfillReports(backfillForm(2025, 3, file, { digest: '0'.repeat(64), reason: REASON })),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reportDigest(t.db)).toBe(before);
  });
});

describe('backfilling a month that is already approved', () => {
  it('reopens it with the reason, keeps the approved version in the trail, and approves the backfilled figure', async () => {
    await signIn(t.db, 'bureau');
    const october = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 10, status: 'APPROVED', plan: { planYear: { year: 2025 }, stage: { not: 'PRELIMINARY' } } },
      include: { plan: { include: { project: true } } },
      orderBy: { id: 'asc' },
    });
    const was = october.investedThisMonth.toFixed(2);
    const figure = (Number(was) + 1.25).toFixed(2);
    const { code, name } = october.plan.project;
    const { dry, result } = await backfill(10, [{ code, name, thisMonth: figure, cumulative: null }]);
    expect(dry.rows[0]).toMatchObject({ outcome: 'restate', previousFigure: was, thisMonth: figure });
    expect(result).toMatchObject({ ok: true, data: { committed: true } });

    const after = await t.db.monthlyReport.findUniqueOrThrow({
      where: { id: october.id },
      include: { revisions: true, backfill: true },
    });
    expect(after.status).toBe('APPROVED');
    expect(after.approvedInvested?.toFixed(2)).toBe(figure);
    expect(after.backfill?.restated).toBe(1);
    expect(after.revisions).toEqual([expect.objectContaining({ revision: 1, reopenReason: REASON })]);
    expect(after.revisions[0]?.investedThisMonth.toFixed(2)).toBe(was);
    const trail = await t.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(october.id), id: { gt: 0 } },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(trail.slice(-3).map((a) => a.action)).toEqual(['report.reopen', 'report.backfill', 'report.approve']);
  });
});
