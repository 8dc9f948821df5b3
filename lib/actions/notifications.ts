'use server';

import { defineAction } from '@/lib/actions/safe-action';
import { NotFoundError } from '@/lib/server/errors';
import { ZMarkAllNotificationsRead, ZMarkNotificationRead } from '@/lib/validations/notification';

/**
 * Notifications belong to one user each: the actor's id is the whole authorization. Someone else's id answers
 * exactly like an id that does not exist.
 */
export const markNotificationRead = defineAction({
  name: 'notification.markRead',
  permission: 'account.manageOwn',
  input: ZMarkNotificationRead,
  revalidate: ['/notifications'],
  async run({ actor, input, tx, audit }) {
    const notification = await tx.notification.findUnique({
      where: { id: input.id },
      select: { id: true, userId: true, readAt: true },
    });
    if (!notification || notification.userId !== actor.id) throw new NotFoundError('notification');
    // Reading it twice changes nothing (the first time it was read stays), so nothing is written or audited.
    if (notification.readAt) return { id: notification.id, readAt: notification.readAt };
    const { readAt } = await tx.notification.update({
      where: { id: notification.id },
      data: { readAt: new Date() },
      select: { readAt: true },
    });
    await audit({
      action: 'notification.markRead',
      entity: 'Notification',
      entityId: notification.id,
      before: { readAt: null },
      after: { readAt: readAt?.toISOString() ?? null },
    });
    return { id: notification.id, readAt };
  },
});

/** Every unread notification of the actor, at once; one audit row for the lot. */
export const markAllNotificationsRead = defineAction({
  name: 'notification.markAllRead',
  permission: 'account.manageOwn',
  input: ZMarkAllNotificationsRead,
  revalidate: ['/notifications'],
  async run({ actor, tx, audit }) {
    const readAt = new Date();
    const { count } = await tx.notification.updateMany({
      where: { userId: actor.id, readAt: null },
      data: { readAt },
    });
    if (count > 0) {
      await audit({
        action: 'notification.markAllRead',
        entity: 'Notification',
        entityId: null,
        before: { unread: count },
        after: { unread: 0, readAt: readAt.toISOString() },
      });
    }
    return { count };
  },
});
