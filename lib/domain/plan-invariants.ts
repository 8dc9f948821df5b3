import Decimal from 'decimal.js';

/**
 * The rules a project and its plan for a year must keep, whoever changes them (the edit form, the action, an
 * import). Pure: amounts arrive as exact decimal strings in 万元, dates as "YYYY-MM-DD"; nothing here touches
 * Prisma or Next. Each broken rule names the field to show it on and a message key under `validation`.
 */
export type PlanStage = 'COMPLETION' | 'ONGOING' | 'NEW_START' | 'PRELIMINARY';

export interface PlanInvariantInput {
  stage: PlanStage;
  /** 总投资 */
  totalInvestment: string;
  /** 截至上年底累计完成投资 */
  cumulativeBeforeYear: string;
  /** 年度计划投资; null when none is entered */
  annualPlan: string | null;
  /** 分月计划, January first; null for a month left empty */
  monthly: readonly (string | null)[];
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
}

export type PlanInvariantKey =
  | 'projectPreliminaryHasAnnualPlan'
  | 'projectPreliminaryHasMonthlyPlan'
  | 'projectAnnualPlanRequired'
  | 'projectMonthlySplitMismatch'
  | 'projectAnnualPlanExceedsRemaining'
  | 'projectCumulativeExceedsTotal'
  | 'projectPlannedDatesOrder'
  | 'projectActualDatesOrder';

export interface PlanViolation {
  /** the input field the message belongs beside */
  field: 'annualPlan' | 'monthly' | 'cumulativeBeforeYear' | 'plannedCompletion' | 'actualCompletion';
  key: PlanInvariantKey;
  /** exact figures for the message, e.g. the difference of a split that does not add up */
  params: Record<string, string>;
}

export const MONTHS = 12;

/** The sum of the monthly split; empty months count as nothing. */
export function monthlySum(monthly: readonly (string | null)[]): Decimal {
  return monthly.reduce<Decimal>((sum, m) => (m === null ? sum : sum.plus(m)), new Decimal(0));
}

/** What may still be planned: total investment less what was invested before the year. */
export function remainingInvestment(totalInvestment: string, cumulativeBeforeYear: string): Decimal {
  return new Decimal(totalInvestment).minus(cumulativeBeforeYear);
}

/**
 * Split minus annual plan: positive when the months add up to more than the plan. Null while there is no
 * annual plan to compare with.
 */
export function splitDifference(annualPlan: string | null, monthly: readonly (string | null)[]): Decimal | null {
  if (annualPlan === null) return null;
  return monthlySum(monthly).minus(annualPlan);
}

/** Every rule the input breaks, in the order of the form; an empty list when it keeps them all. */
export function checkPlanInvariants(input: PlanInvariantInput): PlanViolation[] {
  const violations: PlanViolation[] = [];
  const monthsEntered = input.monthly.filter((m) => m !== null && !new Decimal(m).isZero());

  if (input.stage === 'PRELIMINARY') {
    // 前期 projects track preliminary milestones; they carry no annual investment, so no split either.
    if (input.annualPlan !== null)
      violations.push({ field: 'annualPlan', key: 'projectPreliminaryHasAnnualPlan', params: {} });
    if (monthsEntered.length > 0)
      violations.push({ field: 'monthly', key: 'projectPreliminaryHasMonthlyPlan', params: {} });
  } else if (input.annualPlan === null) {
    violations.push({ field: 'annualPlan', key: 'projectAnnualPlanRequired', params: {} });
  } else {
    const sum = monthlySum(input.monthly);
    const difference = sum.minus(input.annualPlan);
    if (!difference.isZero()) {
      violations.push({
        field: 'monthly',
        key: 'projectMonthlySplitMismatch',
        params: {
          sum: sum.toFixed(2),
          annualPlan: new Decimal(input.annualPlan).toFixed(2),
          difference: difference.toFixed(2),
        },
      });
    }
    const remaining = remainingInvestment(input.totalInvestment, input.cumulativeBeforeYear);
    if (new Decimal(input.annualPlan).greaterThan(remaining)) {
      violations.push({
        field: 'annualPlan',
        key: 'projectAnnualPlanExceedsRemaining',
        params: { remaining: remaining.toFixed(2) },
      });
    }
  }

  if (new Decimal(input.cumulativeBeforeYear).greaterThan(input.totalInvestment)) {
    violations.push({ field: 'cumulativeBeforeYear', key: 'projectCumulativeExceedsTotal', params: {} });
  }
  if (datesOutOfOrder(input.plannedStart, input.plannedCompletion)) {
    violations.push({ field: 'plannedCompletion', key: 'projectPlannedDatesOrder', params: {} });
  }
  if (datesOutOfOrder(input.actualStart, input.actualCompletion)) {
    violations.push({ field: 'actualCompletion', key: 'projectActualDatesOrder', params: {} });
  }
  return violations;
}

/** Calendar dates as "YYYY-MM-DD" order as text; the same day for start and end is allowed. */
export function datesOutOfOrder(start: string | null, end: string | null): boolean {
  return start !== null && end !== null && end < start;
}
