import 'server-only';
import Decimal from 'decimal.js';
import type { Prisma } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { toDateOnly } from '@/lib/domain/date-only';
import { checkReport, type ReportFlag, type ReportFlagCode } from '@/lib/domain/report-checks';
import type { Tx } from '@/lib/server/audit';

export interface PlanForChecks {
  id: number;
  stage: Stage;
  cumulativeBeforeYear: { toString(): string };
  annualPlan: { toString(): string } | null;
  project: { totalInvestment: { toString(): string }; actualStart: Date | null };
}

/*
 * The entry checks of lib/domain/report-checks.ts against what the database holds for the rest of the year.
 * Nothing here refuses: the flags are returned to be stored with the report (submission asks for an explanation
 * of those in EXPLANATION_REQUIRED_FLAGS, workflow.ts).
 *
 * The domain's year to date and spike average look at the months before this one. Cumulative since the start
 * must count every other month of the year, later ones too (a restated February cannot push the total over
 * through March), so the later months are added to what was invested before this month (entryChecksOf).
 */

/** What the checks read of the rest of the year for one plan: its other months' reports and this month's plan. */
export interface YearForChecks {
  others: { month: number; investedThisMonth: { toString(): string } }[];
  planned: { toString(): string } | null;
}

/**
 * The month's checks for many plans at once (a month sheet's rows), with the rest of the year read in two
 * queries instead of two per plan; each plan's flags are entryChecksOf's, exactly as entryChecks computes them.
 */
export async function loadYearsForChecks(
  tx: Tx,
  planIds: number[],
  month: number,
): Promise<(planId: number) => YearForChecks> {
  const yearOf = await loadYearsForMonths(
    tx,
    planIds.map((planId) => ({ planId, month })),
  );
  return (planId) => yearOf(planId, month);
}

/** The same for (plan, month) pairs of any months (saveReportDrafts' rows): still two queries. */
export async function loadYearsForMonths(
  tx: Tx,
  rows: readonly { planId: number; month: number }[],
): Promise<(planId: number, month: number) => YearForChecks> {
  const planIds = [...new Set(rows.map((r) => r.planId))];
  // one month (the usual case): its own reports are not "the rest of the year" and need not be read
  const months = [...new Set(rows.map((r) => r.month))];
  // ANY(array) rather than an IN list: one parameter for 10,000 plans
  const [others, planned] = await Promise.all([
    tx.$queryRaw<{ planId: number; month: number; investedThisMonth: Prisma.Decimal }[]>`
      SELECT "planId", month, "investedThisMonth" FROM "MonthlyReport"
       WHERE "planId" = ANY(${planIds}::int[]) AND NOT (month = ANY(${months.length === 1 ? months : []}::int[]))`,
    tx.$queryRaw<{ planId: number; month: number; amount: Prisma.Decimal }[]>`
      SELECT "planId", month, amount FROM "MonthlyPlanItem"
       WHERE "planId" = ANY(${planIds}::int[]) AND month = ANY(${months}::int[])`,
  ]);
  const byPlan = new Map<number, (YearForChecks['others'][number] & { planId: number })[]>();
  for (const r of others) {
    const list = byPlan.get(r.planId);
    if (list) list.push(r);
    else byPlan.set(r.planId, [r]);
  }
  const plannedOf = new Map(planned.map((p) => [`${p.planId}:${p.month}`, p.amount]));
  return (planId, month) => ({
    others: (byPlan.get(planId) ?? []).filter((r) => r.month !== month),
    planned: plannedOf.get(`${planId}:${month}`) ?? null,
  });
}

/** The checks of one month against the rest of its year (already read). */
export function entryChecksOf(
  plan: PlanForChecks,
  input: { month: number; investedThisMonth: string; actualStart: string | null },
  year: YearForChecks,
): { flags: ReportFlagCode[]; details: ReportFlag[] } {
  const prior = year.others.filter((r) => r.month < input.month);
  const later = year.others.filter((r) => r.month > input.month);
  const laterSum = later.reduce((sum, r) => sum.plus(r.investedThisMonth.toString()), new Decimal(0));
  const { flags } = checkReport({
    stage: plan.stage,
    totalInvestment: plan.project.totalInvestment.toString(),
    cumulativeBeforeYear: laterSum.plus(plan.cumulativeBeforeYear.toString()).toFixed(2),
    annualPlan: plan.annualPlan?.toString() ?? null,
    month: input.month,
    investedThisMonth: input.investedThisMonth,
    priorMonths: prior.map((r) => ({ month: r.month, invested: r.investedThisMonth.toString() })),
    actualStart: input.actualStart ?? toDateOnly(plan.project.actualStart),
    plannedThisMonth: year.planned?.toString() ?? null,
  });
  return { flags: flags.map((f) => f.code), details: flags };
}
