import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';
import { ChannelsForm } from '@/components/reminders/channels-form';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { absoluteSessionEnd, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-policy';
import { prisma } from '@/lib/db';
import { getNotificationChannels } from '@/lib/server/reminders/channels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.page');
  return { title: t('title') };
}

/** The signed-in user's own account: who they are, this session's limits, the password, sign-out everywhere. */
export default async function AccountPage() {
  const actor = await requireActor();
  const [t, tr, tc, format, channels] = await Promise.all([
    getTranslations('account'),
    getTranslations('roles'),
    getTranslations('reminders.channels'),
    getFormatter(),
    getNotificationChannels(prisma, actor),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const signedInAt = actor.signedInAt;

  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <h1 className="text-2xl font-semibold text-slate-900">{t('page.title')}</h1>
      <Card>
        <CardContent className="py-5">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t('page.displayName')}</dt>
            <dd>{actor.displayName}</dd>
            <dt className="text-slate-500">{t('page.username')}</dt>
            <dd>{actor.username}</dd>
            <dt className="text-slate-500">{t('page.role')}</dt>
            <dd>{tr(actor.role)}</dd>
            <dt className="text-slate-500">{t('page.department')}</dt>
            <dd>{actor.departmentName ?? t('noDepartment')}</dd>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('sessions.title')}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          {signedInAt && (
            <p data-testid="session-times">
              {t('sessions.signedInAt', { time: when(signedInAt) })}{' '}
              {t('sessions.endsAt', { time: when(absoluteSessionEnd(signedInAt.getTime() / 1000)) })}
            </p>
          )}
          <p className="text-slate-600">{t('sessions.rules', { idleHours: SESSION_MAX_AGE_SECONDS / 3600 })}</p>
          <div>
            <Button asChild variant="secondary">
              <Link href="/change-password">{t('password.link')}</Link>
            </Button>
          </div>
          <SignOutEverywhere />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{tc('title')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ChannelsForm {...channels} />
        </CardContent>
      </Card>
    </div>
  );
}
