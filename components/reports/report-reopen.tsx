'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { reopenReport } from '@/lib/actions/reports';
import { isReportMessageKey } from '@/lib/validations/report';
import { Textarea } from './textarea';

/**
 * The bureau reopens an approved report so its department can correct it. The approved version is kept and
 * stays the official figure until the correction is approved; the reason goes to the department and the trail.
 */
export function ReportReopen({ reportId, version, month }: { reportId: number; version: number; month: number }) {
  const t = useTranslations('reports.reopen');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const result = await reopenReport({ reportId, version, reason });
      if (result.ok) {
        setOpen(false);
        router.refresh();
        return;
      }
      const key = result.fieldErrors?.reason?.[0];
      setError(key ? (isReportMessageKey(key) ? tv(key) : key) : result.message);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid={`report-reopen-${month}`}>
        {t('button')}
      </Button>
    );
  }
  return (
    <div className="flex min-w-56 flex-col gap-2" data-testid={`report-reopen-form-${month}`}>
      <label htmlFor={`reopen-${reportId}`} className="text-xs font-medium text-slate-700">
        {t('reason')}
      </label>
      <Textarea id={`reopen-${reportId}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={busy} onClick={submit} data-testid={`report-reopen-confirm-${month}`}>
          {t('confirm')}
        </Button>
        <Button type="button" size="sm" variant="secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
