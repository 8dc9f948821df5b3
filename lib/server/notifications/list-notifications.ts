import 'server-only';
import type { NotificationKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import { ZNotificationParams, type StoredNotificationParams } from '@/lib/validations/notification';

export const NOTIFICATIONS_PAGE_SIZE = 50;

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  params: StoredNotificationParams;
  /** an app path ("/…"); anything else stored there is replaced by the notifications page itself */
  link: string;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** Only a path inside the app: a stored link must never send a reader to another site. */
function safeLink(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : '/notifications';
}

function readParams(stored: unknown): StoredNotificationParams {
  const parsed = ZNotificationParams.safeParse(stored);
  return parsed.success ? parsed.data : { department: '', year: 0, month: 0, count: 0 };
}

/**
 * The actor's own notifications, newest first. Everyone may read their own and nobody anyone else's, so the
 * actor's id is the whole scope.
 */
export async function listNotifications(
  db: Db,
  actor: Actor,
  options: { page?: number; pageSize?: number } = {},
): Promise<NotificationList> {
  requirePermission(actor, 'account.manageOwn');
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? NOTIFICATIONS_PAGE_SIZE;
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id },
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.notification.count({ where: { userId: actor.id } }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return {
    items: rows.map((row) => ({
      ...row,
      params: readParams(row.params),
      link: safeLink(row.link),
    })),
    total,
    unread,
    page,
    pageSize,
  };
}

/** The number on the top bar's bell. */
export async function getUnreadNotificationCount(db: Db, actor: Actor): Promise<number> {
  requirePermission(actor, 'account.manageOwn');
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
