'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { signOutEverywhere } from '@/lib/actions/account';

/** Ends every session of the user, this one too, after one confirmation; then back to the login page. */
export function SignOutEverywhere() {
  const t = useTranslations('account.sessions');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    try {
      const result = await signOutEverywhere({});
      if (!result.ok) {
        setError(result.message);
        setPending(false);
        return;
      }
      await signOut({ redirect: false });
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached page of the signed-in area
      window.location.assign('/login');
    } catch {
      setError(t('failed'));
      setPending(false);
    }
  }

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        {t('signOutEverywhere')}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-3">
      <p className="text-sm text-amber-900">{t('confirm')}</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="button" variant="danger" disabled={pending} onClick={run}>
          {pending ? t('working') : t('confirmButton')}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
