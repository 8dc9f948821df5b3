/**
 * Reporting deadlines and the who-has-not-reported board (issue 5, "Deadlines and the board"). Pure: dates are
 * calendar dates in Asia/Shanghai written "YYYY-MM-DD"; the only clock reading is chongqingToday, which takes
 * the instant as an argument. Date arithmetic is done on UTC midnights, where every day is 24 hours long.
 */

import { daysInMonth, formatDateOnly, utcMidnightOf } from './date-only';

export { daysInMonth };

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * The day the report for `month` is due: day `deadlineDay` of the following month (December's is due in January
 * of the next year), or that month's last day when it is shorter (31 → 28 or 29 February, 30 April …).
 */
export function reportDeadline(year: number, month: number, deadlineDay: number): string {
  assertInteger(year, 'year', 1900, 9998);
  assertInteger(month, 'month', 1, 12);
  assertInteger(deadlineDay, 'deadlineDay', 1, 31);
  const dueYear = month === 12 ? year + 1 : year;
  const dueMonth = month === 12 ? 1 : month + 1;
  const day = Math.min(deadlineDay, daysInMonth(dueYear, dueMonth));
  return formatDateOnly(dueYear, dueMonth, day);
}

/** Whole days after the deadline; 0 on the deadline itself and before it. */
export function daysOverdue(deadlineIso: string, todayIso: string): number {
  const days = (utcMidnightOf(todayIso) - utcMidnightOf(deadlineIso)) / MS_PER_DAY;
  return Math.max(0, days);
}

const chongqingDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Chongqing (Asia/Shanghai) at the instant `now`, as "YYYY-MM-DD". */
export function chongqingToday(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid date');
  // formatToParts, not format: the order and separators of a formatted date depend on the locale data.
  const parts = Object.fromEntries(chongqingDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** One department's projects for one month, by the state of each project's report. */
export interface DepartmentReportCounts {
  /** no report started */
  missing: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export type DepartmentReportState = 'done' | 'onTime' | 'late';

export interface DepartmentSummary {
  total: number;
  /** still for the department to do: missing + draft + returned */
  outstanding: number;
  /** reported, i.e. submitted or approved: the department's part is done, whatever the bureau still has to do */
  complete: number;
  /** something is outstanding and the deadline has passed */
  late: boolean;
  /** whole days past the deadline while late; 0 otherwise */
  daysOverdue: number;
  /** done: nothing outstanding (also a department with no projects); onTime: outstanding, deadline not passed */
  state: DepartmentReportState;
}

/**
 * A department's line on the board. A returned report counts as outstanding: the department has to fix and
 * resubmit it, so a return after the deadline makes the department late.
 */
export function summariseDepartment(
  counts: DepartmentReportCounts,
  deadlineIso: string,
  todayIso: string,
): DepartmentSummary {
  for (const [name, value] of Object.entries(counts)) assertInteger(value, name, 0, Number.MAX_SAFE_INTEGER);
  const outstanding = counts.missing + counts.draft + counts.returned;
  const complete = counts.submitted + counts.approved;
  const overdue = daysOverdue(deadlineIso, todayIso);
  const late = outstanding > 0 && overdue > 0;
  return {
    total: outstanding + complete,
    outstanding,
    complete,
    late,
    daysOverdue: late ? overdue : 0,
    state: outstanding === 0 ? 'done' : late ? 'late' : 'onTime',
  };
}

function assertInteger(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}: ${value}`);
  }
}
