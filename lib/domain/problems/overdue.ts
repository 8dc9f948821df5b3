/**
 * When a problem is due soon, overdue, or due for escalation to 挂牌督办. Dates are calendar dates in Chongqing
 * written "YYYY-MM-DD" (lib/domain/date-only.ts); today comes from the business clock. Pure.
 */
import { utcMidnightOf } from '../date-only';
import type { ProblemStatus } from './flow';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** How many days before the due date the units are reminded. */
export const DUE_SOON_DAYS = 3;

/** The default of AppSetting.problemEscalationDays; the bureau may set 1–90. */
export const DEFAULT_ESCALATION_DAYS = 7;
export const MAX_ESCALATION_DAYS = 90;

export interface DueFacts {
  status: ProblemStatus;
  /** "YYYY-MM-DD" or null when no due date is set yet */
  dueDate: string | null;
}

/** Whole days from today to the due date: negative once it has passed. */
export function daysUntilDue(dueDate: string, today: string): number {
  return Math.round((utcMidnightOf(dueDate) - utcMidnightOf(today)) / MS_PER_DAY);
}

/** Past its due date and not closed: shown red. Due today is not yet overdue. */
export function isOverdue(p: DueFacts, today: string): boolean {
  return p.status !== 'CLOSED' && p.dueDate !== null && daysUntilDue(p.dueDate, today) < 0;
}

/** Whole days past due; 0 when not overdue. */
export function daysOverdue(p: DueFacts, today: string): number {
  return isOverdue(p, today) ? -daysUntilDue(p.dueDate as string, today) : 0;
}

/** Due within DUE_SOON_DAYS (today included) and not closed. */
export function isDueSoon(p: DueFacts, today: string): boolean {
  if (p.status === 'CLOSED' || p.dueDate === null) return false;
  const days = daysUntilDue(p.dueDate, today);
  return days >= 0 && days <= DUE_SOON_DAYS;
}

/**
 * Escalate to 挂牌督办 with a numbered 督办单: `escalationDays` or more days overdue, not closed, and no
 * 督办单 issued yet (a problem is escalated once; a reopened one keeps its notice).
 */
export function shouldEscalate(
  p: DueFacts & { supervisionNumber: string | null },
  today: string,
  escalationDays: number,
): boolean {
  if (!Number.isInteger(escalationDays) || escalationDays < 1 || escalationDays > MAX_ESCALATION_DAYS) {
    throw new RangeError(`escalationDays out of range: ${escalationDays}`);
  }
  return p.supervisionNumber === null && daysOverdue(p, today) >= escalationDays;
}
