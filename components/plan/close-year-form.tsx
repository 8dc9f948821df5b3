'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert } from '@/components/forms/controls';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { closePlanYear } from '@/lib/actions/admin';
import { toWholeNumber, ZClosePlanYear } from '@/lib/validations/admin';

/** The close, confirmed by typing the year: the server compares it and refuses while December is not approved. */
export function CloseYearForm({ id, year }: { id: number; year: number }) {
  const t = useTranslations('plan.close');
  const notify = useNotice();
  const router = useRouter();
  const fieldId = useId();
  const action = useActionForm(ZClosePlanYear, closePlanYear, {
    defaultValues: { id },
    onSuccess: () => {
      notify(t('done', { year: String(year) }));
      router.refresh();
    },
  });
  return (
    <form onSubmit={action.onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <FormAlert message={action.formError} />
      <Field id={fieldId} label={t('confirmLabel', { year: String(year) })} error={action.errorOf('confirmYear')}>
        {(aria) => (
          <Input
            {...aria}
            inputMode="numeric"
            autoComplete="off"
            className="w-32"
            {...action.form.register('confirmYear', { setValueAs: toWholeNumber })}
          />
        )}
      </Field>
      <div>
        <Button type="submit" variant="danger" disabled={action.pending}>
          {action.pending ? t('closing') : t('submit', { year: String(year) })}
        </Button>
      </div>
    </form>
  );
}
