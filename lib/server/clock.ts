import 'server-only';
import { chongqingToday } from '@/lib/domain/deadlines';

/**
 * The one clock of the business rules: report deadlines and days overdue, the deadline board, warnings,
 * notification times, due dates. Nothing else reads the system time for a rule; tests set this clock.
 *
 * The interface is fixed (async, so that a demo date stored in the database can answer); issue 14 wires the demo
 * date and every caller to it.
 */
export async function now(): Promise<Date> {
  return new Date();
}

/** Today in Chongqing, "YYYY-MM-DD". */
export async function today(): Promise<string> {
  return chongqingToday(await now());
}
