import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import { now } from '@/lib/server/clock';
import { enqueueDeliveries } from '@/lib/server/reminders/enqueue';

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

export interface NotifyOptions {
  /**
   * Fire at most once for this key, ever (a scheduled check's "department X, month Y"): the key is taken in this
   * transaction, so a second call, in this process or another, notifies nobody.
   */
  dedupeKey?: string;
  /** the departments whose group robots get the message; by default the recipients' own departments */
  departmentIds?: readonly number[];
}

export interface NotifyResult {
  /** in-app notifications written (one per recipient); 0 when the dedupe key had fired already */
  notified: number;
  /** outbox rows queued for e-mail and group robots */
  queued: number;
}

/**
 * THE notification funnel: every notification goes through here. In the transaction of the change it announces it
 * writes the in-app rows and the outbox rows of the other channels (lib/server/reminders/enqueue.ts), so a refused
 * or rolled-back action never tells anyone it happened, and a committed one is never lost. A new NotificationKind
 * needs only its `notifications.text` message to reach every channel.
 */
export async function notifyUsers(
  tx: Tx,
  userIds: readonly number[],
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
  options: NotifyOptions = {},
): Promise<NotifyResult> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0 && !options.departmentIds?.length) return { notified: 0, queued: 0 };
  if (options.dedupeKey !== undefined) {
    const taken = await tx.$executeRaw`
      INSERT INTO "NotificationOnce" (key, kind) VALUES (${options.dedupeKey}, ${kind}::"NotificationKind")
      ON CONFLICT (key) DO NOTHING`;
    if (taken === 0) return { notified: 0, queued: 0 };
  }
  if (recipients.length > 0) {
    // the time the bell shows beside the report's own dates: the business clock's, like theirs
    const createdAt = await now(tx);
    await tx.notification.createMany({
      data: recipients.map((userId) => ({ userId, kind, params: { ...params }, link, createdAt })),
    });
  }
  const departmentIds =
    options.departmentIds ??
    (
      await tx.user.findMany({
        where: { id: { in: recipients }, departmentId: { not: null } },
        select: { departmentId: true },
        distinct: ['departmentId'],
      })
    ).map((u) => u.departmentId!);
  const queued = await enqueueDeliveries(tx, {
    kind,
    params,
    link,
    userIds: recipients,
    departmentIds,
    key: options.dedupeKey ?? randomUUID(),
  });
  return { notified: recipients.length, queued };
}

/** The active users of a department, who its notifications go to. */
export async function departmentUserIds(tx: Tx, departmentId: number): Promise<number[]> {
  const users = await tx.user.findMany({
    where: { departmentId, role: 'DEPARTMENT', active: true },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** To every active user of a department, and to the department's group robot. */
export async function notifyDepartment(
  tx: Tx,
  departmentId: number,
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
  options: Pick<NotifyOptions, 'dedupeKey'> = {},
): Promise<NotifyResult> {
  return notifyUsers(tx, await departmentUserIds(tx, departmentId), kind, params, link, {
    ...options,
    departmentIds: [departmentId],
  });
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
