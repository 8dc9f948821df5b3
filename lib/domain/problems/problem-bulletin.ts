/**
 * The bulletin's paragraph on coordination problems (问题协调), in the wording a bureau publishes:
 * "截至11月底，累计梳理协调问题27个，已办结15个，办结率55.6%；逾期未办结4个，其中挂牌督办1个。" Pure.
 */
import Decimal from 'decimal.js';

export interface ProblemBulletinInput {
  /** N of "截至N月底", 1–12 */
  month: number;
  /** problems raised in the year up to then */
  total: number;
  closed: number;
  /** not closed and past due at the month's end */
  overdue: number;
  /** of those, at 挂牌督办 */
  supervisedOverdue: number;
  /** the day of the month the figures are as of, when not its end: "截至12月6日" instead of "截至12月底" */
  day?: number;
}

/**
 * 办结率: closed ÷ all × 100, rounded once, half up, to one decimal ("55.6"); null with no problems (a rate of
 * nothing is not 0%). The dashboard and the bulletin both take it from here, so they never disagree.
 */
export function closureRatePercent(closed: number, total: number): string | null {
  if (total <= 0) return null;
  return new Decimal(closed).times(100).dividedBy(total).toFixed(1, Decimal.ROUND_HALF_UP);
}

function count(name: string, n: number) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${n}`);
}

/** The paragraph; the parts that would read "0个" are said the way a document says them instead. */
export function problemBulletinSentence(input: ProblemBulletinInput): string {
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12) {
    throw new RangeError(`month out of range: ${input.month}`);
  }
  count('total', input.total);
  count('closed', input.closed);
  count('overdue', input.overdue);
  count('supervisedOverdue', input.supervisedOverdue);
  if (input.closed > input.total || input.overdue > input.total - input.closed) {
    throw new RangeError('closed and overdue problems cannot outnumber the problems');
  }
  if (input.supervisedOverdue > input.overdue) throw new RangeError('supervisedOverdue > overdue');
  if (input.day !== undefined && (!Number.isInteger(input.day) || input.day < 1 || input.day > 31)) {
    throw new RangeError(`day out of range: ${input.day}`);
  }
  const head = input.day === undefined ? `截至${input.month}月底` : `截至${input.month}月${input.day}日`;
  if (input.total === 0) return `${head}，暂无需协调解决的问题。`;
  const rate = closureRatePercent(input.closed, input.total);
  let text = `${head}，累计梳理协调问题${input.total}个，已办结${input.closed}个，办结率${rate}%`;
  if (input.overdue === 0) text += '；无逾期未办结问题';
  else {
    text += `；逾期未办结${input.overdue}个`;
    if (input.supervisedOverdue > 0) text += `，其中挂牌督办${input.supervisedOverdue}个`;
  }
  return `${text}。`;
}
