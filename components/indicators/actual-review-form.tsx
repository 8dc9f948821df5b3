'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, Select } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { approveIndicatorActual, returnIndicatorActual } from '@/lib/actions/indicators';
import { ZApproveIndicatorActual, ZReturnIndicatorActual } from '@/lib/validations/indicator';

/**
 * The bureau's review of a submitted actual: approve it (saying whether a target that is not a comparison is met),
 * or return it to the department with the reason.
 */
export function ActualReviewForm({
  actualId,
  version,
  needsJudgement,
  title,
}: {
  actualId: number;
  version: number;
  needsJudgement: boolean;
  title: string;
}) {
  const t = useTranslations('indicators.review');
  const router = useRouter();
  const id = useId();
  const [returning, setReturning] = useState(false);
  const approve = useActionForm(ZApproveIndicatorActual, (values) => approveIndicatorActual(values), {
    defaultValues: { actualId, version, judgement: '' },
    onSuccess: () => router.refresh(),
  });
  const giveBack = useActionForm(ZReturnIndicatorActual, (values) => returnIndicatorActual(values), {
    defaultValues: { actualId, version, reason: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <div
      className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50/40 p-4"
      data-testid="indicator-review"
    >
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <form onSubmit={approve.onSubmit} className="flex flex-col gap-3" noValidate>
        {needsJudgement && (
          <Field
            id={`${id}-judgement`}
            label={t('judgement')}
            hint={t('judgementHint')}
            error={approve.errorOf('judgement')}
          >
            {(aria) => (
              <Select {...aria} {...approve.form.register('judgement')}>
                <option value="" />
                <option value="MET">{t('judgementMet')}</option>
                <option value="NOT_MET">{t('judgementNotMet')}</option>
              </Select>
            )}
          </Field>
        )}
        <FormAlert message={approve.formError} />
        <div className="flex gap-2">
          <Button type="submit" disabled={approve.pending}>
            {t('approve')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setReturning((r) => !r)}>
            {t('return')}
          </Button>
        </div>
      </form>
      {returning && (
        <form onSubmit={giveBack.onSubmit} className="flex flex-col gap-3" noValidate>
          <Field id={`${id}-reason`} label={t('reason')} error={giveBack.errorOf('reason')}>
            {(aria) => <Textarea {...aria} rows={2} {...giveBack.form.register('reason')} />}
          </Field>
          <FormAlert message={giveBack.formError} />
          <div>
            <Button type="submit" variant="secondary" disabled={giveBack.pending}>
              {t('return')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
