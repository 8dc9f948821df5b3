import { getTranslations } from 'next-intl/server';
import { attachmentUrl } from '@/components/attachments/attachment-url';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { MilestoneKind } from '@/generated/prisma/enums';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { ProjectDetail } from '@/lib/server/projects/get-project';

/**
 * The project's 前期 milestones (立项/可研, 用地, 规划许可, 环评, 施工许可): each one's state and dates, and its
 * documents as links that open through the attachment route (a PDF in the browser's viewer, a photo's display
 * image). A removed document is listed to the reviewers only, struck through.
 */
export async function ProjectMilestones({
  milestones,
  documents,
}: {
  milestones: ProjectDetail['milestones'];
  documents: Partial<Record<MilestoneKind, AttachmentSummary[]>>;
}) {
  const [t, tKind] = await Promise.all([
    getTranslations('evidence.milestones'),
    getTranslations('enums.milestoneKind'),
  ]);
  if (milestones.length === 0) return null;
  return (
    <Card data-testid="project-milestones">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {milestones.map((m) => (
            <li key={m.kind} data-testid="project-milestone" data-kind={m.kind} className="flex flex-col gap-1 py-2">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-medium text-slate-900">{tKind(m.kind)}</span>
                <span className="text-slate-600">{t(`status.${m.status}`)}</span>
                {m.plannedDate && (
                  <span className="text-xs text-slate-500">{t('planned', { date: m.plannedDate })}</span>
                )}
                {m.actualDate && <span className="text-xs text-slate-500">{t('actual', { date: m.actualDate })}</span>}
              </div>
              <MilestoneDocumentLinks
                documents={documents[m.kind] ?? []}
                empty={t('noDocuments')}
                removed={t('removed')}
              />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function MilestoneDocumentLinks({
  documents,
  empty,
  removed,
}: {
  documents: AttachmentSummary[];
  empty: string;
  removed: string;
}) {
  if (documents.length === 0) return <span className="text-xs text-slate-400">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="milestone-documents">
      {documents.map((d) => (
        <li key={d.id}>
          {d.hasPreview || d.kind === 'DOCUMENT' ? (
            <a
              // a photo's original is never served (it carries the location): its display image instead
              href={attachmentUrl(d.id, d.hasPreview ? 'display' : 'original')}
              target="_blank"
              rel="noopener"
              data-testid="milestone-document"
              className={d.removed ? 'text-slate-500 line-through' : 'text-brand-700 underline'}
            >
              {d.originalName}
            </a>
          ) : (
            <span data-testid="milestone-document">{d.originalName}</span>
          )}
          {d.removed && <span className="ml-1 text-xs text-red-700">{removed}</span>}
          {d.capturedAt && <span className="ml-1 text-xs text-slate-500">{d.capturedAt}</span>}
        </li>
      ))}
    </ul>
  );
}
