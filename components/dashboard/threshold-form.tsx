'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { setWarningThresholds } from '@/lib/actions/warnings';
import { ZWarningThresholds, type WarningThresholdsInput } from '@/lib/validations/warnings';

/** The bureau's setting of the plan year's pace-warning thresholds (points behind 序时进度). */
export function ThresholdForm({ year, yellowPoints, redPoints }: { year: number; yellowPoints: string; redPoints: string }) {
  const t = useTranslations('dashboard.thresholds');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WarningThresholdsInput, unknown, z.output<typeof ZWarningThresholds>>({
    resolver: zodResolver(ZWarningThresholds),
    defaultValues: { year, yellowPoints, redPoints },
  });
  const message = (m: string | undefined) => (m === undefined ? undefined : m in MESSAGE_KEYS ? tv(m as keyof typeof MESSAGE_KEYS) : m);

  async function onSubmit(values: z.output<typeof ZWarningThresholds>) {
    setNotice(null);
    const result = await setWarningThresholds(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (field === 'yellowPoints' || field === 'redPoints') setError(field, { type: 'server', message: messages[0] });
      }
      setNotice({ ok: false, text: result.message });
      return;
    }
    setNotice({ ok: true, text: t('saved') });
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-wrap items-end gap-3 px-5 pb-4 print:hidden" data-testid="threshold-form">
      {(['yellowPoints', 'redPoints'] as const).map((name) => (
        <div key={name} className="flex flex-col gap-1">
          <Label htmlFor={`threshold-${name}`}>{t(name)}</Label>
          <Input id={`threshold-${name}`} inputMode="decimal" className="w-28 text-right" data-testid={`threshold-${name}`} {...register(name)} />
          {errors[name]?.message && <p className="text-xs text-red-700">{message(errors[name]?.message)}</p>}
        </div>
      ))}
      <Button type="submit" variant="secondary" disabled={isSubmitting} data-testid="threshold-save">
        {t('save')}
      </Button>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'text-sm text-emerald-700' : 'text-sm text-red-700'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}

const MESSAGE_KEYS = { warningPointsInvalid: true, warningRedBelowYellow: true, warningYearInvalid: true } as const;
