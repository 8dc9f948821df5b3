import 'server-only';
import Decimal from 'decimal.js';
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

/**
 * Runs the entry checks of lib/domain/report-checks.ts against what the database holds for the rest of the year.
 * Nothing here refuses: the flags are returned to be stored with the report (submission asks for an explanation
 * of those in EXPLANATION_REQUIRED_FLAGS, workflow.ts).
 *
 * The domain's year to date and spike average look at the months before this one. Cumulative since the start
 * must count every other month of the year, later ones too (a restated February cannot push the total over
 * through March), so the later months are added to what was invested before this month.
 */
export async function entryChecks(
  tx: Tx,
  plan: PlanForChecks,
  input: { month: number; investedThisMonth: string; actualStart: string | null },
): Promise<{ flags: ReportFlagCode[]; details: ReportFlag[] }> {
  const [others, planned] = await Promise.all([
    tx.monthlyReport.findMany({
      where: { planId: plan.id, month: { not: input.month } },
      select: { month: true, investedThisMonth: true },
    }),
    tx.monthlyPlanItem.findUnique({
      where: { planId_month: { planId: plan.id, month: input.month } },
      select: { amount: true },
    }),
  ]);
  const prior = others.filter((r) => r.month < input.month);
  const later = others.filter((r) => r.month > input.month);
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
    plannedThisMonth: planned?.amount.toString() ?? null,
  });
  return { flags: flags.map((f) => f.code), details: flags };
}
