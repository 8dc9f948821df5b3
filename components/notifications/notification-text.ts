import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { NotificationItem } from '@/lib/server/notifications/list-notifications';
import { notificationMessage } from './notification-message';

/** The reader's language's sentence for each notification. */
export async function getNotificationText() {
  const [t, locale] = await Promise.all([getTranslations('notifications.text'), getLocale()]);
  return (item: Pick<NotificationItem, 'kind' | 'params'>): string => notificationMessage(t, locale, item);
}
