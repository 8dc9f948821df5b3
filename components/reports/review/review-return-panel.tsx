'use client';

import { useTranslations } from 'next-intl';
import { Textarea } from '@/components/forms/textarea';
import { Button } from '@/components/ui/button';

/** The comment a return needs, for one report or the ticked ones. */
export function ReviewReturnPanel({
  count,
  comment,
  onCommentChange,
  busy,
  onConfirm,
  onCancel,
}: {
  count: number;
  comment: string;
  onCommentChange: (comment: string) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('reports.queue');
  const tr = useTranslations('reports.review');
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      data-testid="review-return-panel"
    >
      <label htmlFor="review-comment" className="text-sm font-medium text-amber-900">
        {t('returnCommentFor', { count })}
      </label>
      <Textarea
        id="review-comment"
        rows={2}
        value={comment}
        autoFocus
        onChange={(e) => onCommentChange(e.target.value)}
        data-testid="review-return-comment"
      />
      <div className="flex gap-2">
        <Button type="button" disabled={busy} onClick={onConfirm} data-testid="review-return-confirm">
          {busy ? tr('returning') : tr('returnConfirm')}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onCancel}>
          {tr('cancel')}
        </Button>
      </div>
    </div>
  );
}
