import Decimal from 'decimal.js';

/**
 * 同比: 1-N月 completed this year against the same months of the previous year. Pure: money arrives in 万元 as
 * decimal strings (summed by PostgreSQL), rates leave as decimal strings.
 *
 * - 增长率 = (this year − previous year) ÷ previous year × 100, in percent, from the exact sums, rounded once,
 *   half up (away from zero, so growth and decline round alike) to one decimal, as bulletins print it.
 * - There is no rate (null, shown as "—") when the previous year is not in Keystone, or when it completed nothing
 *   in those months: a growth over nothing is not a number a bulletin can print. A negative base (a correction
 *   larger than the months it corrects) is no base either.
 */

export type YearOnYearDirection = 'up' | 'down' | 'level';

export interface YearOnYearDescription {
  direction: YearOnYearDirection;
  /** the absolute rate, one decimal; "0.0" when level */
  percent: string;
}

/** The growth rate in percent, one decimal, signed; null without a previous year or without a base. */
export function yearOnYearRate(current: string | number, previous: string | number | null): string | null {
  if (previous === null) return null;
  const base = new Decimal(previous);
  if (!base.greaterThan(0)) return null;
  return new Decimal(current).minus(base).times(100).dividedBy(base).toFixed(1, Decimal.ROUND_HALF_UP);
}

/**
 * A rate in words' terms: its direction follows the rounded figure, so a rate that rounds to 0.0 is level
 * ("与上年同期持平"), never "同比增长0.0%".
 */
export function describeYearOnYear(rate: string | number): YearOnYearDescription {
  const r = new Decimal(rate);
  const percent = r.abs().toFixed(1, Decimal.ROUND_HALF_UP);
  if (new Decimal(percent).isZero()) return { direction: 'level', percent: '0.0' };
  return { direction: r.isNegative() ? 'down' : 'up', percent };
}

/** The bulletin's clause: "同比增长5.2%", "同比下降3.0%", "与上年同期持平"; null without a rate. */
export function yearOnYearZh(rate: string | number | null): string | null {
  if (rate === null) return null;
  const d = describeYearOnYear(rate);
  if (d.direction === 'level') return '与上年同期持平';
  return `同比${d.direction === 'up' ? '增长' : '下降'}${d.percent}%`;
}
