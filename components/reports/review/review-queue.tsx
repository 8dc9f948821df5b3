'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ProjectLightbox, type ProjectLightboxTarget } from '@/components/attachments/project-lightbox';
import { Button } from '@/components/ui/button';
import type { ReportAttachments } from '@/lib/server/attachments/list-report-attachments';
import type { ReviewQueueRow } from '@/lib/server/reports/get-review-queue';
import { cn } from '@/lib/utils';
import { ReviewReturnPanel } from './review-return-panel';
import { ReviewTable } from './review-table';
import { useReviewActions } from './use-review-actions';

/**
 * The review queue: each report beside the previous month and the plan, its flags first. Approve or return one
 * report, or the ticked ones together; a batch goes through whole or not at all.
 */
export function ReviewQueueTable({
  rows,
  canReview,
  canRaise = false,
  evidence,
}: {
  rows: ReviewQueueRow[];
  canReview: boolean;
  /** the queue's month and each report's photos (a few of them): thumbnails that open the lightbox */
  evidence?: { year: number; month: number; byReport: Record<number, ReportAttachments> };
  /** the bureau (problem.manage): the one-click 转为协调问题 on a report's texts */
  canRaise?: boolean;
}) {
  const t = useTranslations('reports.queue');
  const review = useReviewActions(rows);
  const { selected, busy, notice, returning } = review;
  const reviewable = rows.filter((r) => r.status === 'SUBMITTED');
  const [viewing, setViewing] = useState<ProjectLightboxTarget | null>(null);

  return (
    <div className="flex flex-col gap-3" data-testid="review-queue">
      {canReview && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            disabled={busy || selected.size === 0}
            onClick={() => review.approve([...selected])}
            data-testid="review-approve-selected"
          >
            {t('approveSelected', { count: selected.size })}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={busy || selected.size === 0}
            onClick={() => review.setReturning([...selected])}
            data-testid="review-return-selected"
          >
            {t('returnSelected', { count: selected.size })}
          </Button>
        </div>
      )}
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'review-error' : 'review-message'}
          className={cn(
            'rounded-md border px-3 py-2 text-sm',
            notice.kind === 'error'
              ? 'border-red-200 bg-red-50 text-red-700'
              : 'border-emerald-200 bg-emerald-50 text-emerald-800',
          )}
        >
          {notice.text}
        </p>
      )}
      {returning && (
        <ReviewReturnPanel
          count={returning.length}
          comment={review.comment}
          onCommentChange={review.setComment}
          busy={busy}
          onConfirm={() => review.sendBack(returning)}
          onCancel={() => review.setReturning(null)}
        />
      )}
      <ReviewTable
        rows={rows}
        canReview={canReview}
        canRaise={canRaise}
        selected={selected}
        busy={busy}
        onToggle={review.toggle}
        onSelectAll={(on) => review.setSelected(on ? new Set(reviewable.map((r) => r.reportId)) : new Set())}
        onApprove={(id) => review.approve([id])}
        onReturn={(id) => review.setReturning([id])}
        evidence={evidence?.byReport}
        onOpenEvidence={(row, attachment) =>
          evidence &&
          setViewing({
            projectId: row.projectId,
            year: evidence.year,
            month: evidence.month,
            attachments: evidence.byReport[row.reportId]?.first ?? [attachment],
            startId: attachment.id,
          })
        }
      />
      {viewing && (
        <ProjectLightbox
          key={`${viewing.projectId}/${viewing.startId}`}
          target={viewing}
          onClose={() => setViewing(null)}
        />
      )}
    </div>
  );
}
