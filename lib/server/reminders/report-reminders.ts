import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { daysOverdue } from '@/lib/domain/deadlines';
import type { Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { today } from '@/lib/server/clock';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import { departmentUserIds, notifyUsers } from '@/lib/server/notifications/notify';
import { getReportBoard, type ReportBoard } from '@/lib/server/reports/get-report-board';
import type { WriteContext } from '@/lib/server/write-context';
import type { ZSendReportReminders } from '@/lib/validations/reminders';

export type ReportReminderKind = 'REPORT_DEADLINE_SOON' | 'REPORT_OVERDUE';

export interface ReportReminderResult {
  year: number;
  month: number;
  /** departments whose users (or group robot) were reminded now */
  departments: number;
  users: number;
  departmentIds: number[];
}

/**
 * The deadline checks see every department: the board read as the bureau sees it. Not a signed-in person; nothing
 * is written in its name (notifications carry no sender, and a check writes no audit row).
 */
const SCHEDULER: Actor = { id: 0, username: 'scheduler', displayName: 'scheduler', role: 'BUREAU', departmentId: null };

/** The board of a month, as the bureau sees it; null when the year or month is not one being reported. */
export async function reportBoardForReminders(tx: Tx, year: number, month: number | undefined, today: string) {
  return getReportBoard(tx, SCHEDULER, { year, month, today });
}

/**
 * Reminds each given department's users of the month's outstanding reports (in-app, and through the outbox by
 * e-mail and group robot). With `once`, each department is reminded of this kind and month at most once ever (the
 * scheduled checks); without it, every call reminds (the bureau's click).
 */
export async function remindDepartments(
  tx: Tx,
  board: ReportBoard,
  rows: ReportBoard['rows'],
  kind: ReportReminderKind,
  once: boolean,
): Promise<ReportReminderResult> {
  const result: ReportReminderResult = {
    year: board.year,
    month: board.month,
    departments: 0,
    users: 0,
    departmentIds: [],
  };
  for (const row of rows) {
    const userIds = await departmentUserIds(tx, row.departmentId);
    const { notified, queued } = await notifyUsers(
      tx,
      userIds,
      kind,
      { department: row.departmentName, year: board.year, month: board.month, count: row.outstanding },
      `/reports?year=${board.year}&month=${board.month}`,
      {
        departmentIds: [row.departmentId],
        ...(once ? { dedupeKey: `${kind}:${row.departmentId}:${board.year}-${board.month}` } : {}),
      },
    );
    if (notified + queued === 0) continue;
    result.departments++;
    result.users += notified;
    result.departmentIds.push(row.departmentId);
  }
  return result;
}

/** Days from `today` until `deadline`: 0 on the day and after it. */
export const daysUntil = (deadline: string, today: string) => daysOverdue(today, deadline);

/** Deadline in 1–3 days: departments with reports still outstanding. */
export function dueSoonRows(board: ReportBoard): ReportBoard['rows'] {
  const left = daysUntil(board.deadline, board.today);
  return left >= 1 && left <= 3 ? board.rows.filter((r) => r.outstanding > 0) : [];
}

/** Deadline passed: departments late with this month. */
export function lateRows(board: ReportBoard): ReportBoard['rows'] {
  return board.rows.filter((r) => r.late);
}

/**
 * The bureau's 催报 from the deadline board: every department late with the month, or the one named. Each click
 * reminds again (unlike the scheduled check, which fires once per department and month). Audited.
 */
export async function sendReportReminders({
  tx,
  actor,
  input,
  audit,
}: WriteContext<z.output<typeof ZSendReportReminders>>): Promise<ReportReminderResult> {
  requirePermission(actor, 'report.review');
  const board = await getReportBoard(tx, actor, { year: input.year, month: input.month, today: await today(tx) });
  if (!board) throw new NotFoundError('month');
  const late = lateRows(board).filter((r) => input.departmentId === undefined || r.departmentId === input.departmentId);
  if (late.length === 0) throw new ConflictError('reminders.board.noneLate');
  const result = await remindDepartments(tx, board, late, 'REPORT_OVERDUE', false);
  await audit({
    action: 'report.sendReminders',
    entity: 'PlanYear',
    entityId: board.year,
    after: {
      year: board.year,
      month: board.month,
      departments: late.map((r) => r.departmentName),
      users: result.users,
    },
  });
  return result;
}
