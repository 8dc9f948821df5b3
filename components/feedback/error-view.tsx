'use client';

import { useEffect } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * What a user sees instead of a crashed page: a translated apology, the digest Next gives the server's log line
 * (so support can find it) and a retry. Never the error's message or stack, which may name tables or data.
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('description')}</p>
      {error.digest && (
        <p className="mt-3 font-mono text-xs text-slate-400">{t('reference', { digest: error.digest })}</p>
      )}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={reset}>{t('retry')}</Button>
        <Button variant="secondary" asChild>
          <Link href="/">{t('home')}</Link>
        </Button>
      </div>
    </div>
  );
}
