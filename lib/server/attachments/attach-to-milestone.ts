import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type { PreparedUpload } from './prepare-upload';
import { storeAttachment } from './store-attachment';

/**
 * A 前期 milestone's documents (立项批复, 用地批准书, 规划许可证 …) are the project's department's to add, under
 * `report.edit` like the month that reports the milestone. Once the milestone is DONE (applied when the bureau
 * approved the month that reported it) its documents are part of the approved record: none are added or removed.
 */
export async function assertMilestoneAttachable(db: Db | Tx, actor: Actor, milestoneId: number): Promise<void> {
  const milestone = await db.preliminaryMilestone.findUnique({
    where: { id: milestoneId },
    select: { status: true, project: { select: { departmentId: true } } },
  });
  if (!milestone || !can(actor, 'report.edit', milestone.project)) throw new NotFoundError('milestone');
  if (milestone.status === 'DONE') throw new ConflictError('attachments.milestoneDone');
}

export async function attachToMilestone(ctx: WriteContext<{ milestoneId: number }>, upload: PreparedUpload) {
  const { tx, input } = ctx;
  // FOR UPDATE: the budget below is counted under this lock
  await tx.$queryRaw`SELECT id FROM "PreliminaryMilestone" WHERE id = ${input.milestoneId} FOR UPDATE`;
  const milestone = await tx.preliminaryMilestone.findUnique({
    where: { id: input.milestoneId },
    select: { id: true, status: true, project: { select: { departmentId: true } } },
  });
  ctx.authorize(milestone ? { departmentId: milestone.project.departmentId } : null, 'milestone');
  if (!milestone) throw new NotFoundError('milestone');
  if (milestone.status === 'DONE') throw new ConflictError('attachments.milestoneDone');
  return storeAttachment(ctx, { milestoneId: milestone.id }, upload);
}
