/**
 * A backfilled month's figures from what the file gives and what is approved before it. A 调度表 gives 本月, or
 * 1-N月累计, or both; the missing one follows from the previous month's approved year-to-date figure (the sum of the
 * approved figures of months 1 to N-1, lib/domain/approved-figure.ts). Months are backfilled in order: without an
 * approved previous month there is nothing to derive from, and a figure typed against nothing could not be checked.
 */
import Decimal from 'decimal.js';
import type { DispatchIssueKey } from './types';

export interface PriorMonths {
  /** whether month N-1 has an approved figure (always true for January) */
  previousApproved: boolean;
  /** the sum of the approved figures of months 1 to N-1, 万元 */
  cumulativeBefore: string;
}

export type DerivedMonth =
  | { ok: true; thisMonth: string; cumulative: string }
  | { ok: false; issue: DispatchIssueKey; params: Record<string, string | number> };

export function deriveMonth(
  month: number,
  given: { thisMonth: string | null; cumulative: string | null },
  prior: PriorMonths,
): DerivedMonth {
  if (month > 1 && !prior.previousApproved)
    return { ok: false, issue: 'previousMonthMissing', params: { month: month - 1 } };
  const before = new Decimal(month > 1 ? prior.cumulativeBefore : 0);
  const { thisMonth, cumulative } = given;
  if (thisMonth === null && cumulative === null) return { ok: false, issue: 'noFigure', params: {} };
  if (cumulative !== null && new Decimal(cumulative).lt(before)) {
    return { ok: false, issue: 'cumulativeBelowPrevious', params: { cumulative, previous: before.toFixed(2) } };
  }
  if (thisMonth !== null && cumulative !== null) {
    if (!before.plus(thisMonth).eq(cumulative)) {
      return {
        ok: false,
        issue: 'figuresDisagree',
        params: { thisMonth, cumulative, previous: before.toFixed(2), expected: before.plus(thisMonth).toFixed(2) },
      };
    }
    return { ok: true, thisMonth, cumulative };
  }
  if (thisMonth !== null) return { ok: true, thisMonth, cumulative: before.plus(thisMonth).toFixed(2) };
  return { ok: true, thisMonth: new Decimal(cumulative!).minus(before).toFixed(2), cumulative: cumulative! };
}
