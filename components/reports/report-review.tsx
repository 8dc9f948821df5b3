'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm, useHydrated } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { approveReport, returnReport } from '@/lib/actions/reports';
import { ZReturnReport } from '@/lib/validations/report';

/** The bureau's two answers to a submitted report. Returning needs a reason, which the department will read. */
export function ReportReview({ reportId, version, month }: { reportId: number; version: number; month: number }) {
  const t = useTranslations('reports.review');
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const [approveError, setApproveError] = useState<string | null>(null);
  const [approving, startApprove] = useTransition();
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZReturnReport, returnReport, {
    defaultValues: { reportId, version, comment: '' },
    onSuccess: () => {
      setReturning(false);
      router.refresh();
    },
  });
  // Buttons wait for hydration: before it, "return" would post the form natively instead of asking for a reason.
  const busy = !useHydrated() || approving || pending;

  function approve() {
    setApproveError(null);
    startApprove(async () => {
      const result = await approveReport({ reportId, version });
      if (result.ok) router.refresh();
      else setApproveError(result.message);
    });
  }

  const message = approveError ?? formError;
  const commentError = errorOf('comment');
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
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
          <Label htmlFor={commentId}>{t('returnComment')}</Label>
          <Textarea
            id={commentId}
            rows={3}
            autoFocus
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? `${commentId}-error` : undefined}
            data-testid={commentId}
            {...form.register('comment')}
          />
          {commentError && (
            <p id={`${commentId}-error`} className="text-sm text-red-700">
              {commentError}
            </p>
          )}
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="danger"
              type="submit"
              disabled={busy}
              data-testid={`report-return-confirm-${month}`}
            >
              {pending ? t('returning') : t('returnConfirm')}
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
