/**
 * The monthly report actions, called as the public POST endpoints they are: each story signs in as a seeded
 * user (through the mocked request context) and calls the real exported action against a throwaway database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { getRequestContext } from '@/lib/auth/request-context';
import zhCN from '@/messages/zh-CN.json';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/request-context', () => ({ getRequestContext: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

type Actions = typeof import('@/lib/actions/reports');
type Username = 'bureau' | 'admin' | 'leader' | 'zjw' | 'jtj' | 'jw' | 'wlw';

interface TestActor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
}

let t: TestDatabase;
let actions: Actions;
const actors = new Map<Username, TestActor>();
let currentMonth: number;

const CHINESE = /[\u4e00-\u9fff]/;

function actor(username: Username): TestActor {
  const found = actors.get(username);
  if (!found) throw new Error(`no seeded user ${username}`);
  return found;
}

/** Every following action call comes from this user. */
function signIn(username: Username) {
  vi.mocked(getRequestContext).mockResolvedValue({ actor: actor(username), ip: '127.0.0.1', locale: 'zh-CN' });
}

const used = new Set<number>();

/** A November report of the user's department in that state, not used by an earlier test. */
async function reportOf(username: Username, status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED', month = currentMonth) {
  const report = await t.db.monthlyReport.findFirst({
    where: {
      month,
      status,
      id: { notIn: [...used] },
      plan: { project: { departmentId: actor(username).departmentId ?? -1 }, planYear: { year: 2025 } },
    },
    select: { id: true, planId: true, month: true, version: true },
    orderBy: { id: 'asc' },
  });
  if (!report) throw new Error(`no ${status} report for ${username}`);
  used.add(report.id);
  return report;
}

const usedPlans = new Set<number>();

/** A 2025 plan of the user's department with no report for the current month yet. */
async function planWithoutReport(username: Username) {
  const plan = await t.db.projectPlan.findFirst({
    where: {
      id: { notIn: [...usedPlans] },
      planYear: { year: 2025 },
      project: { departmentId: actor(username).departmentId ?? -1 },
      reports: { none: { month: currentMonth } },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (!plan) throw new Error(`no plan without a report for ${username}`);
  usedPlans.add(plan.id);
  return plan;
}

async function reportRow(id: number) {
  return t.db.monthlyReport.findUniqueOrThrow({ where: { id } });
}

async function auditCount() {
  return t.db.auditLog.count();
}

async function lastAudit() {
  return t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
}

/** The whole report table, to prove a refused call wrote nothing anywhere. */
async function reportsFingerprint() {
  const [row] = await t.db.$queryRaw<{ n: number; digest: string }[]>`
    SELECT count(*)::int AS n, md5(string_agg(r::text, '|' ORDER BY r.id)) AS digest FROM "MonthlyReport" r`;
  return row;
}

function fields(overrides: Record<string, unknown> = {}) {
  return {
    investedThisMonth: '100.00',
    progressText: '主体结构施工',
    problems: '',
    coordinationNeeded: '',
    nextSteps: '继续施工',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  process.env.DATABASE_URL = t.url;
  actions = await import('@/lib/actions/reports');

  const users = await t.db.user.findMany({
    where: { username: { in: ['bureau', 'admin', 'leader', 'zjw', 'jtj', 'jw', 'wlw'] } },
    select: { id: true, username: true, displayName: true, role: true, departmentId: true, department: { select: { name: true } } },
  });
  for (const u of users) {
    actors.set(u.username as Username, {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentId: u.departmentId,
      departmentName: u.department?.name ?? null,
    });
  }
  currentMonth = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).currentMonth;
});

afterAll(async () => {
  const { prisma } = await import('@/lib/db');
  await prisma.$disconnect();
  await t?.drop();
});

beforeEach(() => {
  vi.mocked(getRequestContext).mockReset();
});

describe('saveReportDraft', () => {
  it('creates the missing November report of 区文化旅游委, reading full-width digits and separators', async () => {
    signIn('wlw');
    const plan = await planWithoutReport('wlw');
    const before = await auditCount();

    const result = await actions.saveReportDraft({
      projectPlanId: plan.id,
      month: currentMonth,
      version: 0,
      ...fields({ investedThisMonth: '１，２３４．５０', progressText: '  场地平整  ' }),
    });

    expect(result).toMatchObject({ ok: true, data: { version: 1, status: 'DRAFT' } });
    if (!result.ok) return;
    const row = await reportRow(result.data.reportId);
    expect(row.investedThisMonth.toFixed(2)).toBe('1234.50');
    expect(row.progressText).toBe('场地平整');
    expect(row.planId).toBe(plan.id);

    expect(await auditCount()).toBe(before + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'report.saveDraft',
      entity: 'MonthlyReport',
      entityId: String(row.id),
      actorId: actor('wlw').id,
      actor: 'wlw',
      ip: '127.0.0.1',
      before: null,
    });
    expect(audit.after).toMatchObject({ investedThisMonth: '1234.5', progressText: '场地平整', status: 'DRAFT', month: currentMonth });
  });

  it('updates a draft of 区住房城乡建委, recording only the fields that changed', async () => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const stored = await reportRow(report.id);
    const before = await auditCount();

    const result = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      investedThisMonth: '1,000',
      progressText: '主体封顶',
      problems: stored.problems,
      coordinationNeeded: stored.coordinationNeeded,
      nextSteps: stored.nextSteps,
      percentComplete: stored.percentComplete?.toFixed(2) ?? '',
      actualStart: stored.actualStart?.toISOString().slice(0, 10) ?? '',
      actualCompletion: stored.actualCompletion?.toISOString().slice(0, 10) ?? '',
    });

    expect(result).toEqual({ ok: true, data: { reportId: report.id, version: report.version + 1, status: 'DRAFT', flags: [] } });
    const row = await reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe('1000.00');
    expect(row.version).toBe(report.version + 1);

    expect(await auditCount()).toBe(before + 1);
    const audit = await lastAudit();
    expect(audit.action).toBe('report.saveDraft');
    expect(audit.before).toEqual({ investedThisMonth: stored.investedThisMonth.toString(), progressText: stored.progressText });
    expect(audit.after).toEqual({ investedThisMonth: '1000', progressText: '主体封顶' });
  });

  it('keeps a returned report RETURNED while 区交通局 fixes it', async () => {
    signIn('jtj');
    const report = await reportOf('jtj', 'RETURNED');
    const result = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...fields({ investedThisMonth: '88.8' }),
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 1 } });
    expect((await reportRow(report.id)).reviewComment).not.toBeNull();
  });

  it('refuses a stale version, naming who saved meanwhile, and writes nothing', async () => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const first = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...fields({ investedThisMonth: '0' }),
    });
    expect(first).toMatchObject({ ok: true });

    const rowBefore = await reportRow(report.id);
    const auditBefore = await auditCount();
    // A second tab still holding the version read before the first save
    const stale = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...fields({ investedThisMonth: '2' }),
    });

    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (stale.ok) return;
    expect(stale.message).toContain(actor('zjw').displayName);
    expect(stale.message).toContain('刷新');
    expect(await reportRow(report.id)).toEqual(rowBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses to create a report someone else created meanwhile (version 0 on an existing report)', async () => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const fingerprint = await reportsFingerprint();
    const result = await actions.saveReportDraft({ projectPlanId: report.planId, month: report.month, version: 0, ...fields() });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await reportsFingerprint()).toEqual(fingerprint);
  });

  it('refuses a submitted or approved report with a message saying why', async () => {
    signIn('jw');
    const submitted = await reportOf('jw', 'SUBMITTED');
    const fingerprint = await reportsFingerprint();
    const auditBefore = await auditCount();
    const onSubmitted = await actions.saveReportDraft({
      projectPlanId: submitted.planId,
      month: submitted.month,
      version: submitted.version,
      ...fields(),
    });
    expect(onSubmitted).toEqual({ ok: false, code: 'CONFLICT', message: zhCN.reports.errors.lockedSubmitted });

    signIn('zjw');
    const approved = await reportOf('zjw', 'APPROVED', currentMonth - 1);
    const onApproved = await actions.saveReportDraft({
      projectPlanId: approved.planId,
      month: approved.month,
      version: approved.version,
      ...fields(),
    });
    expect(onApproved).toEqual({ ok: false, code: 'CONFLICT', message: zhCN.reports.errors.lockedApproved });
    expect(await reportsFingerprint()).toEqual(fingerprint);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('answers another department’s plan exactly like a plan that does not exist, and changes nothing', async () => {
    signIn('zjw');
    const theirs = await reportOf('jtj', 'RETURNED');
    const theirMissing = await planWithoutReport('wlw');
    const fingerprint = await reportsFingerprint();
    const auditBefore = await auditCount();

    const onTheirReport = await actions.saveReportDraft({
      projectPlanId: theirs.planId,
      month: theirs.month,
      version: theirs.version,
      ...fields(),
    });
    const onTheirMissing = await actions.saveReportDraft({ projectPlanId: theirMissing.id, month: currentMonth, version: 0, ...fields() });
    const onNothing = await actions.saveReportDraft({ projectPlanId: 99_999_999, month: currentMonth, version: 0, ...fields() });

    expect(onTheirReport).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(onTheirMissing).toEqual(onTheirReport);
    expect(onNothing).toEqual(onTheirReport);
    expect(await reportsFingerprint()).toEqual(fingerprint);
    expect(await auditCount()).toBe(auditBefore);
  });

  it.each(['bureau', 'leader', 'admin'] as const)('is not for %s: only the owning department writes its figures', async (username) => {
    signIn(username);
    const report = await reportOf('zjw', 'DRAFT');
    const fingerprint = await reportsFingerprint();
    const result = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...fields(),
    });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reportsFingerprint()).toEqual(fingerprint);
  });

  it.each([
    ['-5', 'reportAmountNegative'],
    ['abc', 'reportAmountInvalid'],
    ['1.234', 'reportAmountTooManyDecimals'],
    ['', 'reportAmountRequired'],
  ] as const)('refuses the amount %j with a Chinese message and writes nothing', async (amount, key) => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const fingerprint = await reportsFingerprint();
    const auditBefore = await auditCount();

    const result = await actions.saveReportDraft({
      projectPlanId: report.planId,
      month: report.month,
      version: report.version,
      ...fields({ investedThisMonth: amount }),
    });

    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: zhCN.actionErrors.VALIDATION });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ investedThisMonth: [zhCN.validation[key]] });
    expect(result.fieldErrors?.investedThisMonth?.[0]).toMatch(CHINESE);
    expect(await reportsFingerprint()).toEqual(fingerprint);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses a month that has not come yet', async () => {
    signIn('wlw');
    const plan = await planWithoutReport('wlw');
    const result = await actions.saveReportDraft({ projectPlanId: plan.id, month: currentMonth + 1, version: 0, ...fields() });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.db.monthlyReport.count({ where: { planId: plan.id, month: currentMonth + 1 } })).toBe(0);
  });

  it('refuses every write once the plan year is closed', async () => {
    const report = await reportOf('zjw', 'DRAFT');
    const submitted = await reportOf('jw', 'SUBMITTED');
    await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'CLOSED' } });
    try {
      const fingerprint = await reportsFingerprint();
      const auditBefore = await auditCount();
      const closed = { ok: false, code: 'CONFLICT', message: '2025年度计划已关闭，不能再填报或审核月报。' };

      signIn('zjw');
      expect(
        await actions.saveReportDraft({ projectPlanId: report.planId, month: report.month, version: report.version, ...fields() }),
      ).toEqual(closed);
      expect(await actions.submitReport({ reportId: report.id, version: report.version })).toEqual(closed);
      signIn('bureau');
      expect(await actions.approveReport({ reportId: submitted.id, version: submitted.version })).toEqual(closed);

      expect(await reportsFingerprint()).toEqual(fingerprint);
      expect(await auditCount()).toBe(auditBefore);
    } finally {
      await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'ACTIVE' } });
    }
  });
});

describe('submitReport', () => {
  it('hands a draft of 区住房城乡建委 to the bureau, recording who and when', async () => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const auditBefore = await auditCount();

    const result = await actions.submitReport({ reportId: report.id, version: report.version });

    expect(result).toEqual({ ok: true, data: { reportId: report.id, version: report.version + 1, status: 'SUBMITTED' } });
    const row = await reportRow(report.id);
    expect(row.status).toBe('SUBMITTED');
    expect(row.submittedById).toBe(actor('zjw').id);
    expect(row.submittedAt).not.toBeNull();

    expect(await auditCount()).toBe(auditBefore + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'report.submit', entity: 'MonthlyReport', entityId: String(report.id), actor: 'zjw' });
    expect(audit.before).toMatchObject({ status: 'DRAFT', submittedById: null, submittedAt: null });
    expect(audit.after).toMatchObject({ status: 'SUBMITTED', submittedById: actor('zjw').id, submittedAt: row.submittedAt?.toISOString() });
  });

  it('resubmits a returned report of 区交通局', async () => {
    signIn('jtj');
    const report = await reportOf('jtj', 'RETURNED');
    const result = await actions.submitReport({ reportId: report.id, version: report.version });
    expect(result).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
  });

  it('refuses a report that is already submitted', async () => {
    signIn('jw');
    const report = await reportOf('jw', 'SUBMITTED');
    const result = await actions.submitReport({ reportId: report.id, version: report.version });
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: '只有草稿或已退回的月报可以提交（当前状态：已提交）。' });
  });

  it('refuses a stale version and writes nothing', async () => {
    signIn('zjw');
    const report = await reportOf('zjw', 'DRAFT');
    const fingerprint = await reportsFingerprint();
    const auditBefore = await auditCount();
    const result = await actions.submitReport({ reportId: report.id, version: report.version + 5 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await reportsFingerprint()).toEqual(fingerprint);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('answers another department’s report like a missing one and changes nothing', async () => {
    signIn('jw');
    const theirs = await reportOf('zjw', 'DRAFT');
    const fingerprint = await reportsFingerprint();
    const auditBefore = await auditCount();
    const onTheirs = await actions.submitReport({ reportId: theirs.id, version: theirs.version });
    const onNothing = await actions.submitReport({ reportId: 99_999_999, version: 1 });
    expect(onTheirs).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(onNothing).toEqual(onTheirs);
    expect(await reportsFingerprint()).toEqual(fingerprint);
    expect(await auditCount()).toBe(auditBefore);
  });

  it.each(['bureau', 'leader'] as const)('is not for %s', async (username) => {
    signIn(username);
    const report = await reportOf('zjw', 'DRAFT');
    expect(await actions.submitReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await reportRow(report.id)).status).toBe('DRAFT');
  });
});

describe('approveReport and returnReport', () => {
  it('lets the bureau approve a submitted report of 区教委', async () => {
    signIn('bureau');
    const report = await reportOf('jw', 'SUBMITTED');
    const auditBefore = await auditCount();

    const result = await actions.approveReport({ reportId: report.id, version: report.version });

    expect(result).toEqual({ ok: true, data: { reportId: report.id, version: report.version + 1, status: 'APPROVED' } });
    const row = await reportRow(report.id);
    expect(row).toMatchObject({ status: 'APPROVED', reviewedById: actor('bureau').id, reviewComment: null });
    expect(await auditCount()).toBe(auditBefore + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'report.approve', entityId: String(report.id), actor: 'bureau' });
    expect(audit.before).toMatchObject({ status: 'SUBMITTED', reviewedById: null });
    expect(audit.after).toMatchObject({ status: 'APPROVED', reviewedById: actor('bureau').id });
  });

  it('lets an administrator approve too', async () => {
    signIn('admin');
    const report = await reportOf('jw', 'SUBMITTED');
    expect(await actions.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: true,
      data: { status: 'APPROVED' },
    });
  });

  it('returns a report with the reason, which lands on the report and in the trail', async () => {
    signIn('bureau');
    const report = await reportOf('jw', 'SUBMITTED');
    const auditBefore = await auditCount();

    const result = await actions.returnReport({ reportId: report.id, version: report.version, comment: '  请补充形象进度照片  ' });

    expect(result).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 1 } });
    expect(await reportRow(report.id)).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片' });
    expect(await auditCount()).toBe(auditBefore + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'report.return', reason: '请补充形象进度照片' });
    expect(audit.after).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片' });
  });

  it('will not return a report without a reason', async () => {
    signIn('bureau');
    const report = await reportOf('jw', 'SUBMITTED');
    const fingerprint = await reportsFingerprint();
    const result = await actions.returnReport({ reportId: report.id, version: report.version, comment: '   ' });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { comment: [zhCN.validation.reportReturnCommentRequired] },
    });
    expect(await reportsFingerprint()).toEqual(fingerprint);
  });

  it('reviews submitted reports only', async () => {
    signIn('bureau');
    const draft = await reportOf('zjw', 'DRAFT');
    expect(await actions.approveReport({ reportId: draft.id, version: draft.version })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有已提交的月报可以审核（当前状态：草稿）。',
    });
    expect(await actions.returnReport({ reportId: draft.id, version: draft.version, comment: '退回' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('refuses a stale version', async () => {
    signIn('bureau');
    const report = await reportOf('jw', 'SUBMITTED');
    const fingerprint = await reportsFingerprint();
    expect(await actions.approveReport({ reportId: report.id, version: report.version - 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await reportsFingerprint()).toEqual(fingerprint);
  });

  it.each(['jw', 'leader'] as const)('is not for %s, not even on its own department’s report', async (username) => {
    signIn(username);
    const report = await reportOf('jw', 'SUBMITTED');
    const auditBefore = await auditCount();
    expect(await actions.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await actions.returnReport({ reportId: report.id, version: report.version, comment: '退回' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await reportRow(report.id)).status).toBe('SUBMITTED');
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('a month’s round trip', () => {
  it('create → submit → return → fix → resubmit → approve leaves one audit row per step', async () => {
    const plan = await planWithoutReport('wlw');
    signIn('wlw');
    const created = await actions.saveReportDraft({ projectPlanId: plan.id, month: currentMonth, version: 0, ...fields() });
    if (!created.ok) throw new Error(created.message);
    const { reportId } = created.data;
    const submitted = await actions.submitReport({ reportId, version: created.data.version });
    if (!submitted.ok) throw new Error(submitted.message);

    signIn('bureau');
    const returned = await actions.returnReport({ reportId, version: submitted.data.version, comment: '金额有误' });
    if (!returned.ok) throw new Error(returned.message);

    signIn('wlw');
    const fixed = await actions.saveReportDraft({
      projectPlanId: plan.id,
      month: currentMonth,
      version: returned.data.version,
      ...fields({ investedThisMonth: '120' }),
    });
    if (!fixed.ok) throw new Error(fixed.message);
    const resubmitted = await actions.submitReport({ reportId, version: fixed.data.version });
    if (!resubmitted.ok) throw new Error(resubmitted.message);

    signIn('bureau');
    const approved = await actions.approveReport({ reportId, version: resubmitted.data.version });
    expect(approved).toEqual({ ok: true, data: { reportId, version: 6, status: 'APPROVED' } });

    const trail = await t.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(reportId) },
      orderBy: { id: 'asc' },
      select: { action: true, actor: true },
    });
    expect(trail).toEqual([
      { action: 'report.saveDraft', actor: 'wlw' },
      { action: 'report.submit', actor: 'wlw' },
      { action: 'report.return', actor: 'bureau' },
      { action: 'report.saveDraft', actor: 'wlw' },
      { action: 'report.submit', actor: 'wlw' },
      { action: 'report.approve', actor: 'bureau' },
    ]);
    expect((await reportRow(reportId)).investedThisMonth.toFixed(2)).toBe('120.00');
  });
});
