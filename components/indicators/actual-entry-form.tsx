'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, FormSuccess, Select } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { enterIndicatorActual } from '@/lib/actions/indicators';
import { ZEnterIndicatorActual } from '@/lib/validations/indicator';

export interface EntryPeriod {
  period: number;
  label: string;
  /** the period's actual as it stands, if any: its version, and its values when it may still be changed */
  existing?: { version: number; value: string; source: string; note: string; editable: boolean };
}

/**
 * The responsible department's (or the bureau's) entry of one period's actual, with its source and note: saved as a
 * draft or submitted for review. Choosing a period loads what was entered for it, so a returned figure is fixed in
 * place.
 */
export function ActualEntryForm({
  indicatorId,
  periods,
  initialPeriod,
}: {
  indicatorId: number;
  periods: EntryPeriod[];
  initialPeriod: number;
}) {
  const t = useTranslations('indicators.form');
  const router = useRouter();
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const valuesFor = (period: number) => {
    const existing = periods.find((p) => p.period === period)?.existing;
    return {
      indicatorId,
      period,
      version: existing?.version ?? 0,
      value: existing?.editable ? existing.value : '',
      source: existing?.editable ? existing.source : '',
      note: existing?.editable ? existing.note : '',
      submit: false,
    };
  };
  const action = useActionForm(ZEnterIndicatorActual, (values) => enterIndicatorActual(values), {
    defaultValues: valuesFor(initialPeriod),
    onSuccess: (data, values, form) => {
      setSaved(data.status === 'SUBMITTED' ? t('submitted') : t('saved'));
      form.reset({ ...values, version: data.version, submit: false });
      router.refresh();
    },
  });
  const submitAs = (submit: boolean) => () => {
    setSaved(null);
    action.form.setValue('submit', submit);
  };
  const periodField = action.form.register('period', {
    onChange: (e: { target: { value: string } }) => action.form.reset(valuesFor(Number(e.target.value))),
  });
  return (
    <form onSubmit={action.onSubmit} className="flex flex-col gap-3" data-testid="indicator-entry-form" noValidate>
      <Field id={`${id}-period`} label={t('period')} error={action.errorOf('period')}>
        {(aria) => (
          <Select {...aria} {...periodField}>
            {periods.map((p) => (
              <option key={p.period} value={p.period}>
                {p.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-value`} label={t('value')} hint={t('valueHint')} error={action.errorOf('value')}>
        {(aria) => <Input {...aria} autoComplete="off" {...action.form.register('value')} />}
      </Field>
      <Field id={`${id}-source`} label={t('source')} hint={t('sourceHint')} error={action.errorOf('source')}>
        {(aria) => <Input {...aria} {...action.form.register('source')} />}
      </Field>
      <Field id={`${id}-note`} label={t('note')} error={action.errorOf('note')}>
        {(aria) => <Textarea {...aria} rows={2} {...action.form.register('note')} />}
      </Field>
      <FormAlert message={action.formError} />
      <FormSuccess message={saved} testId="indicator-entry-saved" />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={action.pending} onClick={submitAs(false)}>
          {t('saveDraft')}
        </Button>
        <Button type="submit" disabled={action.pending} onClick={submitAs(true)}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
