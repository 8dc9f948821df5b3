import Decimal from 'decimal.js';

/**
 * 序时进度 (the time-elapsed benchmark) and the gap to it (issue 6). Pure: percentages are decimal strings,
 * computed with decimal.js, never with floats.
 *
 * - 序时进度 after month N = N ÷ 12 × 100 (%).
 * - 年度计划完成率 (% of plan) = YTD completed ÷ annual plan × 100.
 * - "超(低于)序时进度 Z 个百分点": Z = % of plan − 序时进度, in percentage points; positive = ahead. Z is taken
 *   from the unrounded figures and rounded once, at the end, as published bulletins do (paceGapPoints).
 */

export type GapDirection = 'ahead' | 'behind' | 'level';

export interface GapDescription {
  direction: GapDirection;
  /** absolute gap in percentage points, one decimal (as published), rounded half up; "0.0" when level */
  points: string;
}

/**
 * 序时进度 after `month` (0–12) as a percentage string, rounded half up to `decimals` (default 2):
 * 10 → "83.33"; with one decimal, as published, 10 → "83.3". Month 0 (nothing reported yet) → "0.00".
 */
export function pacePercent(month: number, decimals = 2): string {
  assertMonth(month, 0);
  assertDecimals(decimals);
  return new Decimal(month).times(100).dividedBy(12).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * `part` as a percentage of `whole` (part ÷ whole × 100), or null when `whole` is 0 (no plan: no percentage).
 * Without `decimals` the value is unrounded (decimal.js's 20 significant digits, e.g. 1 of 3 →
 * "33.333333333333333333"), for comparisons; with `decimals` it is rounded half up for display.
 */
export function percentOf(part: string | number, whole: string | number, decimals?: number): string | null {
  const w = new Decimal(whole);
  if (w.isZero()) return null;
  const percent = new Decimal(part).times(100).dividedBy(w);
  if (decimals === undefined) return percent.toString();
  assertDecimals(decimals);
  return percent.toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * The gap to 序时进度 after `month`, in percentage points, signed (positive = ahead), as bulletins print it:
 * (completed ÷ plan − month ÷ 12) × 100 from the unrounded figures, rounded once, half up (away from zero, so
 * ahead and behind round alike), to `decimals` (default 1, as published). Subtracting the two rounded figures
 * instead differs by 0.1 point in about half the cases: 612.9 of 640.0 after October is 95.765…% − 83.333…% =
 * 12.43 → "12.4", where 95.8 − 83.3 would print 12.5 (domain.md, worked example). Null without a plan.
 * The one rule for the dashboard, the drill-down, the bulletin and the API.
 */
export function paceGapPoints(
  completed: string | number,
  annualPlan: string | number,
  month: number,
  decimals = 1,
): string | null {
  assertMonth(month, 0);
  assertDecimals(decimals);
  const plan = new Decimal(annualPlan);
  if (plan.isZero()) return null;
  const percent = new Decimal(completed).times(100).dividedBy(plan);
  const pace = new Decimal(month).times(100).dividedBy(12);
  return percent.minus(pace).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * A gap in words, as published: the absolute points to one decimal (rounded half up) and the direction. The
 * direction follows the rounded figure, so a gap that rounds to "0.0" is level ("与序时进度持平"), never
 * "超序时进度0.0个百分点".
 */
export function describeGap(gap: string | number): GapDescription {
  const g = new Decimal(gap);
  const points = g.abs().toFixed(1, Decimal.ROUND_HALF_UP);
  if (new Decimal(points).isZero()) return { direction: 'level', points: '0.0' };
  return { direction: g.isNegative() ? 'behind' : 'ahead', points };
}

export function assertMonth(month: number, min: 0 | 1 = 1): void {
  if (!Number.isInteger(month) || month < min || month > 12) {
    throw new RangeError(`month must be a whole number from ${min} to 12: ${month}`);
  }
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`decimals must be a whole number from 0 to 10: ${decimals}`);
  }
}
