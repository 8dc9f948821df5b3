'use client';

import { useTranslations } from 'next-intl';
import { EvidenceThumbnail } from '@/components/attachments/evidence-thumbnail';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { ReportAttachments } from '@/lib/server/attachments/list-report-attachments';

/** A report's evidence beside its 形象进度 in the queue: its first few thumbnails and how many there are in all. */
export function ReviewEvidence({
  evidence,
  onOpen,
}: {
  evidence: ReportAttachments | undefined;
  onOpen: (attachment: AttachmentSummary) => void;
}) {
  const t = useTranslations('evidence');
  if (!evidence || evidence.total === 0) return null;
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-1" data-testid="review-evidence">
      {evidence.first.map((a) => (
        <EvidenceThumbnail key={a.id} attachment={a} size="sm" onOpen={() => onOpen(a)} />
      ))}
      {evidence.total > evidence.first.length && (
        <button
          type="button"
          onClick={() => onOpen(evidence.first[0]!)}
          className="text-xs text-brand-700 hover:underline"
          data-testid="review-evidence-more"
        >
          {t('more', { count: evidence.total })}
        </button>
      )}
    </div>
  );
}
