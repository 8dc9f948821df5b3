import 'server-only';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { Tx } from '@/lib/server/audit';
import type { NotificationParams } from '@/lib/server/notifications/notify';
import { smtpConfig } from './config';
import { renderOutboxPayload } from './render';

export interface Deliveries {
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  userIds: readonly number[];
  departmentIds: readonly number[];
  /** the event's key: each outbox row's dedupe key is this plus its channel and recipient */
  key: string;
}

/**
 * The outbox rows of one notification, in the caller's transaction (lib/server/notifications/notify.ts calls this):
 * an e-mail per recipient who chose e-mail and has an address, while SMTP is configured; a robot message per
 * department concerned that has a group robot. Committed with the change, so a crash after the commit loses nothing.
 * Returns how many rows were queued.
 */
export async function enqueueDeliveries(tx: Tx, d: Deliveries): Promise<number> {
  // one query after the other: a transaction is one connection
  const mailTo =
    smtpConfig() && d.userIds.length > 0
      ? await tx.notificationSetting.findMany({
          where: { userId: { in: [...d.userIds] }, emailEnabled: true, email: { not: null }, user: { active: true } },
          select: { userId: true, email: true },
        })
      : [];
  const robots =
    d.departmentIds.length > 0
      ? await tx.departmentWebhook.findMany({
          where: { departmentId: { in: [...d.departmentIds] } },
          select: { departmentId: true },
        })
      : [];
  if (mailTo.length === 0 && robots.length === 0) return 0;
  const payload = { ...renderOutboxPayload(d.kind, d.params, d.link) };
  const { count } = await tx.outboxMessage.createMany({
    data: [
      ...mailTo.map((s) => ({
        channel: 'EMAIL' as const,
        target: s.email!,
        kind: d.kind,
        payload,
        dedupeKey: `${d.key}:email:${s.userId}`,
      })),
      ...robots.map((r) => ({
        channel: 'WEBHOOK' as const,
        target: String(r.departmentId),
        kind: d.kind,
        payload,
        dedupeKey: `${d.key}:webhook:${r.departmentId}`,
      })),
    ],
    skipDuplicates: true,
  });
  return count;
}
