'use client';

import { useEffect, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { approveReport, returnReport } from '@/lib/actions/reports';
import { isReportMessageKey, ZReturnReport, type ReturnReportInput } from '@/lib/validations/report';
import { Textarea } from './textarea';

/** The bureau's two answers to a submitted report. Returning needs a reason, which the department will read. */
export function ReportReview({ reportId, version, month }: { reportId: number; version: number; month: number }) {
  const t = useTranslations('reports.review');
  const tv = useTranslations('validation');
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [approving, startApprove] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReturnReportInput, unknown, z.output<typeof ZReturnReport>>({
    resolver: zodResolver(ZReturnReport),
    defaultValues: { reportId, version, comment: '' },
  });
  // Buttons wait for hydration: before it, "return" would post the form natively instead of asking for a reason.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const busy = !hydrated || approving || isSubmitting;

  function approve() {
    setMessage(null);
    startApprove(async () => {
      const result = await approveReport({ reportId, version });
      if (result.ok) router.refresh();
      else setMessage(result.message);
    });
  }

  async function sendBack(values: z.output<typeof ZReturnReport>) {
    setMessage(null);
    const result = await returnReport(values);
    if (result.ok) {
      setReturning(false);
      router.refresh();
      return;
    }
    const commentError = result.fieldErrors?.comment?.[0];
    if (commentError) setError('comment', { type: 'server', message: commentError });
    else setMessage(result.message);
  }

  const commentMessage = errors.comment?.message;
  const commentError = commentMessage && isReportMessageKey(commentMessage) ? tv(commentMessage) : commentMessage;
  const commentId = `report-return-comment-${month}`;

  return (
    <div className="flex min-w-48 flex-col gap-2" data-testid={`report-review-${month}`}>
      {message && (
        <p role="alert" className="text-sm text-red-700" data-testid={`report-review-error-${month}`}>
          {message}
        </p>
      )}
      {!returning ? (
        <div className="flex gap-2">
          <Button size="sm" onClick={approve} disabled={busy} data-testid={`report-approve-${month}`}>
            {approving ? t('approving') : t('approve')}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setReturning(true)}
            disabled={busy}
            data-testid={`report-return-${month}`}
          >
            {t('return')}
          </Button>
        </div>
      ) : (
        <form onSubmit={handleSubmit(sendBack)} noValidate className="flex flex-col gap-2">
          <Label htmlFor={commentId}>{t('returnComment')}</Label>
          <Textarea
            id={commentId}
            rows={3}
            autoFocus
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? `${commentId}-error` : undefined}
            data-testid={commentId}
            {...register('comment')}
          />
          {commentError && (
            <p id={`${commentId}-error`} className="text-sm text-red-700">
              {commentError}
            </p>
          )}
          <div className="flex gap-2">
            <Button size="sm" variant="danger" type="submit" disabled={busy} data-testid={`report-return-confirm-${month}`}>
              {isSubmitting ? t('returning') : t('returnConfirm')}
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setReturning(false)} disabled={busy}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
