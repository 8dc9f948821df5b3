import 'server-only';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import { EDITABLE } from '@/lib/server/reports/report-guards';
import type { WriteContext } from '@/lib/server/write-context';

/**
 * Removes an attachment from its monthly report, under `report.edit`. A photo of a SUBMITTED or APPROVED report is
 * part of what was reviewed and stays (attachments.locked); once the bureau returns or reopens the report, the
 * department may remove it. Removal is a mark with who and when, audited, so the restatement trail shows what the
 * reviewer saw; the objects stay in the store.
 */
export async function removeAttachment(ctx: WriteContext<{ attachmentId: number }>) {
  const { tx, input } = ctx;
  const found = await tx.attachment.findUnique({
    where: { id: input.attachmentId },
    select: {
      id: true,
      removedAt: true,
      contentHash: true,
      originalName: true,
      report: { select: { id: true, status: true, plan: { select: { project: { select: { departmentId: true } } } } } },
    },
  });
  // only report attachments are the department's to remove; a milestone's document is not (yet) removable here
  const report = found?.report ?? null;
  ctx.authorize(report ? { departmentId: report.plan.project.departmentId } : null, 'attachment');
  if (!found || !report || found.removedAt) throw new NotFoundError('attachment');
  if (!EDITABLE.includes(report.status)) throw new ConflictError('attachments.locked');

  const removed = await tx.attachment.updateMany({
    where: { id: found.id, removedAt: null },
    data: { removedAt: new Date(), removedById: ctx.actor.id },
  });
  // a second tab removed it between our read and this write
  if (removed.count === 0) throw new NotFoundError('attachment');
  await ctx.audit({
    action: 'attachment.remove',
    entity: 'Attachment',
    entityId: found.id,
    before: { reportId: report.id, contentHash: found.contentHash, originalName: found.originalName },
  });
}
