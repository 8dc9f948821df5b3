import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DemoBanner } from '@/components/layout/demo-banner';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.password');
  return { title: t('title') };
}

/** Outside the signed-in layout on purpose: that layout sends users with a pending change here. */
export default async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?callbackUrl=/change-password');
  const t = await getTranslations('account.password');
  return (
    <>
      <DemoBanner />
      <main className="flex min-h-screen items-start justify-center px-4 pt-[10vh]">
        <Card className="w-full max-w-md">
          <CardHeader>
            <CardTitle>{t('title')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {actor.mustChangePassword && (
              <p
                role="status"
                className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
              >
                {t('forcedNotice')}
              </p>
            )}
            <ChangePasswordForm />
          </CardContent>
        </Card>
      </main>
    </>
  );
}
