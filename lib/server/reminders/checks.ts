import 'server-only';
import { logger } from '@/lib/log';
import type { Db } from '@/lib/prisma';
import { today as businessToday } from '@/lib/server/clock';
import { runProblemChecks } from '@/lib/server/problems/problem-checks';
import {
  dueSoonRows,
  lateRows,
  remindDepartments,
  reportBoardForReminders,
  type ReportReminderResult,
} from './report-reminders';

/**
 * The scheduled checks (issue 15): each reads the business clock's day (a demo database's demo date, a test's
 * date) and notifies through the one funnel with a dedupe key, so it fires once per subject however often it runs
 * and however many app processes run it. The job queue runs them every hour of the working day
 * (lib/server/reminders/jobs.ts); tests call them with a day of their own.
 *
 * To add a check: write `(db, today) => …` that notifies once per subject (a dedupe key), and add it to DAILY_CHECKS.
 */
export interface DailyCheck {
  name: string;
  run(db: Db, today: string): Promise<unknown>;
}

/** Deadline in 3 days (or fewer) and the department has not submitted the month: remind its users once. */
export async function checkReportDeadlineSoon(db: Db, today: string): Promise<ReportReminderResult[]> {
  return remindActiveYears(db, today, (board) => ({ rows: dueSoonRows(board), kind: 'REPORT_DEADLINE_SOON' }));
}

/** Deadline passed and the department has not submitted the month: 催报, once per department and month. */
export async function checkReportOverdue(db: Db, today: string): Promise<ReportReminderResult[]> {
  return remindActiveYears(db, today, (board) => ({ rows: lateRows(board), kind: 'REPORT_OVERDUE' }));
}

export const DAILY_CHECKS: readonly DailyCheck[] = [
  { name: 'report.deadlineSoon', run: checkReportDeadlineSoon },
  { name: 'report.overdue', run: checkReportOverdue },
  // problems due in 3 days, overdue, escalated to 督办 (issue 15): once per problem and due date, its own dedupe
  { name: 'problem.deadlines', run: runProblemChecks },
];

/** Every daily check, for the business clock's today unless a day is given; one failing does not stop the others. */
export async function runDailyChecks(db: Db, today?: string): Promise<Record<string, 'ok' | 'failed'>> {
  const day = today ?? (await businessToday(db));
  const outcome: Record<string, 'ok' | 'failed'> = {};
  for (const check of DAILY_CHECKS) {
    try {
      const result = await check.run(db, day);
      outcome[check.name] = 'ok';
      logger.info({ job: 'reminders.daily', check: check.name, today: day, result }, 'daily check');
    } catch (error) {
      outcome[check.name] = 'failed';
      logger.error({ job: 'reminders.daily', check: check.name, today: day, err: error }, 'daily check failed');
    }
  }
  return outcome;
}

/** The reporting month of each plan year departments report against, one transaction per year. */
async function remindActiveYears(
  db: Db,
  today: string,
  pick: (board: NonNullable<Awaited<ReturnType<typeof reportBoardForReminders>>>) => {
    rows: Parameters<typeof remindDepartments>[2];
    kind: Parameters<typeof remindDepartments>[3];
  },
): Promise<ReportReminderResult[]> {
  const years = await db.planYear.findMany({ where: { status: 'ACTIVE' }, select: { year: true } });
  const results: ReportReminderResult[] = [];
  for (const { year } of years) {
    results.push(
      ...(await db.$transaction(async (tx) => {
        const board = await reportBoardForReminders(tx, year, undefined, today);
        if (!board) return [];
        const { rows, kind } = pick(board);
        return rows.length ? [await remindDepartments(tx, board, rows, kind, true)] : [];
      })),
    );
  }
  return results;
}
