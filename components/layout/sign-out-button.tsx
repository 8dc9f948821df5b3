'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const t = useTranslations('account');
  const [pending, setPending] = useState(false);

  async function handleSignOut() {
    setPending(true);
    // Without NEXTAUTH_URL next-auth would build its redirect from localhost:3000, so navigate ourselves; a full
    // load also drops every cached page of the signed-in area.
    await signOut({ redirect: false });
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached page of the signed-in area
    window.location.assign('/login');
  }

  return (
    <Button variant="inverse" size="sm" onClick={handleSignOut} disabled={pending}>
      {pending ? t('signingOut') : t('signOut')}
    </Button>
  );
}
