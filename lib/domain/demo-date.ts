/**
 * The demo database's date (README "The demo date"). Pure: the server's clock (lib/server/clock.ts) reads the
 * stored day and the process's running time and asks here what instant that makes.
 */

import { parseDateOnly } from './date-only';

/** Inside the November 2025 round, two days before its deadline (day 5 of December): an ordinary reporting week. */
export const SEED_DEMO_DATE = '2025-12-03';

/** The demo's working day opens at 09:00 in Chongqing (UTC+8 all year: China keeps no summer time). */
const OPENING_HOUR_UTC = 9 - 8;

/** The demo's instant: `demoDate` at 09:00 Chongqing plus the real time elapsed since the clock started. */
export function demoInstant(demoDate: string, elapsedMs: number): Date {
  const { year, month, day } = parseDateOnly(demoDate);
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) throw new RangeError(`elapsed time must be ≥ 0: ${elapsedMs}`);
  return new Date(Date.UTC(year, month - 1, day, OPENING_HOUR_UTC) + elapsedMs);
}
