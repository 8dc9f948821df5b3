import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { MarkAllReadButton } from '@/components/notifications/mark-all-read-button';
import { NotificationList } from '@/components/notifications/notification-list';
import { Pager } from '@/components/navigation/pager';
import { Card } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { formatCount } from '@/lib/format';
import { listNotifications } from '@/lib/server/notifications/list-notifications';
import { ZNotificationListParams } from '@/lib/validations/notification';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('metaTitle') };
}

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const { page } = ZNotificationListParams.parse(await searchParams);
  const [t, locale, list] = await Promise.all([
    getTranslations('notifications'),
    getLocale(),
    listNotifications(prisma, actor, { page }),
  ]);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('description')}</p>
          <p className="mt-1 text-sm text-slate-600" data-testid="notifications-summary">
            {t('count', { total: list.total, unread: formatCount(list.unread, locale) })}
          </p>
        </div>
        <MarkAllReadButton disabled={list.unread === 0} />
      </div>
      {list.items.length === 0 ? (
        <Card className="p-6 text-center text-sm text-slate-600" data-testid="notifications-empty">
          {t('empty')}
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <NotificationList items={list.items} />
        </Card>
      )}
      <Pager
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        hrefFor={(p) => `/notifications?page=${p}`}
        testId="notifications-pager"
      />
    </div>
  );
}
