/**
 * The plan rules of lib/domain/plan-invariants.ts (the ones the project form and its action check) applied to a
 * sheet row and reported as sheet issues: one rule, whether a plan is typed into the form or imported.
 */
import {
  checkPlanInvariants,
  type PlanInvariantInput,
  type PlanInvariantKey,
  type PlanViolation,
} from '@/lib/domain/plan-invariants';
import { COLUMN_BY_KEY, type ColumnKey } from './columns';
import type { SheetIssue, SheetIssueKey } from './sheet-types';

/** The inputs of the plan rules, as a sheet row may have failed to read them. */
export type PlanInput =
  | 'stage'
  | 'totalInvestment'
  | 'cumulativeBeforeYear'
  | 'annualPlan'
  | 'monthly'
  | 'plannedStart'
  | 'plannedCompletion';

interface SheetRule {
  message: SheetIssueKey;
  /** the column the issue is shown on */
  column: ColumnKey;
  /** the inputs the rule reads: it is not checked while one of them is unread */
  reads: readonly PlanInput[];
  params?(violation: PlanViolation): Record<string, string>;
}

const SHEET_RULES: Record<PlanInvariantKey, SheetRule> = {
  projectPreliminaryHasAnnualPlan: {
    message: 'preliminaryHasPlan',
    column: 'annualPlan',
    reads: ['stage', 'annualPlan'],
  },
  projectPreliminaryHasMonthlyPlan: {
    message: 'preliminaryHasPlan',
    column: 'annualPlan',
    reads: ['stage', 'monthly'],
  },
  projectAnnualPlanRequired: { message: 'annualPlanRequired', column: 'annualPlan', reads: ['stage', 'annualPlan'] },
  projectMonthlySplitMismatch: {
    message: 'monthlyPlanMismatch',
    column: 'annualPlan',
    reads: ['annualPlan', 'monthly'],
    params: (v) => ({ sum: v.params.sum ?? '', plan: v.params.annualPlan ?? '' }),
  },
  projectAnnualPlanExceedsRemaining: {
    message: 'planExceedsTotal',
    column: 'annualPlan',
    reads: ['annualPlan', 'totalInvestment', 'cumulativeBeforeYear'],
    params: (v) => ({ room: v.params.remaining ?? '' }),
  },
  projectCumulativeExceedsTotal: {
    message: 'cumulativeExceedsTotal',
    column: 'cumulativeBeforeYear',
    reads: ['cumulativeBeforeYear', 'totalInvestment'],
  },
  projectPlannedDatesOrder: {
    message: 'datesOutOfOrder',
    column: 'plannedCompletion',
    reads: ['plannedStart', 'plannedCompletion'],
  },
  // a sheet carries no actual dates (they come from approved reports), so this never fires on an import
  projectActualDatesOrder: { message: 'datesOutOfOrder', column: 'plannedCompletion', reads: [] },
};

/**
 * Every plan rule the row breaks, as issues of that spreadsheet row. `unread` names the inputs whose cells could
 * not be read (their own issue is reported already); the caller passes a stand-in for them, and the rules that
 * read one are skipped rather than checked against the stand-in.
 */
export function planIssues(
  row: number,
  input: PlanInvariantInput,
  unread: ReadonlySet<PlanInput> = new Set(),
): SheetIssue[] {
  return checkPlanInvariants(input).flatMap((violation) => {
    const rule = SHEET_RULES[violation.key];
    if (rule.reads.some((name) => unread.has(name))) return [];
    const params = rule.params?.(violation);
    return [{ row, column: COLUMN_BY_KEY[rule.column].header, message: rule.message, ...(params ? { params } : {}) }];
  });
}
