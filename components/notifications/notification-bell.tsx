import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { getUnreadNotificationCount } from '@/lib/server/notifications/list-notifications';

/** The top bar's bell: the unread count, rendered on the server with the page; a link to the notifications. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  const [t, unread] = await Promise.all([getTranslations('notifications'), getUnreadNotificationCount(prisma, actor)]);
  const label = unread > 0 ? t('bellUnread', { count: unread }) : t('bell');
  return (
    <Link
      href="/notifications"
      data-testid="notification-bell"
      aria-label={label}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-white hover:bg-white/10"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 ? (
        <span
          data-testid="notification-count"
          aria-hidden
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums ring-2 ring-brand-900"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
