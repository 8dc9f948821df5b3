import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { NotificationItem } from '@/lib/server/notifications/list-notifications';
import { cn } from '@/lib/utils';
import { NotificationLink } from './notification-link';
import { getNotificationText } from './notification-text';

/** The reader's notifications, newest first; unread ones stand out until opened. */
export async function NotificationList({ items }: { items: readonly NotificationItem[] }) {
  const [t, textOf] = await Promise.all([getTranslations('notifications'), getNotificationText()]);
  return (
    <ul className="divide-y divide-slate-100" data-testid="notification-list">
      {items.map((item) => {
        const unread = item.readAt === null;
        return (
          <li
            key={item.id}
            data-testid="notification-item"
            data-kind={item.kind}
            data-unread={unread ? 'true' : 'false'}
            className={cn('border-l-4', unread ? 'border-l-brand-600 bg-brand-50/60' : 'border-l-transparent')}
          >
            <NotificationLink
              id={item.id}
              href={item.link}
              unread={unread}
              className="flex flex-col gap-1 px-5 py-3 hover:bg-slate-50 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
            >
              <span
                className={cn('text-sm', unread ? 'font-medium text-slate-900' : 'text-slate-600')}
                data-testid="notification-text"
              >
                {textOf(item)}
              </span>
              <span className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                {unread ? <Badge variant="brand">{t('unread')}</Badge> : null}
                <time dateTime={item.createdAt.toISOString()} className="tabular-nums">
                  {formatChongqingTime(item.createdAt, { seconds: false })}
                </time>
              </span>
            </NotificationLink>
          </li>
        );
      })}
    </ul>
  );
}
