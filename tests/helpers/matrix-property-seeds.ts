/**
 * Valid inputs for the property test of every action (./property-seeds.ts), taken from the authorization matrix's
 * inputs for the problem actions (./authorization/problem-actions.ts, which put a problem of the own department in
 * the state each action needs), the reminder actions (./authorization/reminder-actions.ts) and the backfill actions
 * (./authorization/backfill-actions.ts): one input per action,
 * written once.
 */
import type { Db } from '@/lib/prisma';
import { BACKFILL_ACTIONS } from './authorization/backfill-actions';
import { fixturesOf, type ActionCase } from './authorization/matrix';
import { PROBLEM_ACTIONS } from './authorization/problem-actions';
import { REMINDER_ACTIONS } from './authorization/reminder-actions';
import { REPORT_ACTIONS } from './authorization/report-actions';

function seedsOf(cases: Record<string, ActionCase>) {
  return Object.entries(cases).map(([name, spec]) => [
    name,
    async (db: Db) => spec.input(await fixturesOf(db, 5000), 'own'),
  ]);
}

const { 'report.sendReminders': _movesTheClock, ...reminders } = REMINDER_ACTIONS;
const monthSheet = Object.fromEntries(
  Object.entries(REPORT_ACTIONS).filter(([name]) => name.startsWith('report.monthSheet')),
);

export const MATRIX_SEEDS: Record<string, (db: Db) => Promise<unknown>> = {
  ...Object.fromEntries([
    ...seedsOf(PROBLEM_ACTIONS),
    ...seedsOf(reminders),
    ...seedsOf(monthSheet),
    ...seedsOf(BACKFILL_ACTIONS),
  ]),
  // the matrix's input moves the clock past the deadline; here the month alone, at the test's own clock
  'report.sendReminders': async () => ({ year: 2025, month: 11 }),
};
