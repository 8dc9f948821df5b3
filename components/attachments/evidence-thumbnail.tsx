'use client';

import { useTranslations } from 'next-intl';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { cn } from '@/lib/utils';
import { attachmentUrl } from './attachment-url';

/**
 * One attachment as a small square button that opens the lightbox: the photo's thumbnail, or a labelled tile for a
 * PDF (and for a HEIC this server could not preview). A removed file keeps its place for the reviewer, greyed and
 * marked 已删除.
 */
export function EvidenceThumbnail({
  attachment,
  onOpen,
  size = 'md',
}: {
  attachment: AttachmentSummary;
  onOpen: () => void;
  size?: 'sm' | 'md';
}) {
  const t = useTranslations('evidence');
  const box = size === 'sm' ? 'size-10' : 'size-24';
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={t('open', { name: attachment.originalName })}
      title={attachment.originalName}
      data-testid="evidence-thumbnail"
      data-attachment-id={attachment.id}
      data-removed={attachment.removed || undefined}
      className={cn(
        'hover:ring-brand-500 relative shrink-0 overflow-hidden rounded border border-slate-200 bg-slate-100 hover:ring-2 focus-visible:outline-2 focus-visible:outline-brand-600',
        box,
        attachment.removed && 'opacity-60',
      )}
    >
      {attachment.hasPreview ? (
        // eslint-disable-next-line @next/next/no-img-element -- served after an access check; next/image would cache it publicly
        <img src={attachmentUrl(attachment.id, 'thumbnail')} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <span className="flex size-full items-center justify-center text-[10px] font-semibold text-slate-600">
          {attachment.kind === 'DOCUMENT' ? 'PDF' : 'HEIC'}
        </span>
      )}
      {attachment.removed && (
        <span className="absolute inset-x-0 bottom-0 bg-red-700/90 text-center text-[10px] leading-4 text-white">
          {t('removed')}
        </span>
      )}
    </button>
  );
}
