'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, FormSuccess } from '@/components/forms/controls';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { updateNotificationChannels } from '@/lib/actions/reminders';
import { ZNotificationChannels } from '@/lib/validations/reminders';

/** One's own reminder channels on /account: the bell (always on) and e-mail with its address. */
export function ChannelsForm({
  email,
  emailEnabled,
  smtpConfigured,
}: {
  email: string;
  emailEnabled: boolean;
  smtpConfigured: boolean;
}) {
  const t = useTranslations('reminders.channels');
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const action = useActionForm(ZNotificationChannels, updateNotificationChannels, {
    defaultValues: { email, emailEnabled },
    onSuccess: () => setSaved(t('saved')),
  });
  const { register } = action.form;

  return (
    <form
      className="flex flex-col gap-4 text-sm"
      noValidate
      onSubmit={(e) => {
        setSaved(null);
        void action.onSubmit(e);
      }}
      data-testid="channels-form"
    >
      <p className="text-slate-600">{t('description')}</p>
      <label className="flex items-center gap-2 text-slate-500">
        <input type="checkbox" checked disabled />
        {t('inApp')}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" {...register('emailEnabled')} data-testid="channels-email-enabled" />
        {t('emailEnabled')}
      </label>
      <Field id={`${id}-email`} label={t('email')} hint={t('emailHint')} error={action.errorOf('email')}>
        {(aria) => <Input {...aria} type="email" autoComplete="email" maxLength={254} {...register('email')} />}
      </Field>
      {!smtpConfigured && <p className="text-amber-700">{t('smtpOff')}</p>}
      <FormAlert message={action.formError} />
      <FormSuccess message={saved} testId="channels-saved" />
      <div>
        <Button type="submit" disabled={action.pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
