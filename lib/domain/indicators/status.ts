import Decimal from 'decimal.js';
import type { IndicatorFrequency, IndicatorJudgement, IndicatorNature } from '@/generated/prisma/enums';
import { aboutFloor, parseActualNumber, type TargetComparison } from './target';

/**
 * An indicator's status against its target, from its latest approved actual. Pure.
 *
 * - 约束性 (BINDING) targets must hold: the actual meets the comparison, or it is OFF. No slack: a binding target
 *   missed by a little is missed.
 * - 预期性 (EXPECTED) targets are judged on pace with a tolerance: meeting the comparison is MET; missing it by no
 *   more than EXPECTED_TOLERANCE of the threshold is NEAR (略低于预期, a warning, not a failure); more is OFF.
 * - "On pace": an indicator whose actual is a year-to-date total building up to the target (`cumulative`: 民营经济
 *   增加值 700亿元, FDI 6000万美元) is judged against the target prorated to the period (Q2 → 700 × 2 ÷ 4 = 350),
 *   as 序时进度 judges investment; a rate or a level (增速, 失业率, 优良天数比例) against the target itself.
 * - A target that is not a comparison is judged by the bureau: its verdict on approval is the status.
 */

export type IndicatorStatus = 'MET' | 'NEAR' | 'OFF' | 'NO_DATA' | 'TO_JUDGE';

/** 预期性 slack: 10% of the threshold. Against "240" (≥ 240) an actual of 216 is NEAR, 215 is OFF. */
export const EXPECTED_TOLERANCE = '0.1';

export const PERIODS_PER_YEAR: Readonly<Record<IndicatorFrequency, number>> = { MONTHLY: 12, QUARTERLY: 4, ANNUAL: 1 };

export interface IndicatorRule {
  nature: IndicatorNature;
  frequency: IndicatorFrequency;
  cumulative: boolean;
  /** parseTarget(targetText); null: the bureau judges */
  comparison: TargetComparison | null;
}

export interface ActualReading {
  period: number;
  value: string;
  /** the bureau's verdict, for a target that is not a comparison */
  judgement: IndicatorJudgement | null;
}

/** The comparison an actual for `period` is held to: prorated for a cumulative indicator, else the target's own. */
export function comparisonForPeriod(rule: IndicatorRule, period: number): TargetComparison | null {
  const { comparison } = rule;
  if (!comparison) return null;
  const periods = PERIODS_PER_YEAR[rule.frequency];
  if (!Number.isInteger(period) || period < 1 || period > periods)
    throw new RangeError(`period ${period} out of range`);
  if (!rule.cumulative || period === periods) return comparison;
  const scale = (v: string) => new Decimal(v).times(period).dividedBy(periods).toDecimalPlaces(4).toString();
  return {
    op: comparison.op,
    value: scale(comparison.value),
    ...(comparison.upper !== undefined ? { upper: scale(comparison.upper) } : {}),
  };
}

/** Does `actual` meet the comparison, with thresholds moved by `slack` (a share of each, in the lenient direction)? */
export function meets(actual: string, comparison: TargetComparison, slack = '0'): boolean {
  const a = new Decimal(actual);
  const floor = (v: string) => new Decimal(v).minus(new Decimal(v).abs().times(slack));
  const ceiling = (v: string) => new Decimal(v).plus(new Decimal(v).abs().times(slack));
  const strict = new Decimal(slack).isZero();
  switch (comparison.op) {
    case 'gt':
      return strict ? a.greaterThan(comparison.value) : a.greaterThanOrEqualTo(floor(comparison.value));
    case 'ge':
      return a.greaterThanOrEqualTo(floor(comparison.value));
    case 'lt':
      return strict ? a.lessThan(comparison.value) : a.lessThanOrEqualTo(ceiling(comparison.value));
    case 'le':
      return a.lessThanOrEqualTo(ceiling(comparison.value));
    case 'about':
      return a.greaterThanOrEqualTo(floor(aboutFloor(comparison.value)));
    case 'between':
      return a.greaterThanOrEqualTo(floor(comparison.value)) && a.lessThanOrEqualTo(ceiling(comparison.upper!));
  }
}

/** The status of an indicator given its latest approved actual (null: none yet). */
export function indicatorStatus(rule: IndicatorRule, actual: ActualReading | null): IndicatorStatus {
  if (!actual) return 'NO_DATA';
  const comparison = comparisonForPeriod(rule, actual.period);
  const value = parseActualNumber(actual.value);
  if (!comparison || value === null) {
    if (actual.judgement === 'MET') return 'MET';
    if (actual.judgement === 'NOT_MET') return 'OFF';
    return 'TO_JUDGE';
  }
  if (meets(value, comparison)) return 'MET';
  if (rule.nature === 'EXPECTED' && meets(value, comparison, EXPECTED_TOLERANCE)) return 'NEAR';
  return 'OFF';
}

/** Label of a period for the messages: month N, quarter N or the year. */
export function periodKind(frequency: IndicatorFrequency): 'month' | 'quarter' | 'year' {
  return frequency === 'MONTHLY' ? 'month' : frequency === 'QUARTERLY' ? 'quarter' : 'year';
}

/** The period an actual is due for, given the plan year's current reporting month (1–12). */
export function currentPeriod(frequency: IndicatorFrequency, currentMonth: number): number {
  if (frequency === 'MONTHLY') return currentMonth;
  if (frequency === 'QUARTERLY') return Math.max(1, Math.floor(currentMonth / 3));
  return 1;
}
