'use client';

import { useTranslations } from 'next-intl';
import { AttachmentUpload } from '@/components/attachments/attachment-upload';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { cn } from '@/lib/utils';
import { cell } from './batch-row-cells';

/** The row's 📷 and its count, under the project's name: a compact toggle instead of a wide column. */
export function BatchPhotosToggle({
  count,
  open,
  onToggle,
  project,
}: {
  count: number;
  open: boolean;
  onToggle(): void;
  project: string;
}) {
  const t = useTranslations('attachmentUpload');
  return (
    <button
      type="button"
      className={cn(
        'mt-1 rounded-full px-2 py-0.5 text-xs ring-1',
        open ? 'ring-brand-200 bg-brand-50 text-brand-800' : 'text-slate-600 ring-slate-200 hover:bg-slate-50',
      )}
      aria-expanded={open}
      aria-label={`${project} ${t('countLabel', { count })}`}
      onClick={onToggle}
      data-testid="batch-photos"
      tabIndex={-1}
    >
      📷 {count}
    </button>
  );
}

/**
 * The row's photos, opened under it across the whole table. A month nobody has saved yet has no report to attach
 * to, and saving one here would create it behind the user's back: it asks for the figures first.
 */
export function BatchPhotosRow({
  reportId,
  attachments,
  editable,
  onCountChange,
}: {
  reportId: number | null;
  attachments: readonly AttachmentSummary[];
  editable: boolean;
  onCountChange(count: number): void;
}) {
  const t = useTranslations('attachmentUpload');
  return (
    <tr data-testid="batch-photos-row">
      <td />
      <td colSpan={10} className={cn(cell, 'pb-3')}>
        {reportId === null ? (
          <p className="text-sm text-amber-800" data-testid="batch-photos-save-first">
            {t('saveFirst')}
          </p>
        ) : (
          <AttachmentUpload
            owner={{ reportId }}
            initial={attachments}
            editable={editable}
            onCountChange={onCountChange}
          />
        )}
      </td>
    </tr>
  );
}
