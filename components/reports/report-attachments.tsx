'use client';

import { useTranslations } from 'next-intl';
import { AttachmentUpload } from '@/components/attachments/attachment-upload';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { MilestoneKind, MilestoneStatus } from '@/generated/prisma/enums';

/** A 前期 milestone of the project with its documents, for the report form. */
export interface MilestoneDocuments {
  milestoneId: number;
  kind: MilestoneKind;
  status: MilestoneStatus;
  attachments: AttachmentSummary[];
}

/**
 * The month's site photos on the report form. A month not yet saved has no report to attach to; saving here would
 * create one the user did not ask for, so it asks for the figures first.
 */
export function ReportPhotos({
  reportId,
  attachments,
}: {
  reportId: number | null;
  attachments: readonly AttachmentSummary[];
}) {
  const t = useTranslations('attachmentUpload');
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="report-photos">
      <legend className="px-1 text-sm font-medium text-slate-700">{t('photosTitle')}</legend>
      {reportId === null ? (
        <p className="text-sm text-amber-800" data-testid="report-photos-save-first">
          {t('saveFirst')}
        </p>
      ) : (
        <AttachmentUpload owner={{ reportId }} initial={attachments} editable />
      )}
    </fieldset>
  );
}

/** Each 前期 milestone's document (批复, 许可证; a PDF or a photo), added while the milestone is not done. */
export function MilestoneDocumentFields({ milestones }: { milestones: readonly MilestoneDocuments[] }) {
  const t = useTranslations('attachmentUpload');
  const tMilestone = useTranslations('enums.milestoneKind');
  if (milestones.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="milestone-documents">
      <legend className="px-1 text-sm font-medium text-slate-700">{t('documentsTitle')}</legend>
      {milestones.map((m) => (
        <div key={m.milestoneId} className="flex flex-col gap-1" data-testid={`milestone-documents-${m.kind}`}>
          <span className="text-sm text-slate-700">{tMilestone(m.kind)}</span>
          <AttachmentUpload
            owner={{ milestoneId: m.milestoneId }}
            initial={m.attachments}
            editable={m.status !== 'DONE'}
            testId={`milestone-upload-${m.kind}`}
          />
        </div>
      ))}
    </fieldset>
  );
}
