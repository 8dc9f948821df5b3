/**
 * Issue 19, item 1: the bureau's year-end close. The checklist lists what is still open in 2025; the close is
 * refused while December is not approved or the year is mistyped; the bureau closes through the admin's path; the
 * final rollup is kept and equals the live one, which nothing can move afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { approveDecember } from '../helpers/closed-year-story';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let admin: typeof import('@/lib/actions/admin');
let reports: typeof import('@/lib/actions/reports');
let y2025: number;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  admin = await import('@/lib/actions/admin');
  reports = await import('@/lib/actions/reports');
  y2025 = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id;
});

afterAll(async () => t?.drop());

const checklist = async (username: string) => {
  const { getYearEndChecklist } = await import('@/lib/server/plan/get-year-end-checklist');
  return getYearEndChecklist(t.db, await actorOf(t.db, username), { year: 2025 });
};

describe('the year-end checklist', () => {
  it('counts each month by report status, the open problems and the 完工 projects without a completion date', async () => {
    const list = (await checklist('bureau'))!;
    const plans = await t.db.projectPlan.count({ where: { planYearId: y2025 } });
    const november = await t.db.monthlyReport.groupBy({
      by: ['status'],
      where: { month: 11, plan: { planYearId: y2025 } },
      _count: true,
    });
    const count = (status: string) => november.find((g) => g.status === status)?._count ?? 0;
    expect(list.months).toHaveLength(12);
    expect(list.months[10]).toEqual({
      month: 11,
      total: plans,
      missing: plans - november.reduce((n, g) => n + g._count, 0),
      draft: count('DRAFT'),
      submitted: count('SUBMITTED'),
      returned: count('RETURNED'),
      approved: count('APPROVED'),
    });
    expect(list.months[11]).toMatchObject({ month: 12, total: plans, missing: plans, approved: 0 });
    expect(list).toMatchObject({ decemberApproved: false, decemberOutstanding: plans });
    expect(list.openMonths).toContain(12);
    expect(list.openProblems).toBe(
      await t.db.problem.count({ where: { planYearId: y2025, status: { not: 'CLOSED' } } }),
    );
    const undated = await t.db.projectPlan.count({
      where: { planYearId: y2025, stage: 'COMPLETION', project: { actualCompletion: null } },
    });
    expect(undated).toBeGreaterThan(0);
    expect(list.completionsWithoutDate).toHaveLength(undated);
  });

  it('is the bureau’s and the administrator’s only', async () => {
    expect(await checklist('admin')).not.toBeNull();
    await expect(checklist('leader')).rejects.toThrow();
    await expect(checklist('zjw')).rejects.toThrow();
  });
});

describe('closing 2025 by the bureau', () => {
  it('refuses while December is not approved, with the count, and writes nothing', async () => {
    await signIn(t.db, 'bureau');
    const plans = await t.db.projectPlan.count({ where: { planYearId: y2025 } });
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `2025年度12月报表尚未全部审核通过（还有${plans}个项目），不能关闭该年度`,
    });
    expect(await t.db.planYear.findUniqueOrThrow({ where: { id: y2025 } })).toMatchObject({ status: 'ACTIVE' });
    expect(await t.db.planYearSnapshot.count({ where: { planYearId: y2025 } })).toBe(0);
  });

  it('refuses a mistyped year', async () => {
    await approveDecember(t.db, y2025);
    await signIn(t.db, 'bureau');
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2024 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { confirmYear: ['请输入要关闭的年度（2025）以确认'] },
    });
    expect(await t.db.planYear.findUniqueOrThrow({ where: { id: y2025 } })).toMatchObject({ status: 'ACTIVE' });
  });

  it('is refused to a leader and a department', async () => {
    for (const username of ['leader', 'zjw']) {
      await signIn(t.db, username);
      expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('closes once December is approved and keeps the final rollup, equal to the live one, of both bases', async () => {
    await signIn(t.db, 'bureau');
    expect((await checklist('bureau'))!.decemberApproved).toBe(true);
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toEqual({
      ok: true,
      data: { id: y2025, year: 2025 },
    });
    const { getRollup } = await import('@/lib/server/dashboard/get-rollup');
    const { figuresDigest, SNAPSHOT_VERSION } = await import('@/lib/server/plan/year-snapshot');
    const leader = await actorOf(t.db, 'leader');
    const snapshots = await t.db.planYearSnapshot.findMany({ where: { planYearId: y2025 }, orderBy: { basis: 'asc' } });
    expect(snapshots.map((s) => s.basis)).toEqual(['approved', 'submitted']);
    for (const snapshot of snapshots) {
      const live = await getRollup(t.db, leader, { year: 2025, month: 12, basis: snapshot.basis as 'approved' });
      expect(snapshot).toMatchObject({ month: 12, version: SNAPSHOT_VERSION, digest: figuresDigest(live) });
      expect(snapshot.figures).toEqual(JSON.parse(JSON.stringify(live)));
    }
    expect((snapshots[0]!.figures as { completed: string }).completed).toMatch(/^\d+\.\d{2}$/);
  });

  it('moves nothing afterwards: a save, an approval, a reopening and a second close are refused, the digest holds', async () => {
    const { getRollup } = await import('@/lib/server/dashboard/get-rollup');
    const { figuresDigest } = await import('@/lib/server/plan/year-snapshot');
    const leader = await actorOf(t.db, 'leader');
    // an approved December report and a submitted one, each at the version read: only the closed year refuses them
    const december = await t.db.monthlyReport.findFirstOrThrow({ where: { month: 12, plan: { planYearId: y2025 } } });
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', plan: { planYearId: y2025 } },
      include: { plan: { include: { project: { select: { departmentId: true } } } } },
    });
    await signIn(t.db, 'bureau');
    expect(await reports.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/2025年度.*已关闭/),
    });
    expect(
      await reports.reopenReport({ reportId: december.id, version: december.version, reason: '更正12月数据' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/2025年度.*已关闭/) });
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const reporter = await t.db.user.findFirstOrThrow({
      where: { role: 'DEPARTMENT', departmentId: report.plan.project.departmentId, active: true },
    });
    await signIn(t.db, reporter.username);
    expect(
      await reports.saveReportDraft({
        projectPlanId: report.planId,
        month: 11,
        version: report.version,
        investedThisMonth: '9',
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/2025年度.*已关闭/) });
    for (const snapshot of await t.db.planYearSnapshot.findMany({ where: { planYearId: y2025 } })) {
      const live = await getRollup(t.db, leader, { year: 2025, month: 12, basis: snapshot.basis as 'approved' });
      expect(figuresDigest(live)).toBe(snapshot.digest);
    }
    expect(await t.db.planYearSnapshot.count({ where: { planYearId: y2025 } })).toBe(2);
  });
});
