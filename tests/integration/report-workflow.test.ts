/**
 * The monthly report workflow beyond one report at a time (issue 5): bulk submit / approve / return, reopening an
 * approved report with its restatement trail, the entry checks and flags, the facts an approval applies to the
 * project, notifications, and two people saving the same report. Each story signs in as a seeded user (through
 * the mocked request context) and calls the real exported action against a throwaway database.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { getRequestContext } from '@/lib/auth/request-context';
import zhCN from '@/messages/zh-CN.json';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/request-context', () => ({ getRequestContext: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

type Actions = typeof import('@/lib/actions/reports');
/** the seeded logins, and the extra users this file adds (a second reporter, a second reviewer, inactive ones) */
type Username = 'bureau' | 'admin' | 'leader' | 'zjw' | 'jtj' | 'jw' | 'wlw' | 'jfb' | 'zjw2' | 'bureau2';

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
const actors = new Map<string, TestActor>();
let currentMonth: number;

const CHINESE = /[\u4e00-\u9fff]/;
const E = zhCN.reports.errors;
const STATUS = zhCN.reports.status;

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
type Status = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

/** A report of the user's department in that state (November unless said), not used by an earlier test. */
async function reportOf(username: Username, status: Status, month = currentMonth, extra: { investedPositive?: boolean; stageNot?: 'PRELIMINARY' } = {}) {
  const report = await t.db.monthlyReport.findFirst({
    where: {
      month,
      status,
      id: { notIn: [...used] },
      ...(extra.investedPositive ? { investedThisMonth: { gt: 0 } } : {}),
      plan: {
        project: { departmentId: actor(username).departmentId ?? -1 },
        planYear: { year: 2025 },
        ...(extra.stageNot ? { stage: { not: extra.stageNot } } : {}),
      },
    },
    select: { id: true, planId: true, month: true, version: true },
    orderBy: { id: 'asc' },
  });
  if (!report) throw new Error(`no ${status} report for ${username}`);
  used.add(report.id);
  return report;
}

async function reportsOf(username: Username, status: Status, n: number, month = currentMonth) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await reportOf(username, status, month));
  return out;
}

/**
 * A November draft of the department whose plan has at least two earlier months reported with investment in all,
 * so averages and year to date are not zero; `prior` are those months' amounts in cents.
 */
async function draftWithHistory(username: Username) {
  const candidates = await t.db.monthlyReport.findMany({
    where: {
      month: currentMonth,
      status: 'DRAFT',
      id: { notIn: [...used] },
      plan: { project: { departmentId: actor(username).departmentId ?? -1 }, planYear: { year: 2025 } },
    },
    select: { id: true, planId: true, month: true, version: true },
    orderBy: { id: 'asc' },
  });
  for (const c of candidates) {
    const prior = await t.db.monthlyReport.findMany({
      where: { planId: c.planId, month: { lt: c.month } },
      select: { investedThisMonth: true },
      orderBy: { month: 'asc' },
    });
    // the spike's base: the months from the first with any investment on (a new start's zeros before it do not count)
    const all = prior.map((p) => toCents(p.investedThisMonth));
    const first = all.findIndex((x) => x > 0);
    const cents = first < 0 ? [] : all.slice(first);
    const sum = cents.reduce((s, x) => s + x, 0);
    if (cents.length >= 2 && sum >= 1000) {
      used.add(c.id);
      return { ...c, prior: cents, priorSum: sum };
    }
  }
  throw new Error(`no draft with history for ${username}`);
}

function toCents(value: { toString(): string }): number {
  return new Decimal(value.toString()).times(100).toNumber();
}
function wan(cents: number): string {
  return new Decimal(cents).dividedBy(100).toFixed(2);
}

async function reportRow(id: number) {
  return t.db.monthlyReport.findUniqueOrThrow({ where: { id } });
}

async function projectOfPlan(planId: number) {
  return (await t.db.projectPlan.findUniqueOrThrow({ where: { id: planId }, include: { project: true } })).project;
}

async function auditCount() {
  return t.db.auditLog.count();
}

async function auditsSince(count: number) {
  const all = await t.db.auditLog.findMany({ orderBy: { id: 'asc' } });
  return all.slice(count);
}

async function notificationsSince(id: number) {
  return t.db.notification.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
}

async function lastNotificationId() {
  return (await t.db.notification.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
}

/** The whole report table, revisions, projects' dates, milestones and notifications: a refused call changes none. */
async function fingerprint() {
  const [row] = await t.db.$queryRaw<{ digest: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(r::text, '|' ORDER BY r.id) FROM "MonthlyReport" r),
      (SELECT string_agg(x::text, '|' ORDER BY x.id) FROM "MonthlyReportRevision" x),
      (SELECT string_agg(concat_ws(',', p.id, p."actualStart", p."actualCompletion"), '|' ORDER BY p.id) FROM "Project" p),
      (SELECT string_agg(m::text, '|' ORDER BY m.id) FROM "PreliminaryMilestone" m),
      (SELECT count(*)::text FROM "Notification"),
      (SELECT count(*)::text FROM "AuditLog"))) AS digest`;
  return row!.digest;
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

/** The input that saves a report again with its stored values, then the overrides. */
async function resave(reportId: number, overrides: Record<string, unknown> = {}) {
  const r = await reportRow(reportId);
  return {
    projectPlanId: r.planId,
    month: r.month,
    version: r.version,
    investedThisMonth: r.investedThisMonth.toFixed(2),
    progressText: r.progressText,
    problems: r.problems,
    coordinationNeeded: r.coordinationNeeded,
    nextSteps: r.nextSteps,
    percentComplete: r.percentComplete?.toFixed(2) ?? '',
    actualStart: r.actualStart?.toISOString().slice(0, 10) ?? '',
    actualCompletion: r.actualCompletion?.toISOString().slice(0, 10) ?? '',
    ...overrides,
  };
}

/** Sets up the plan and project behind a report as a test needs them. */
async function arrange(
  planId: number,
  plan: { stage?: 'PRELIMINARY' | 'NEW_START' | 'ONGOING' | 'COMPLETION'; annualPlan?: string | null },
  project: { totalInvestment?: string; actualStart?: Date | null } = {},
) {
  const row = await t.db.projectPlan.update({ where: { id: planId }, data: plan });
  if (Object.keys(project).length) await t.db.project.update({ where: { id: row.projectId }, data: project });
}

const HUGE = '9999999999.00';

async function activeDepartmentUserIds(departmentId: number) {
  return (await t.db.user.findMany({ where: { departmentId, role: 'DEPARTMENT', active: true }, select: { id: true }, orderBy: { id: 'asc' } })).map(
    (u) => u.id,
  );
}

async function activeBureauUserIds() {
  return (await t.db.user.findMany({ where: { role: 'BUREAU', active: true }, select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  process.env.DATABASE_URL = t.url;
  actions = await import('@/lib/actions/reports');

  // A second reporter of 区住房城乡建委 and of 区教委, a second reviewer, and inactive ones who must hear nothing.
  const dept = async (name: string) => (await t.db.department.findUniqueOrThrow({ where: { name } })).id;
  const zjwDept = await dept('区住房城乡建委');
  const jwDept = await dept('区教委');
  const bureauDept = await dept('区发展改革委');
  await t.db.user.createMany({
    data: [
      { username: 'zjw2', displayName: '孙填报（区住房城乡建委）', passwordHash: 'x', role: 'DEPARTMENT', departmentId: zjwDept },
      { username: 'zjw-old', displayName: '已停用（区住房城乡建委）', passwordHash: 'x', role: 'DEPARTMENT', departmentId: zjwDept, active: false },
      { username: 'jw2', displayName: '周填报（区教委）', passwordHash: 'x', role: 'DEPARTMENT', departmentId: jwDept },
      { username: 'jw-old', displayName: '已停用（区教委）', passwordHash: 'x', role: 'DEPARTMENT', departmentId: jwDept, active: false },
      { username: 'bureau2', displayName: '钱审核（区发展改革委）', passwordHash: 'x', role: 'BUREAU', departmentId: bureauDept },
      { username: 'bureau-old', displayName: '已停用审核', passwordHash: 'x', role: 'BUREAU', departmentId: bureauDept, active: false },
    ],
  });

  const users = await t.db.user.findMany({
    select: { id: true, username: true, displayName: true, role: true, departmentId: true, department: { select: { name: true } } },
  });
  for (const u of users) {
    actors.set(u.username, {
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

describe('submitReports (bulk)', () => {
  it('submits several drafts at once: each SUBMITTED with its own audit row, ONE notification per bureau user per month', async () => {
    const november = await reportsOf('zjw', 'DRAFT', 3);
    // An October report sent back for correction goes in the same batch: a second month, a second notification.
    const october = await reportOf('zjw', 'APPROVED', currentMonth - 1);
    await t.db.monthlyReport.update({ where: { id: october.id }, data: { status: 'RETURNED', reviewComment: '请核实' } });
    const batch = [...november, october];
    const auditBefore = await auditCount();
    const lastNotification = await lastNotificationId();

    signIn('zjw');
    const result = await actions.submitReports({ reports: batch.map((r) => ({ reportId: r.id, version: r.version })) });

    expect(result).toEqual({
      ok: true,
      data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'SUBMITTED' })),
    });
    for (const r of batch) {
      expect(await reportRow(r.id)).toMatchObject({ status: 'SUBMITTED', version: r.version + 1, submittedById: actor('zjw').id });
    }

    const audits = await auditsSince(auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId, a.actor])).toEqual(
      batch.map((r) => ['report.submit', 'MonthlyReport', String(r.id), 'zjw']),
    );
    expect(audits[0]!.before).toMatchObject({ status: 'DRAFT', submittedById: null });
    expect(audits[3]!.before).toMatchObject({ status: 'RETURNED' });
    for (const a of audits) expect(a.after).toMatchObject({ status: 'SUBMITTED', submittedById: actor('zjw').id });

    const bureauIds = await activeBureauUserIds();
    const octoberProject = (await projectOfPlan(october.planId)).name;
    expect(bureauIds).toHaveLength(2); // bureau and bureau2; bureau-old is inactive
    const notes = await notificationsSince(lastNotification);
    const expected = bureauIds.flatMap((userId) => [
      {
        userId,
        kind: 'REPORTS_SUBMITTED',
        params: { department: '区住房城乡建委', year: 2025, month: currentMonth, count: 3 },
        link: expect.stringMatching(new RegExp(`year=2025&month=${currentMonth}(&|$)`)),
      },
      {
        userId,
        kind: 'REPORTS_SUBMITTED',
        params: { department: '区住房城乡建委', year: 2025, month: currentMonth - 1, count: 1, project: octoberProject },
        link: expect.stringMatching(new RegExp(`year=2025&month=${currentMonth - 1}(&|$)`)),
      },
    ]);
    const shape = (n: { userId: number; kind: string; params: unknown; link: string }) => ({ userId: n.userId, kind: n.kind, params: n.params, link: n.link });
    const monthOf = (n: { params: unknown }) => (n.params as { month: number }).month;
    const byKey = (x: { userId: number; params: unknown }, y: { userId: number; params: unknown }) => x.userId - y.userId || monthOf(x) - monthOf(y);
    expect(notes.map(shape).sort(byKey)).toEqual(expected.sort(byKey));
    expect(notes.every((n) => n.readAt === null)).toBe(true);
  });

  it('refuses the whole batch when one report is stale: nothing changes, no audit row, no notification', async () => {
    const [fresh, stale] = await reportsOf('zjw', 'DRAFT', 2);
    signIn('zjw');
    // someone saved the second meanwhile
    const meanwhile = await actions.saveReportDraft(await resave(stale!.id, { progressText: '他人已修改' }));
    expect(meanwhile).toMatchObject({ ok: true });
    const before = await fingerprint();

    const result = await actions.submitReports({
      reports: [
        { reportId: fresh!.id, version: fresh!.version },
        { reportId: stale!.id, version: stale!.version },
      ],
    });

    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: E.staleBatch.replace('{count}', '1') });
    expect(await fingerprint()).toBe(before);
    expect((await reportRow(fresh!.id)).status).toBe('DRAFT');
  });

  it('refuses a batch holding another department’s report exactly like a missing one, changing nothing', async () => {
    const [own] = await reportsOf('zjw', 'DRAFT', 1);
    const theirs = await reportOf('jfb', 'DRAFT');
    signIn('zjw');
    const before = await fingerprint();

    const withTheirs = await actions.submitReports({
      reports: [
        { reportId: own!.id, version: own!.version },
        { reportId: theirs.id, version: theirs.version },
      ],
    });
    const withMissing = await actions.submitReports({
      reports: [
        { reportId: own!.id, version: own!.version },
        { reportId: 99_999_999, version: 1 },
      ],
    });

    expect(withTheirs).toEqual({ ok: false, code: 'NOT_FOUND', message: zhCN.actionErrors.NOT_FOUND });
    expect(withMissing).toEqual(withTheirs);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses an empty batch, a report named twice, and a batch holding a submitted report', async () => {
    const [a, b] = await reportsOf('zjw', 'DRAFT', 2);
    signIn('zjw');
    const before = await fingerprint();
    expect(await actions.submitReports({ reports: [] })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reports: [zhCN.validation.reportBatchEmpty] },
    });
    expect(
      await actions.submitReports({ reports: [{ reportId: a!.id, version: a!.version }, { reportId: a!.id, version: a!.version }] }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await t.db.monthlyReport.update({ where: { id: b!.id }, data: { status: 'SUBMITTED' } });
    const afterSetup = await fingerprint();
    const name = (await projectOfPlan(b!.planId)).name;
    expect(
      await actions.submitReports({ reports: [{ reportId: a!.id, version: a!.version }, { reportId: b!.id, version: b!.version }] }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `“${name}”：${E.notSubmittable.replace('{status}', STATUS.SUBMITTED)}本次批量操作全部未生效。`,
    });
    expect(await fingerprint()).toBe(afterSetup);
    expect(before).not.toBe(afterSetup);
  });

  it('is not for the bureau or a leader', async () => {
    const [r] = await reportsOf('zjw', 'DRAFT', 1);
    const before = await fingerprint();
    for (const who of ['bureau', 'leader'] as const) {
      signIn(who);
      expect(await actions.submitReports({ reports: [{ reportId: r!.id, version: r!.version }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe('approveReports (bulk)', () => {
  it('approves a batch across departments: approvedInvested = investedThisMonth on each, one audit row each, no notification', async () => {
    const jw = await reportsOf('jw', 'SUBMITTED', 2);
    // a 区住房城乡建委 draft, submitted by its department first
    const [draft] = await reportsOf('zjw', 'DRAFT', 1);
    signIn('zjw');
    const submitted = await actions.submitReport({ reportId: draft!.id, version: draft!.version });
    if (!submitted.ok) throw new Error(submitted.message);
    const batch = [...jw, { ...draft!, version: submitted.data.version }];
    for (const r of batch) expect((await reportRow(r.id)).approvedInvested).toBeNull();
    const auditBefore = await auditCount();
    const lastNotification = await lastNotificationId();

    signIn('bureau');
    const result = await actions.approveReports({ reports: batch.map((r) => ({ reportId: r.id, version: r.version })) });

    expect(result).toEqual({ ok: true, data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'APPROVED' })) });
    for (const r of batch) {
      const row = await reportRow(r.id);
      expect(row).toMatchObject({ status: 'APPROVED', reviewedById: actor('bureau').id, reviewComment: null });
      expect(row.approvedInvested?.toFixed(2)).toBe(row.investedThisMonth.toFixed(2));
    }
    const audits = await auditsSince(auditBefore);
    expect(audits.map((a) => [a.action, a.entityId, a.actor])).toEqual(batch.map((r) => ['report.approve', String(r.id), 'bureau']));
    for (const [i, a] of audits.entries()) {
      const row = await reportRow(batch[i]!.id);
      expect(a.before).toMatchObject({ status: 'SUBMITTED', approvedInvested: null });
      expect(a.after).toMatchObject({ status: 'APPROVED', approvedInvested: row.investedThisMonth.toString(), reviewedById: actor('bureau').id });
    }
    expect(await notificationsSince(lastNotification)).toEqual([]);
  });

  it('refuses the whole batch when one report is not submitted, naming its project, and changes nothing', async () => {
    const jw = await reportsOf('jw', 'SUBMITTED', 2);
    const draft = await reportOf('zjw', 'DRAFT');
    const name = (await projectOfPlan(draft.planId)).name;
    signIn('bureau');
    const before = await fingerprint();

    const result = await actions.approveReports({
      reports: [...jw, draft].map((r) => ({ reportId: r.id, version: r.version })),
    });

    expect(result).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `“${name}”：${E.notReviewable.replace('{status}', STATUS.DRAFT)}本次批量操作全部未生效。`,
    });
    expect(await fingerprint()).toBe(before);
    for (const r of jw) expect((await reportRow(r.id)).status).toBe('SUBMITTED');
  });

  it('refuses the whole batch when one report is stale', async () => {
    const [a, b] = await reportsOf('jw', 'SUBMITTED', 2);
    signIn('bureau');
    const before = await fingerprint();
    const result = await actions.approveReports({
      reports: [
        { reportId: a!.id, version: a!.version },
        { reportId: b!.id, version: b!.version - 1 },
      ],
    });
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: E.staleBatch.replace('{count}', '1') });
    expect(await fingerprint()).toBe(before);
  });

  it.each(['jw', 'leader'] as const)('is not for %s', async (username) => {
    const [a] = await reportsOf('jw', 'SUBMITTED', 1);
    signIn(username);
    const before = await fingerprint();
    expect(await actions.approveReports({ reports: [{ reportId: a!.id, version: a!.version }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fingerprint()).toBe(before);
  });
});

describe('returnReports (bulk, one comment)', () => {
  it('returns the batch with the comment and notifies only the department’s active users, once each', async () => {
    const batch = await reportsOf('jw', 'SUBMITTED', 2);
    const auditBefore = await auditCount();
    const lastNotification = await lastNotificationId();
    signIn('bureau');

    const result = await actions.returnReports({
      reports: batch.map((r) => ({ reportId: r.id, version: r.version })),
      comment: '  请补充形象进度照片并核实本月投资  ',
    });

    expect(result).toEqual({ ok: true, data: batch.map((r) => ({ reportId: r.id, version: r.version + 1, status: 'RETURNED' })) });
    for (const r of batch) {
      expect(await reportRow(r.id)).toMatchObject({
        status: 'RETURNED',
        reviewComment: '请补充形象进度照片并核实本月投资',
        reviewedById: actor('bureau').id,
        approvedInvested: null,
      });
    }
    const audits = await auditsSince(auditBefore);
    expect(audits.map((a) => [a.action, a.entityId, a.actor, a.reason])).toEqual(
      batch.map((r) => ['report.return', String(r.id), 'bureau', '请补充形象进度照片并核实本月投资']),
    );
    for (const a of audits) expect(a.after).toMatchObject({ status: 'RETURNED', reviewComment: '请补充形象进度照片并核实本月投资' });

    const recipients = await activeDepartmentUserIds(actor('jw').departmentId!);
    expect(recipients).toEqual([actor('jw').id, actors.get('jw2')!.id].sort((x, y) => x - y)); // not jw-old
    const notes = await notificationsSince(lastNotification);
    expect(notes.map((n) => n.userId).sort((x, y) => x - y)).toEqual(recipients);
    for (const n of notes) {
      expect(n).toMatchObject({
        kind: 'REPORT_RETURNED',
        params: { department: '区教委', year: 2025, month: currentMonth, count: 2, comment: '请补充形象进度照片并核实本月投资' },
        link: expect.stringMatching(new RegExp(`year=2025&month=${currentMonth}(&|$)`)),
        readAt: null,
      });
    }
  });

  it('will not return without a comment, and returns submitted reports only', async () => {
    const [a] = await reportsOf('jw', 'SUBMITTED', 1);
    const draft = await reportOf('zjw', 'DRAFT');
    signIn('bureau');
    const before = await fingerprint();
    expect(await actions.returnReports({ reports: [{ reportId: a!.id, version: a!.version }], comment: '   ' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { comment: [zhCN.validation.reportReturnCommentRequired] },
    });
    const name = (await projectOfPlan(draft.planId)).name;
    expect(
      await actions.returnReports({
        reports: [
          { reportId: a!.id, version: a!.version },
          { reportId: draft.id, version: draft.version },
        ],
        comment: '退回',
      }),
    ).toEqual({ ok: false, code: 'CONFLICT', message: `“${name}”：${E.notReviewable.replace('{status}', STATUS.DRAFT)}本次批量操作全部未生效。` });
    expect(await fingerprint()).toBe(before);
  });
});

describe('reopenReport: correcting an approved report, with the restatement trail', () => {
  it('refuses what is not approved, refuses without a reason, and is not for a department or a leader', async () => {
    const submitted = await reportOf('jw', 'SUBMITTED');
    const draft = await reportOf('zjw', 'DRAFT');
    const approved = await reportOf('zjw', 'APPROVED', currentMonth - 1);
    const before = await fingerprint();

    signIn('bureau');
    expect(await actions.reopenReport({ reportId: submitted.id, version: submitted.version, reason: '更正' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: E.notReopenable.replace('{status}', STATUS.SUBMITTED),
    });
    expect(await actions.reopenReport({ reportId: draft.id, version: draft.version, reason: '更正' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: E.notReopenable.replace('{status}', STATUS.DRAFT),
    });
    expect(await actions.reopenReport({ reportId: approved.id, version: approved.version, reason: '  ' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reason: [zhCN.validation.reportReopenReasonRequired] },
    });
    expect(await actions.reopenReport({ reportId: approved.id, version: approved.version })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reason: [zhCN.validation.reportReopenReasonRequired] },
    });
    expect(await actions.reopenReport({ reportId: approved.id, version: approved.version + 1, reason: '更正' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });

    for (const who of ['zjw', 'leader'] as const) {
      signIn(who);
      expect(await actions.reopenReport({ reportId: approved.id, version: approved.version, reason: '更正' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('keeps the approved version as revision 1, keeps the official figure until the correction is approved, then a second reopen makes revision 2', async () => {
    const report = await reportOf('zjw', 'APPROVED', currentMonth - 1, { investedPositive: true });
    const original = await reportRow(report.id);
    const oldAmount = original.investedThisMonth.toFixed(2);
    expect(original.approvedInvested?.toFixed(2)).toBe(oldAmount);
    const project = await projectOfPlan(report.planId);
    const auditBefore = await auditCount();
    const lastNotification = await lastNotificationId();

    // the bureau reopens it
    signIn('bureau');
    const reopened = await actions.reopenReport({ reportId: report.id, version: report.version, reason: '  核减重复计列的设备购置费  ' });
    expect(reopened).toEqual({ ok: true, data: { reportId: report.id, version: report.version + 1, status: 'RETURNED' } });
    const afterReopen = await reportRow(report.id);
    expect(afterReopen).toMatchObject({ status: 'RETURNED', reviewComment: '核减重复计列的设备购置费', reviewedById: actor('bureau').id });
    expect(afterReopen.approvedInvested?.toFixed(2)).toBe(oldAmount);

    const revisions = await t.db.monthlyReportRevision.findMany({ where: { reportId: report.id }, orderBy: { revision: 'asc' } });
    expect(revisions).toHaveLength(1);
    const [rev1] = revisions;
    expect(rev1).toMatchObject({
      revision: 1,
      progressText: original.progressText,
      approvedById: original.reviewedById,
      approvedAt: original.reviewedAt,
      reopenedById: actor('bureau').id,
      reopenReason: '核减重复计列的设备购置费',
    });
    expect(rev1!.investedThisMonth.toFixed(2)).toBe(oldAmount);
    expect(rev1!.percentComplete?.toFixed(2)).toBe(original.percentComplete?.toFixed(2));
    expect(rev1!.reopenedAt).not.toBeNull();
    expect(rev1!.snapshot).toMatchObject({
      status: 'APPROVED',
      investedThisMonth: original.investedThisMonth.toString(),
      approvedInvested: original.approvedInvested!.toString(),
      progressText: original.progressText,
      nextSteps: original.nextSteps,
      reviewedAt: original.reviewedAt!.toISOString(),
    });

    const reopenAudits = await auditsSince(auditBefore);
    expect(reopenAudits).toHaveLength(1);
    expect(reopenAudits[0]).toMatchObject({ action: 'report.reopen', entity: 'MonthlyReport', entityId: String(report.id), actor: 'bureau', reason: '核减重复计列的设备购置费' });
    expect(reopenAudits[0]!.before).toMatchObject({ status: 'APPROVED' });
    expect(reopenAudits[0]!.after).toMatchObject({ status: 'RETURNED', reviewComment: '核减重复计列的设备购置费' });

    const notes = await notificationsSince(lastNotification);
    const recipients = await activeDepartmentUserIds(actor('zjw').departmentId!);
    expect(recipients).toHaveLength(2); // zjw and zjw2, not zjw-old
    expect(notes.map((n) => n.userId).sort((x, y) => x - y)).toEqual(recipients);
    for (const n of notes) {
      expect(n).toMatchObject({
        kind: 'REPORT_REOPENED',
        params: { department: '区住房城乡建委', year: 2025, month: currentMonth - 1, count: 1, project: project.name, comment: '核减重复计列的设备购置费' },
        link: expect.stringContaining('year=2025'),
      });
    }

    // the department corrects the amount: the official figure does not move yet
    const newCents = toCents(original.investedThisMonth) - 100;
    const newAmount = wan(newCents);
    signIn('zjw');
    const saved = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: newAmount }));
    expect(saved).toMatchObject({ ok: true, data: { status: 'RETURNED', version: report.version + 2 } });
    let row = await reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe(newAmount);
    expect(row.approvedInvested?.toFixed(2)).toBe(oldAmount);

    const resubmitted = await actions.submitReport({ reportId: report.id, version: row.version });
    expect(resubmitted).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
    row = await reportRow(report.id);
    expect(row.approvedInvested?.toFixed(2)).toBe(oldAmount);

    signIn('bureau');
    const approved = await actions.approveReport({ reportId: report.id, version: row.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
    row = await reportRow(report.id);
    expect(row).toMatchObject({ status: 'APPROVED', reviewComment: null });
    expect(row.approvedInvested?.toFixed(2)).toBe(newAmount);
    // as reported (revision 1) beside as revised (the report)
    const stillRev1 = await t.db.monthlyReportRevision.findUniqueOrThrow({ where: { reportId_revision: { reportId: report.id, revision: 1 } } });
    expect(stillRev1).toEqual(rev1);

    // a second correction keeps the first correction too
    const second = await actions.reopenReport({ reportId: report.id, version: row.version, reason: '再次核实' });
    expect(second).toMatchObject({ ok: true, data: { status: 'RETURNED' } });
    const all = await t.db.monthlyReportRevision.findMany({ where: { reportId: report.id }, orderBy: { revision: 'asc' } });
    expect(all.map((r) => [r.revision, r.investedThisMonth.toFixed(2), r.reopenReason])).toEqual([
      [1, oldAmount, '核减重复计列的设备购置费'],
      [2, newAmount, '再次核实'],
    ]);
    expect(all[1]!.approvedById).toBe(actor('bureau').id);
    expect(all[1]!.approvedAt).toEqual(row.reviewedAt);
    expect((await reportRow(report.id)).approvedInvested?.toFixed(2)).toBe(newAmount);

    const trail = await t.db.auditLog.findMany({
      where: { entity: 'MonthlyReport', entityId: String(report.id) },
      orderBy: { id: 'asc' },
      select: { action: true, actor: true },
    });
    expect(trail).toEqual([
      { action: 'report.reopen', actor: 'bureau' },
      { action: 'report.saveDraft', actor: 'zjw' },
      { action: 'report.submit', actor: 'zjw' },
      { action: 'report.approve', actor: 'bureau' },
      { action: 'report.reopen', actor: 'bureau' },
    ]);
  });

  it('counts the later months when an earlier month is corrected: a restated month cannot push the total over', async () => {
    // A November draft and its plan's October report (approved), which the bureau reopens.
    const november = await reportOf('zjw', 'DRAFT', currentMonth, { stageNot: 'PRELIMINARY' });
    const october = await t.db.monthlyReport.findUniqueOrThrow({ where: { planId_month: { planId: november.planId, month: currentMonth - 1 } } });
    expect(october.status).toBe('APPROVED');
    used.add(october.id);
    const plan = await t.db.projectPlan.findUniqueOrThrow({ where: { id: november.planId } });
    const others = await t.db.monthlyReport.findMany({ where: { planId: plan.id, month: { not: october.month } } });
    const othersCents = others.reduce((s, r) => s + toCents(r.investedThisMonth), 0);
    // leave room for exactly 500.00 in October
    const totalCents = toCents(plan.cumulativeBeforeYear) + othersCents + 50_000;
    await arrange(plan.id, { stage: 'ONGOING', annualPlan: null }, { totalInvestment: wan(totalCents), actualStart: new Date('2024-03-01T00:00:00Z') });

    signIn('bureau');
    const reopened = await actions.reopenReport({ reportId: october.id, version: october.version, reason: '更正十月投资' });
    if (!reopened.ok) throw new Error(reopened.message);

    signIn('zjw');
    const before = await fingerprint();
    const over = await actions.saveReportDraft(await resave(october.id, { investedThisMonth: '500.01' }));
    expect(over).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (over.ok) return;
    expect(over.fieldErrors?.investedThisMonth?.[0]).toContain(`${wan(totalCents + 1)}万元`);
    expect(over.fieldErrors?.investedThisMonth?.[0]).toContain(`${wan(totalCents)}万元`);
    expect(await fingerprint()).toBe(before);

    expect(await actions.saveReportDraft(await resave(october.id, { investedThisMonth: '500.00' }))).toMatchObject({ ok: true });
  });
});

describe('entry checks through saveReportDraft', () => {
  it('refuses a month that takes cumulative since start past total investment by 0.01, in Chinese with the amounts; exactly the total is accepted', async () => {
    const report = await reportOf('zjw', 'DRAFT', currentMonth, { stageNot: 'PRELIMINARY' });
    const plan = await t.db.projectPlan.findUniqueOrThrow({ where: { id: report.planId }, include: { project: true } });
    const others = await t.db.monthlyReport.findMany({ where: { planId: plan.id, month: { not: report.month } } });
    const cumulativeCents = toCents(plan.cumulativeBeforeYear) + others.reduce((s, r) => s + toCents(r.investedThisMonth), 0);
    const totalCents = toCents(plan.project.totalInvestment);
    const room = totalCents - cumulativeCents;
    expect(room).toBeGreaterThan(0);

    signIn('zjw');
    const before = await fingerprint();
    const over = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(room + 1) }));

    expect(over).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: zhCN.actionErrors.VALIDATION,
      fieldErrors: {
        investedThisMonth: [
          zhCN.validation.reportCumulativeAboveTotal
            .replace('{cumulative}', wan(totalCents + 1))
            .replace('{total}', wan(totalCents))
            .replace('{excess}', '0.01'),
        ],
      },
    });
    if (over.ok) return;
    expect(over.fieldErrors?.investedThisMonth?.[0]).toMatch(CHINESE);
    expect(await fingerprint()).toBe(before);

    const exact = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(room) }));
    expect(exact).toMatchObject({ ok: true, data: { status: 'DRAFT', version: report.version + 1 } });
    expect((await reportRow(report.id)).investedThisMonth.toFixed(2)).toBe(wan(room));
  });

  it('flags a year to date above 150% of the annual plan, stores it, and clears it when exactly 150%', async () => {
    const report = await draftWithHistory('zjw');
    await arrange(report.planId, { stage: 'ONGOING' }, { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') });
    const x = Math.max(1, Math.round(report.priorSum / 10)); // a normal month: no spike
    const ytd = report.priorSum + x;
    const m = Math.floor(ytd / 3) - 1;
    const annualPlan = 2 * m; // 150% of it is 3m, below the year to date
    await arrange(report.planId, { annualPlan: wan(annualPlan) });

    signIn('zjw');
    const flagged = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(x) }));
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags).toEqual([
      {
        code: 'ytdAbovePlan',
        params: {
          ytd: wan(ytd),
          annualPlan: wan(annualPlan),
          percent: new Decimal(ytd).dividedBy(annualPlan).times(100).toFixed(2, Decimal.ROUND_UP),
          limit: wan(3 * m),
        },
      },
    ]);
    expect((await reportRow(report.id)).flags).toEqual(['ytdAbovePlan']);
    const audit = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ flags: ['ytdAbovePlan'] });

    // exactly 150%: no flag, and the stored one is gone
    const exact = 3 * m - report.priorSum;
    expect(exact).toBeGreaterThanOrEqual(0);
    const cleared = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(exact) }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await reportRow(report.id)).flags).toEqual([]);
  });

  it('flags investment on a 前期 project, and clears the flag when the month is back to 0', async () => {
    const report = await reportOf('zjw', 'DRAFT');
    await arrange(report.planId, { stage: 'PRELIMINARY', annualPlan: null }, { totalInvestment: HUGE });
    signIn('zjw');
    const flagged = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: '0.01' }));
    expect(flagged).toMatchObject({ ok: true, data: { flags: [{ code: 'investmentOnPreliminary', params: { invested: '0.01' } }] } });
    expect((await reportRow(report.id)).flags).toEqual(['investmentOnPreliminary']);

    const cleared = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: '0' }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await reportRow(report.id)).flags).toEqual([]);
  });

  it('flags a month above five times the project’s own average, not at or below it', async () => {
    const report = await draftWithHistory('zjw');
    await arrange(report.planId, { stage: 'ONGOING', annualPlan: null }, { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') });
    const n = report.prior.length;
    const limit = Math.floor((5 * report.priorSum) / n); // x * n <= 5 * sum
    signIn('zjw');

    const flagged = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(limit + 1) }));
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags).toHaveLength(1);
    expect(flagged.data.flags[0]).toMatchObject({
      code: 'monthSpike',
      params: {
        invested: wan(limit + 1),
        average: new Decimal(report.priorSum).dividedBy(n).dividedBy(100).toFixed(2, Decimal.ROUND_HALF_UP),
        priorMonths: n,
      },
    });
    expect((await reportRow(report.id)).flags).toEqual(['monthSpike']);

    const cleared = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: wan(limit) }));
    expect(cleared).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await reportRow(report.id)).flags).toEqual([]);
  });

  it('flags a new start with investment and no start date, and clears it once the report gives the date (the project waits for approval)', async () => {
    const report = await reportOf('zjw', 'DRAFT');
    await arrange(report.planId, { stage: 'NEW_START', annualPlan: null }, { totalInvestment: HUGE, actualStart: null });
    signIn('zjw');
    const flagged = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: '0.01', actualStart: '', actualCompletion: '' }));
    expect(flagged).toMatchObject({ ok: true });
    if (!flagged.ok) return;
    expect(flagged.data.flags.map((f) => f.code)).toEqual(['investedWithoutStart']);
    expect((await reportRow(report.id)).flags).toEqual(['investedWithoutStart']);

    const dated = await actions.saveReportDraft(await resave(report.id, { actualStart: '2025-11-03', actualCompletion: '' }));
    expect(dated).toMatchObject({ ok: true, data: { flags: [] } });
    expect((await reportRow(report.id)).flags).toEqual([]);
    expect((await projectOfPlan(report.planId)).actualStart).toBeNull();
  });
});

describe('approval applies what the report states as fact', () => {
  it('sets the project’s actual start from a NEW_START report on approval, not before, audited', async () => {
    const report = await reportOf('zjw', 'DRAFT');
    await arrange(report.planId, { stage: 'NEW_START', annualPlan: null }, { totalInvestment: HUGE, actualStart: null });
    const projectId = (await projectOfPlan(report.planId)).id;

    signIn('zjw');
    const saved = await actions.saveReportDraft(await resave(report.id, { investedThisMonth: '10', actualStart: '2025-11-03', actualCompletion: '' }));
    if (!saved.ok) throw new Error(saved.message);
    const submitted = await actions.submitReport({ reportId: report.id, version: saved.data.version });
    if (!submitted.ok) throw new Error(submitted.message);
    expect((await projectOfPlan(report.planId)).actualStart).toBeNull();

    signIn('bureau');
    const auditBefore = await auditCount();
    const approved = await actions.approveReport({ reportId: report.id, version: submitted.data.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });

    expect((await projectOfPlan(report.planId)).actualStart).toEqual(new Date('2025-11-03T00:00:00Z'));
    const audits = await auditsSince(auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['report.approve', 'MonthlyReport', String(report.id)],
      ['project.applyReport', 'Project', String(projectId)],
    ]);
    expect(audits[1]).toMatchObject({
      actor: 'bureau',
      before: { actualStart: null },
      after: { actualStart: '2025-11-03T00:00:00.000Z' },
      reason: `MonthlyReport #${report.id}`,
    });
  });

  it('marks a 前期 milestone DONE with its date on approval, not before, audited', async () => {
    const report = await reportOf('zjw', 'DRAFT');
    await arrange(report.planId, { stage: 'PRELIMINARY', annualPlan: null }, { totalInvestment: HUGE });
    const projectId = (await projectOfPlan(report.planId)).id;
    const milestone = await t.db.preliminaryMilestone.upsert({
      where: { projectId_kind: { projectId, kind: 'LAND' } },
      create: { projectId, kind: 'LAND', status: 'IN_PROGRESS', plannedDate: new Date('2025-10-15T00:00:00Z') },
      update: { status: 'IN_PROGRESS', actualDate: null },
    });

    signIn('zjw');
    const saved = await actions.saveReportDraft(
      await resave(report.id, { investedThisMonth: '0', milestoneUpdates: [{ kind: 'LAND', date: '2025-11-03' }], blockers: '等待规划许可' }),
    );
    if (!saved.ok) throw new Error(saved.message);
    expect((await reportRow(report.id)).milestoneUpdates).toEqual([{ kind: 'LAND', date: '2025-11-03' }]);
    const submitted = await actions.submitReport({ reportId: report.id, version: saved.data.version });
    if (!submitted.ok) throw new Error(submitted.message);
    expect(await t.db.preliminaryMilestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({ status: 'IN_PROGRESS', actualDate: null });

    signIn('bureau');
    const auditBefore = await auditCount();
    const approved = await actions.approveReport({ reportId: report.id, version: submitted.data.version });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });

    expect(await t.db.preliminaryMilestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      status: 'DONE',
      actualDate: new Date('2025-11-03T00:00:00Z'),
      plannedDate: new Date('2025-10-15T00:00:00Z'),
    });
    const audits = await auditsSince(auditBefore);
    expect(audits.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['report.approve', 'MonthlyReport', String(report.id)],
      ['milestone.applyReport', 'PreliminaryMilestone', String(milestone.id)],
    ]);
    expect(audits[1]).toMatchObject({
      actor: 'bureau',
      before: { kind: 'LAND', status: 'IN_PROGRESS', actualDate: null },
      after: { kind: 'LAND', status: 'DONE', actualDate: '2025-11-03T00:00:00.000Z' },
      reason: `MonthlyReport #${report.id}`,
    });
  });
});

describe('two months of one project saved at the same time', () => {
  it('does not let two months, each within the total alone, together take cumulative since start past the total', async () => {
    // November is a draft; October is reopened by the bureau. Room is left for 600.00 across the two months.
    const november = await reportOf('zjw', 'DRAFT', currentMonth, { stageNot: 'PRELIMINARY' });
    const october = await t.db.monthlyReport.findUniqueOrThrow({ where: { planId_month: { planId: november.planId, month: currentMonth - 1 } } });
    expect(october.status).toBe('APPROVED');
    used.add(october.id);
    const plan = await t.db.projectPlan.findUniqueOrThrow({ where: { id: november.planId } });
    const rest = await t.db.monthlyReport.findMany({ where: { planId: plan.id, month: { notIn: [october.month, november.month] } } });
    const totalCents = toCents(plan.cumulativeBeforeYear) + rest.reduce((s, r) => s + toCents(r.investedThisMonth), 0) + 60_000;
    await arrange(plan.id, { stage: 'ONGOING', annualPlan: null }, { totalInvestment: wan(totalCents), actualStart: new Date('2024-03-01T00:00:00Z') });
    signIn('bureau');
    const reopened = await actions.reopenReport({ reportId: october.id, version: october.version, reason: '更正十月投资' });
    if (!reopened.ok) throw new Error(reopened.message);
    signIn('zjw');
    for (const id of [november.id, october.id]) {
      const zeroed = await actions.saveReportDraft(await resave(id, { investedThisMonth: '0' }));
      if (!zeroed.ok) throw new Error(zeroed.message);
    }
    const novemberInput = await resave(november.id, { investedThisMonth: '400.00' });
    const octoberInput = await resave(october.id, { investedThisMonth: '400.00' });

    // Hold November's row so that its save has made its checks and waits to write while October is saved.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = t.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "MonthlyReport" WHERE id = ${november.id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const novemberSave = actions.saveReportDraft(novemberInput);
    const waitingOnLocks = async (count: number) => {
      for (let i = 0; i < 100; i++) {
        const [waiting] = await t.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if ((waiting?.n ?? 0) >= count) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitingOnLocks(1);
    // October's save starts while November's is in flight; it must wait for November, not check against its old figure
    const octoberSave = actions.saveReportDraft(octoberInput);
    await waitingOnLocks(2);
    release();
    await holder;
    const [novemberResult, octoberResult] = await Promise.all([novemberSave, octoberSave]);

    // one of them may be saved, not both
    expect([octoberResult.ok, novemberResult.ok].filter(Boolean).length, JSON.stringify([octoberResult, novemberResult])).toBeLessThanOrEqual(1);
    const all = await t.db.monthlyReport.findMany({ where: { planId: plan.id } });
    const cumulative = toCents(plan.cumulativeBeforeYear) + all.reduce((s, r) => s + toCents(r.investedThisMonth), 0);
    expect(cumulative).toBeLessThanOrEqual(totalCents);
  });
});

describe('two people saving the same report', () => {
  it('refuses the second save made on the same read version, naming who saved, and keeps the first’s values', async () => {
    const report = await reportOf('zjw', 'DRAFT', currentMonth, { stageNot: 'PRELIMINARY' });
    // room under the total (some seeded projects have spent all of it), so only the versions decide
    await arrange(report.planId, {}, { totalInvestment: HUGE });
    const input = await resave(report.id);

    signIn('zjw');
    const first = await actions.saveReportDraft({ ...input, investedThisMonth: '11.11', progressText: '第一人填写' });
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, data: { version: report.version + 1 } });
    const rowAfterFirst = await reportRow(report.id);
    const auditBefore = await auditCount();

    signIn('zjw2');
    const second = await actions.saveReportDraft({ ...input, investedThisMonth: '22.22', progressText: '第二人填写' });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (second.ok) return;
    expect(second.message).toContain(actor('zjw').displayName);
    expect(second.message).toContain('刷新');
    expect(await reportRow(report.id)).toEqual(rowAfterFirst);
    expect(rowAfterFirst.investedThisMonth.toFixed(2)).toBe('11.11');
    expect(await auditCount()).toBe(auditBefore);
  });

  it('lets exactly one of two simultaneous saves win, and the other is told who won', async () => {
    const report = await reportOf('zjw', 'DRAFT', currentMonth, { stageNot: 'PRELIMINARY' });
    // room under the total (some seeded projects have spent all of it), so only the versions decide
    await arrange(report.planId, {}, { totalInvestment: HUGE });
    const input = await resave(report.id);
    const auditBefore = await auditCount();
    const context = (username: Username) => ({ actor: actor(username), ip: '127.0.0.1', locale: 'zh-CN' as const });
    vi.mocked(getRequestContext)
      .mockResolvedValue(context('zjw'))
      .mockResolvedValueOnce(context('zjw'))
      .mockResolvedValueOnce(context('zjw2'));

    const results = await Promise.all([
      actions.saveReportDraft({ ...input, investedThisMonth: '33.33', progressText: '张' }),
      actions.saveReportDraft({ ...input, investedThisMonth: '44.44', progressText: '孙' }),
    ]);

    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const loser = results[1 - winner]!;
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (loser.ok) return;
    expect(loser.message).toContain(actor(winner === 0 ? 'zjw' : 'zjw2').displayName);
    const row = await reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe(winner === 0 ? '33.33' : '44.44');
    expect(row.version).toBe(report.version + 1);
    expect(await auditCount()).toBe(auditBefore + 1);
  });
});
