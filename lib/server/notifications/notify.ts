import 'server-only';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import { now } from '@/lib/server/clock';

/** What a notification's text needs; rendered in the reader's language when it is shown. */
export interface NotificationParams {
  department: string;
  year: number;
  month: number;
  count: number;
  /** one report: its project's name */
  project?: string;
  /** the bureau's comment or reopening reason */
  comment?: string;
  /** problems: the problem's number */
  number?: string;
  /** problems: days to the due date, or past it */
  days?: number;
}

/**
 * Notifications are written in the transaction of the change they announce: a refused or rolled-back action
 * never tells anyone it happened.
 */
async function notifyUsers(
  tx: Tx,
  userIds: readonly number[],
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
) {
  if (userIds.length === 0) return;
  // the time the bell shows beside the report's own dates: the business clock's, like theirs
  const createdAt = await now(tx);
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind, params: { ...params }, link, createdAt })),
  });
}

/** To every active user of a department: a report of theirs was returned or reopened. */
export async function notifyDepartment(
  tx: Tx,
  departmentId: number,
  kind: Extract<NotificationKind, 'REPORT_RETURNED' | 'REPORT_REOPENED'>,
  params: NotificationParams,
  link: string,
) {
  const users = await tx.user.findMany({
    where: { departmentId, role: 'DEPARTMENT', active: true },
    select: { id: true },
  });
  await notifyUsers(
    tx,
    users.map((u) => u.id),
    kind,
    params,
    link,
  );
}

/** To every active bureau user: a department submitted reports. */
export async function notifyBureau(
  tx: Tx,
  kind: Extract<NotificationKind, 'REPORTS_SUBMITTED'>,
  params: NotificationParams,
  link: string,
) {
  const users = await tx.user.findMany({ where: { role: 'BUREAU', active: true }, select: { id: true } });
  await notifyUsers(
    tx,
    users.map((u) => u.id),
    kind,
    params,
    link,
  );
}

/** To the users lib/server/problems/problem-notify.ts chose for a problem's step, each once. */
export async function notifyProblemUsers(
  tx: Tx,
  userIds: readonly number[],
  kind: Extract<NotificationKind, `PROBLEM_${string}`>,
  params: NotificationParams,
  link: string,
) {
  await notifyUsers(tx, [...new Set(userIds)], kind, params, link);
}
