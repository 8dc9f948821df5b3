import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { NotFoundError } from '@/lib/server/errors';

/**
 * One attachment's row, for the actor who may read the record it belongs to: a report's under `report.read`, a 前期
 * milestone's under `project.read` (a department its own projects; the bureau, the administrator and the leaders
 * all). Another department's attachment, one not yet attached, and one removed from its report (except for the
 * reviewers, who see the restatement trail) all answer as not found.
 */
export async function getAttachment(db: Db, actor: Actor, input: { id: number }) {
  const row = await db.attachment.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      kind: true,
      contentType: true,
      contentHash: true,
      displayHash: true,
      thumbnailHash: true,
      originalName: true,
      size: true,
      removedAt: true,
      report: { select: { plan: { select: { project: { select: { departmentId: true } } } } } },
      milestone: { select: { project: { select: { departmentId: true } } } },
    },
  });
  const owner = ownerOf(row);
  if (!row || !owner || !can(actor, owner.permission, { departmentId: owner.departmentId })) {
    throw new NotFoundError('attachment');
  }
  if (row.removedAt && !can(actor, 'report.review', { departmentId: owner.departmentId })) {
    throw new NotFoundError('attachment');
  }
  const { report: _report, milestone: _milestone, ...attachment } = row;
  return attachment;
}

type Row = {
  report: { plan: { project: { departmentId: number } } } | null;
  milestone: { project: { departmentId: number } } | null;
} | null;

function ownerOf(row: Row): { permission: Permission; departmentId: number } | null {
  if (row?.report) return { permission: 'report.read', departmentId: row.report.plan.project.departmentId };
  if (row?.milestone) return { permission: 'project.read', departmentId: row.milestone.project.departmentId };
  return null;
}

export type AttachmentRow = Awaited<ReturnType<typeof getAttachment>>;
