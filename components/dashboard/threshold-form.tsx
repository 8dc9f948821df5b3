'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { setWarningThresholds } from '@/lib/actions/warnings';
import { ZWarningThresholds } from '@/lib/validations/warnings';

/** The bureau's setting of the plan year's pace-warning thresholds (points behind 序时进度). */
export function ThresholdForm({
  year,
  yellowPoints,
  redPoints,
}: {
  year: number;
  yellowPoints: string;
  redPoints: string;
}) {
  const t = useTranslations('dashboard.thresholds');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZWarningThresholds, setWarningThresholds, {
    defaultValues: { year, yellowPoints, redPoints },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
    onFailure: () => setSaved(false),
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-3 px-5 pb-4 print:hidden"
      data-testid="threshold-form"
    >
      {(['yellowPoints', 'redPoints'] as const).map((name) => (
        <div key={name} className="flex flex-col gap-1">
          <Label htmlFor={`threshold-${name}`}>{t(name)}</Label>
          <Input
            id={`threshold-${name}`}
            inputMode="decimal"
            className="w-28 text-right"
            data-testid={`threshold-${name}`}
            {...form.register(name)}
          />
          {errorOf(name) && <p className="text-xs text-red-700">{errorOf(name)}</p>}
        </div>
      ))}
      <Button type="submit" variant="secondary" disabled={pending} data-testid="threshold-save">
        {t('save')}
      </Button>
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : (
        saved && (
          <p role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </p>
        )
      )}
    </form>
  );
}
