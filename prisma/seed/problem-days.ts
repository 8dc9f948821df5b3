/**
 * Working days and office hours for the demo problems' timelines: every entry falls on a weekday between 09:00
 * and 17:30 in Chongqing, in order, before the demo date. Days are "YYYY-MM-DD" (lib/domain/date-only.ts).
 */
import { utcMidnightOf } from '@/lib/domain/date-only';
import type { Random } from './generate';

const DAY_MS = 86_400_000;
/** Chongqing is UTC+8 all year. */
const CST_MS = 8 * 3_600_000;

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => dayOf(utcMidnightOf(day) + n * DAY_MS);
export const isWeekday = (day: string) => {
  const wd = new Date(utcMidnightOf(day)).getUTCDay();
  return wd !== 0 && wd !== 6;
};
/** The Chongqing calendar day of an instant. */
export const localDayOf = (at: Date) => dayOf(at.getTime() + CST_MS);

/** The first weekday on or after `day`. */
export function onOrAfterWeekday(day: string): string {
  let d = day;
  while (!isWeekday(d)) d = addDays(d, 1);
  return d;
}

/** `n` working days after `day` (n ≥ 0; 0 gives the first weekday on or after it). */
export function addWorkingDays(day: string, n: number): string {
  let d = onOrAfterWeekday(day);
  for (let i = 0; i < n; i++) d = onOrAfterWeekday(addDays(d, 1));
  return d;
}

/** The weekdays from `from` to `to`, both included. */
export function weekdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWeekday(d)) days.push(d);
  return days;
}

/** A weekday between `from` and `to` (both included), or `from`'s next weekday when the range has none. */
export function weekdayIn(rnd: Random, from: string, to: string): string {
  const days = weekdaysBetween(from, to);
  return days.length ? days[Math.floor(rnd() * days.length)]! : onOrAfterWeekday(from);
}

/** `count` weekdays strictly between `after` and `before`, in order (repeating days when the range is short). */
export function weekdaysInside(rnd: Random, after: string, before: string, count: number): string[] {
  const days = weekdaysBetween(addDays(after, 1), addDays(before, -1));
  if (days.length === 0) return Array<string>(count).fill(after);
  const picked = Array.from({ length: count }, (_, i) => {
    // one day from each of `count` equal parts of the range, so replies spread over it
    const lo = Math.floor((i * days.length) / count);
    const hi = Math.max(lo, Math.floor(((i + 1) * days.length) / count) - 1);
    return days[lo + Math.floor(rnd() * (hi - lo + 1))]!;
  });
  return picked;
}

/**
 * Instants for days given in order: office hours in Chongqing, strictly increasing (two entries on one day are at
 * least a quarter of an hour apart).
 */
export function officeTimes(rnd: Random, days: readonly string[]): Date[] {
  const times: Date[] = [];
  for (const day of days) {
    const minute = 9 * 60 + Math.floor(rnd() * (8 * 60 + 30));
    let at = utcMidnightOf(day) - CST_MS + minute * 60_000;
    const last = times[times.length - 1]?.getTime();
    if (last !== undefined && at <= last) at = last + (15 + Math.floor(rnd() * 45)) * 60_000;
    times.push(new Date(at));
  }
  return times;
}
