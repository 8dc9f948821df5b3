/**
 * Issue 19, item 2: opening 2026 from the closed 2025 with its unfinished projects. The proposal reads each
 * project's facts as the rules expect (stage, completion by 31 December, ready to start from the latest approved
 * report or the construction permit), its cumulative figure equals the approved sums however they are counted, and
 * the carry-over writes 2026's plans with the stages chosen and the figures the database computed; every refusal
 * (year open, other roles, stale or incomplete lists, a year already carried, a failure half-way) writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cumulativeBeforeNextYear } from '@/lib/domain/carry-over';
import { AppError } from '@/lib/server/errors';
import { actorOf, signIn } from '../helpers/actors';
import { decisionsFor } from '../helpers/carry-over';
import { approveDecember } from '../helpers/closed-year-story';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let carry: typeof import('@/lib/actions/carry-over');
let admin: typeof import('@/lib/actions/admin');
let y2025: number;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The projects the story sets up, by what they are: one of each rule's cases. */
const p: Record<string, number> = {};

/** Projects of 2025 in a stage, in code order, that no earlier pick took. */
async function pick(stage: 'ONGOING' | 'NEW_START' | 'COMPLETION' | 'PRELIMINARY') {
  const taken = Object.values(p);
  const plan = await t.db.projectPlan.findFirstOrThrow({
    where: { planYearId: y2025, stage, projectId: { notIn: taken } },
    orderBy: { project: { code: 'asc' } },
  });
  return plan;
}

/** Everything a refused carry-over must leave as it was. */
async function state() {
  const [years, plans, audits] = await Promise.all([
    t.db.planYear.findMany({ orderBy: { year: 'asc' }, select: { year: true, status: true, updatedAt: true } }),
    t.db.projectPlan.count(),
    t.db.auditLog.count(),
  ]);
  return JSON.stringify({ years, plans, audits });
}

const proposal = async (username: string) => {
  const { getCarryOverProposal } = await import('@/lib/server/plan/get-carry-over-proposal');
  return getCarryOverProposal(t.db, await actorOf(t.db, username), { year: 2025 });
};

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  carry = await import('@/lib/actions/carry-over');
  admin = await import('@/lib/actions/admin');
  y2025 = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id;

  // one project for each case of the rules, its facts written as the year's reports and milestones left them
  const ongoingDone = await pick('ONGOING');
  p.ongoingDone = ongoingDone.projectId;
  await t.db.project.update({ where: { id: p.ongoingDone }, data: { actualCompletion: date('2025-09-30') } });
  p.completionDone = (await pick('COMPLETION')).projectId;
  await t.db.project.update({ where: { id: p.completionDone }, data: { actualCompletion: date('2025-12-31') } });
  p.completionSlipped = (await pick('COMPLETION')).projectId;
  await t.db.project.update({ where: { id: p.completionSlipped }, data: { actualCompletion: date('2026-01-01') } });

  const readyByReport = await pick('PRELIMINARY');
  p.readyByReport = readyByReport.projectId;
  p.readyByPermit = (await pick('PRELIMINARY')).projectId;
  const permitLate = await pick('PRELIMINARY');
  p.permitLate = permitLate.projectId;
  const saidNoLater = await pick('PRELIMINARY');
  p.saidNoLater = saidNoLater.projectId;
  // November said ready and December said nothing: the latest answer given stands
  await t.db.monthlyReport.updateMany({
    where: { planId: readyByReport.id },
    data: { readyToStart: null },
  });
  await t.db.monthlyReport.upsert({
    where: { planId_month: { planId: readyByReport.id, month: 11 } },
    update: { status: 'APPROVED', readyToStart: true },
    create: { planId: readyByReport.id, month: 11, status: 'APPROVED', approvedInvested: 0, readyToStart: true },
  });
  // November said ready, December (approved) said no: not ready
  for (const [month, readyToStart] of [
    [11, true],
    [12, false],
  ] as const) {
    await t.db.monthlyReport.upsert({
      where: { planId_month: { planId: saidNoLater.id, month } },
      update: { status: 'APPROVED', readyToStart },
      create: { planId: saidNoLater.id, month, status: 'APPROVED', approvedInvested: 0, readyToStart },
    });
  }
  await t.db.monthlyReport.updateMany({ where: { planId: permitLate.id }, data: { readyToStart: null } });
  for (const [projectId, actualDate] of [
    [p.readyByPermit, '2025-11-20'],
    [p.permitLate, '2026-01-10'],
  ] as const) {
    await t.db.preliminaryMilestone.upsert({
      where: { projectId_kind: { projectId, kind: 'CONSTRUCTION_PERMIT' } },
      update: { status: 'DONE', actualDate: date(actualDate) },
      create: { projectId, kind: 'CONSTRUCTION_PERMIT', status: 'DONE', actualDate: date(actualDate) },
    });
  }
  await t.db.monthlyReport.updateMany({
    where: { plan: { projectId: p.readyByPermit, planYearId: y2025 } },
    data: { readyToStart: null },
  });
  p.ongoing = (await pick('ONGOING')).projectId;
});

afterAll(async () => t?.drop());

describe('before 2025 is closed', () => {
  it('refuses the proposal and the carry-over with the reason, and writes nothing', async () => {
    const refusal = await proposal('bureau').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe('2025年度尚未关闭，不能结转：请先完成年终关闭');

    await signIn(t.db, 'bureau');
    const before = await state();
    expect(await carry.openNextPlanYear({ fromYear: 2025, decisions: await decisionsFor(t.db, 2025) })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '2025年度尚未关闭，不能结转：请先完成年终关闭',
    });
    expect(await state()).toBe(before);
  });
});

describe('the proposal for the closed 2025', () => {
  beforeAll(async () => {
    await approveDecember(t.db, y2025);
    await signIn(t.db, 'bureau');
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toMatchObject({ ok: true });
  });

  it('proposes each case of the rules from the facts the year left', async () => {
    const view = (await proposal('bureau'))!;
    const of = (projectId: number) => view.rows.find((r) => r.projectId === projectId)!;
    expect(of(p.ongoing!).proposal).toEqual({ stage: 'ONGOING', reason: 'constructionContinues', flagged: false });
    expect(of(p.ongoingDone!)).toMatchObject({
      actualCompletion: '2025-09-30',
      proposal: { stage: null, reason: 'constructionCompleted' },
    });
    expect(of(p.completionDone!).proposal).toEqual({ stage: null, reason: 'completed', flagged: false });
    expect(of(p.completionSlipped!).proposal).toEqual({ stage: 'ONGOING', reason: 'completionSlipped', flagged: true });
    for (const ready of [p.readyByReport!, p.readyByPermit!]) {
      expect(of(ready)).toMatchObject({
        readyToStart: true,
        proposal: { stage: 'NEW_START', reason: 'readyToStart', flagged: true },
      });
    }
    for (const notReady of [p.permitLate!, p.saidNoLater!]) {
      expect(of(notReady)).toMatchObject({ readyToStart: false, proposal: { stage: 'PRELIMINARY' } });
    }
    expect(view).toMatchObject({ fromYear: 2025, toYear: 2026, target: null });
    expect(view.rows).toHaveLength(await t.db.projectPlan.count({ where: { planYearId: y2025 } }));
  });

  it('gives each project the cumulative figure the approved months add up to, exactly', async () => {
    const view = (await proposal('bureau'))!;
    // counted apart: each month's approved figure read by Prisma and added by the pure rule
    const plans = await t.db.projectPlan.findMany({
      where: { planYearId: y2025 },
      select: { projectId: true, cumulativeBeforeYear: true, reports: { select: { approvedInvested: true } } },
    });
    const expected = new Map(
      plans.map((plan) => [
        plan.projectId,
        cumulativeBeforeNextYear(
          plan.cumulativeBeforeYear.toFixed(2),
          plan.reports.map((r) => r.approvedInvested?.toFixed(2) ?? null),
        ),
      ]),
    );
    expect(new Map(view.rows.map((r) => [r.projectId, r.nextCumulative]))).toEqual(expected);
    // and not vacuously: most projects invested something in 2025
    expect(view.rows.filter((r) => r.nextCumulative !== r.cumulativeBeforeYear).length).toBeGreaterThan(50);
    // the district's total, by a query of its own
    const [sum] = await t.db.$queryRaw<{ total: string }[]>`
      SELECT (SELECT sum("cumulativeBeforeYear") FROM "ProjectPlan" WHERE "planYearId" = ${y2025})
           + (SELECT COALESCE(sum(r."approvedInvested"), 0) FROM "MonthlyReport" r
                JOIN "ProjectPlan" pp ON pp.id = r."planId" WHERE pp."planYearId" = ${y2025}) AS total`;
    const { default: Decimal } = await import('decimal.js');
    const total = view.rows.reduce((s, r) => s.plus(r.nextCumulative), new Decimal(0));
    expect(total.toFixed(2)).toBe(new Decimal(sum!.total).toFixed(2));
  });

  it('is the bureau’s and the administrator’s only', async () => {
    expect(await proposal('admin')).not.toBeNull();
    for (const user of ['leader', 'zjw']) {
      await expect(proposal(user)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await signIn(t.db, user);
      const before = await state();
      const result = await carry.openNextPlanYear({ fromYear: 2025, decisions: await decisionsFor(t.db, 2025) });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await state()).toBe(before);
    }
  });
});
