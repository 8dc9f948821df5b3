'use client';

import { useCallback, useEffect, startTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useServiceDown } from './use-service-down';

/**
 * What a user sees instead of a crashed page: a translated apology, the digest Next gives the server's log line
 * (so support can find it) and a retry. Never the error's message or stack, which may name tables or data.
 * When the server reports that it cannot serve (the database is down), it says "service temporarily unavailable"
 * instead, and reloads the page by itself once the service is back.
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const router = useRouter();
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [router, reset],
  );
  const down = useServiceDown(retry);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      data-testid={down ? 'service-unavailable' : 'error-view'}
      className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-slate-900">{t(down ? 'unavailableTitle' : 'title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t(down ? 'unavailableDescription' : 'description')}</p>
      {error.digest && (
        <p className="mt-3 font-mono text-xs text-slate-400">{t('reference', { digest: error.digest })}</p>
      )}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={retry}>{t('retry')}</Button>
        <Button variant="secondary" asChild>
          <Link href="/">{t('home')}</Link>
        </Button>
      </div>
    </div>
  );
}
