import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { DemoBanner } from '@/components/layout/demo-banner';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { appOrigin } from '@/lib/auth/app-origin';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { getActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('metaTitle') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a page of this app: anything else would make the login an open redirect.
  const callbackUrl = safeRedirectPath(params.callbackUrl, await appOrigin());
  // Checked against the database, not just the cookie: a deactivated user's token must not bounce them back.
  if (await getActor()) redirect(callbackUrl);

  const t = await getTranslations();
  // next-auth sends its own failures here as ?error=…; a SessionRequired means the token lapsed, and proxy.ts
  // adds reason=expired when a session reached its 12 hours.
  const initialError = params.error === 'SessionRequired' || params.reason === 'expired' ? 'sessionExpired' : undefined;

  return (
    <div className="flex min-h-screen flex-col">
      <DemoBanner />
      <div className="h-1.5 bg-brand-800" />
      <div className="flex justify-end px-4 py-3">
        <LanguageSwitch tone="light" />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh]">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center">
            <h1 className="text-xl font-semibold text-brand-900">{t('app.name')}</h1>
            <p className="mt-1 text-sm text-slate-500">{t('app.description')}</p>
          </div>
          <Card>
            <CardHeader>
              <CardTitle>{t('login.title')}</CardTitle>
              <CardDescription>{t('login.subtitle')}</CardDescription>
            </CardHeader>
            <CardContent className="py-5">
              <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
            </CardContent>
          </Card>
          <p className="mt-6 text-center text-xs text-slate-400">{t('app.owner')}</p>
        </div>
      </main>
    </div>
  );
}
