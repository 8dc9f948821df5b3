'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { markAllNotificationsRead } from '@/lib/actions/notifications';

export function MarkAllReadButton({ disabled }: { disabled?: boolean }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function handleClick() {
    setError(null);
    startTransition(async () => {
      const result = await markAllNotificationsRead({}).catch(() => null);
      if (!result) setError(t('failed'));
      else if (!result.ok) setError(result.message);
      else router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-3">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        variant="secondary"
        size="sm"
        onClick={handleClick}
        disabled={disabled || pending}
        data-testid="notifications-mark-all"
      >
        {pending ? t('markingAll') : t('markAll')}
      </Button>
    </div>
  );
}
