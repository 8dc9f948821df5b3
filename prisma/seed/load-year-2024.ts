/**
 * Writes the demo's closed 2024 year (prisma/seed/year-2024.ts) inside the seed's transaction, after 2025: the plan
 * year, its plan rows, monthly splits and approved reports, then closes it as `closePlanYear` would leave it: each
 * plan keeps its planned start, and the year's final rollup is kept by the close's own snapshot writer.
 */
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { centsToWan } from '@/lib/domain/money';
import { writeYearSnapshot } from '@/lib/server/plan/year-snapshot';
import { mulberry32, type SeedData } from './generate';
import { filedAt, generateYear2024, PREVIOUS_YEAR, progressOf } from './year-2024';

type Tx = Prisma.TransactionClient;

interface Keys {
  projectId: (code: string) => number;
  departmentId: (name: string) => number;
  reporterOf: (departmentId: number) => number | null;
  /** the bureau user who approved the months and closed the year */
  bureau: Actor;
}

export async function loadYear2024(tx: Tx, data: SeedData, keys: Keys) {
  const plans = generateYear2024(data);
  const project = new Map(data.projects.map((p) => [p.code, p]));
  const approvedInvestment = plans.reduce((s, p) => s + p.annualPlan, 0);
  const planYear = await tx.planYear.create({
    data: {
      year: PREVIOUS_YEAR,
      title: '渝中区2024年重点项目计划',
      approvedInvestment: centsToWan(approvedInvestment),
      status: 'ACTIVE', // closed below, once its figures are in
      currentMonth: 12,
      reportDeadlineDay: 5,
      splitProfile: 'S_CURVE',
    },
  });
  await tx.projectPlan.createMany({
    data: plans.map((plan) => {
      const p = project.get(plan.code)!;
      return {
        projectId: keys.projectId(plan.code),
        planYearId: planYear.id,
        stage: plan.stage,
        investorType: p.investor,
        direction: p.direction,
        cumulativeBeforeYear: centsToWan(plan.cumulativeBeforeYear),
        annualPlan: centsToWan(plan.annualPlan),
        milestoneTarget: plan.stage === 'NEW_START' ? '开工建设' : '加快建设',
        closedPlannedStart: p.plannedStart,
      };
    }),
  });
  const planId = new Map(
    (await tx.projectPlan.findMany({ where: { planYearId: planYear.id }, select: { id: true, projectId: true } })).map(
      (p) => [p.projectId, p.id],
    ),
  );
  const planOf = (code: string) => planId.get(keys.projectId(code))!;

  await tx.monthlyPlanItem.createMany({
    data: plans.flatMap((plan) =>
      plan.monthlyPlan.map((amount, i) => ({ planId: planOf(plan.code), month: i + 1, amount: centsToWan(amount) })),
    ),
  });

  const rnd = mulberry32(PREVIOUS_YEAR);
  const reports = plans.flatMap((plan) => {
    const p = project.get(plan.code)!;
    const reporter = keys.reporterOf(keys.departmentId(p.department));
    let since = plan.cumulativeBeforeYear;
    return plan.invested.map((invested, i) => {
      const month = i + 1;
      since += invested;
      const started = month >= plan.startMonth;
      const { submittedAt, reviewedAt } = filedAt(rnd, month);
      const done = Math.min(1, since / p.totalInvestment);
      return {
        planId: planOf(plan.code),
        month,
        investedThisMonth: centsToWan(invested),
        approvedInvested: centsToWan(invested),
        progressText: progressOf(p, done, started),
        percentComplete: (Math.round(done * 10000) / 100).toFixed(2),
        actualStart: plan.stage === 'NEW_START' && month === plan.startMonth ? p.actualStart : null,
        status: 'APPROVED' as const,
        submittedById: reporter,
        submittedAt,
        reviewedById: keys.bureau.id,
        reviewedAt,
      };
    });
  });
  await tx.monthlyReport.createMany({ data: reports });

  // the close: the year's final rollup as `closePlanYear` keeps it, then the year is final
  await writeYearSnapshot(tx, keys.bureau, planYear);
  await tx.planYear.update({ where: { id: planYear.id }, data: { status: 'CLOSED' } });
  return { plans2024: plans.length, reports2024: reports.length };
}
