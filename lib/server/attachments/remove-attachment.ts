import 'server-only';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import { EDITABLE } from '@/lib/server/reports/report-guards';
import type { WriteContext } from '@/lib/server/write-context';

/**
 * Removes an attachment from its monthly report or 前期 milestone, under `report.edit` (the project's department). A
 * photo of a SUBMITTED or APPROVED report is part of what was reviewed and stays (attachments.locked); once the
 * bureau returns or reopens the report, the department may remove it. A DONE milestone's documents stay likewise.
 * Removal is a mark with who and when, audited, so the restatement trail shows what the reviewer saw; the objects
 * stay in the store.
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
      milestone: { select: { id: true, status: true, project: { select: { departmentId: true } } } },
    },
  });
  const departmentId = found?.report?.plan.project.departmentId ?? found?.milestone?.project.departmentId;
  ctx.authorize(departmentId === undefined ? null : { departmentId }, 'attachment');
  if (!found || found.removedAt) throw new NotFoundError('attachment');
  if (found.report && !EDITABLE.includes(found.report.status)) throw new ConflictError('attachments.locked');
  if (found.milestone?.status === 'DONE') throw new ConflictError('attachments.milestoneDone');

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
    before: {
      reportId: found.report?.id ?? null,
      milestoneId: found.milestone?.id ?? null,
      contentHash: found.contentHash,
      originalName: found.originalName,
    },
  });
}
