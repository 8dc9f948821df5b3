'use client';

import { useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { markNotificationRead } from '@/lib/actions/notifications';
import { cn } from '@/lib/utils';

/**
 * Opens a notification's link and marks it read. The mark is made first so the bell is right on the page it
 * leads to; a failure to mark does not stop the reader from getting there.
 */
export function NotificationLink({
  id,
  href,
  unread,
  className,
  children,
}: {
  id: number;
  href: string;
  unread: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function handleClick(event: React.MouseEvent<HTMLAnchorElement>) {
    if (!unread) return; // a plain link
    const newTab = event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0;
    if (newTab) {
      void markNotificationRead({ id }).then(() => router.refresh());
      return;
    }
    event.preventDefault();
    startTransition(async () => {
      await markNotificationRead({ id }).catch(() => undefined);
      router.push(href);
    });
  }

  return (
    <Link
      href={href}
      onClick={handleClick}
      aria-busy={pending || undefined}
      data-testid="notification-link"
      className={cn(className, pending && 'opacity-60')}
    >
      {children}
    </Link>
  );
}
