'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/input';

/** A new password the admin has to pass on, so they may look at what they typed. */
export function PasswordInput(props: React.ComponentProps<typeof Input>) {
  const t = useTranslations('admin.common');
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <Input {...props} type={visible ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} />
      <button
        type="button"
        aria-pressed={visible}
        aria-controls={props.id}
        onClick={() => setVisible((v) => !v)}
        className="shrink-0 rounded-md border border-slate-300 px-3 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {t('showPassword')}
      </button>
    </div>
  );
}
