'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { reopenReport } from '@/lib/actions/reports';
import { ZReopenReport } from '@/lib/validations/report';

/**
 * The bureau reopens an approved report so its department can correct it. The approved version is kept and
 * stays the official figure until the correction is approved; the reason goes to the department and the trail.
 */
export function ReportReopen({ reportId, version, month }: { reportId: number; version: number; month: number }) {
  const t = useTranslations('reports.reopen');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZReopenReport, reopenReport, {
    defaultValues: { reportId, version, reason: '' },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  if (!open) {
    return (
      <Button
        type="button"
        size="sm"
        variant="secondary"
        onClick={() => setOpen(true)}
        data-testid={`report-reopen-${month}`}
      >
        {t('button')}
      </Button>
    );
  }
  // the reason's own error says more than the form-level "check the fields"
  const error = errorOf('reason') ?? formError;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex min-w-56 flex-col gap-2"
      data-testid={`report-reopen-form-${month}`}
    >
      <label htmlFor={`reopen-${reportId}`} className="text-xs font-medium text-slate-700">
        {t('reason')}
      </label>
      <Textarea
        id={`reopen-${reportId}`}
        rows={2}
        aria-invalid={error ? true : undefined}
        {...form.register('reason')}
      />
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending} data-testid={`report-reopen-confirm-${month}`}>
          {t('confirm')}
        </Button>
        <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
