/**
 * Calendar dates without a time of day, written "YYYY-MM-DD": planned and actual starts, deadlines, report dates.
 * PostgreSQL keeps them as `date`, which Prisma hands over as a Date at UTC midnight; everything here works on
 * that UTC midnight, where every day is 24 hours long and no server or browser time zone can shift a day.
 * The one module that reads, checks and writes such dates, so "2025-02-30" is refused the same way everywhere.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year, leap years included (proleptic Gregorian, as PostgreSQL's `date`). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? Number.NaN);
}

/** The parts of "YYYY-MM-DD", or null for anything else, including a day the month does not have. */
export function dateParts(text: string): DateParts | null {
  const match = DATE_ONLY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Is the text a calendar date "YYYY-MM-DD" that exists? */
export function isDateOnly(text: string): boolean {
  return dateParts(text) !== null;
}

/** The parts of a date the caller vouches for; a RangeError names the bad text otherwise. */
export function parseDateOnly(text: string): DateParts {
  const parts = dateParts(text);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date that exists: ${text}`);
  return parts;
}

/** "YYYY-MM-DD" from its parts (month 1–12), zero-padded. */
export function formatDateOnly(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date's UTC midnight in milliseconds, for day arithmetic. */
export function utcMidnightOf(text: string): number {
  const { year, month, day } = parseDateOnly(text);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/** A stored date (@db.Date, UTC midnight) as "YYYY-MM-DD"; null stays null. */
export function toDateOnly(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** "YYYY-MM-DD" as the Date Prisma stores in a @db.Date column; null (or empty) stays null. */
export function fromDateOnly(text: string | null | undefined): Date | null {
  return text ? new Date(utcMidnightOf(text)) : null;
}

/** The calendar day of a Date at UTC midnight, for a cell that must hold a date and nothing else. */
export function utcDayOf(value: Date | null): Date | null {
  return value ? new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())) : null;
}
