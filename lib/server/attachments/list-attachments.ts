import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { AppError, NotFoundError } from '@/lib/server/errors';
import { SUMMARY_SELECT, toSummary, type AttachmentSummary } from './attachment-summary';

/** The most records one call lists: a batch-entry page's reports, with room to spare. */
export const MAX_LISTED_RECORDS = 1000;

type Which = { reportIds: readonly number[] } | { milestoneIds: readonly number[] };

/**
 * The attachments of some monthly reports or some 前期 milestones, oldest first, for an actor who may read every one
 * of those records: a report under `report.read`, a milestone under `project.read` (the rule of getAttachment). A
 * record of another department, or one that does not exist, answers as not found for the whole call. Removed
 * attachments are listed only to those who review the department's reports.
 */
export async function listAttachments(db: Db | Tx, actor: Actor, which: Which): Promise<AttachmentSummary[]> {
  const ids = [...new Set('reportIds' in which ? which.reportIds : which.milestoneIds)];
  if (ids.length === 0) return [];
  if (ids.length > MAX_LISTED_RECORDS) throw new AppError('VALIDATION');
  const owners = 'reportIds' in which ? await reportOwners(db, ids) : await milestoneOwners(db, ids);
  const permission: Permission = 'reportIds' in which ? 'report.read' : 'project.read';
  const reviewed = new Set<number>();
  for (const id of ids) {
    const departmentId = owners.get(id);
    if (departmentId === undefined || !can(actor, permission, { departmentId })) throw new NotFoundError('attachment');
    if (can(actor, 'report.review', { departmentId })) reviewed.add(id);
  }
  const rows = await db.attachment.findMany({
    where: 'reportIds' in which ? { reportId: { in: ids } } : { milestoneId: { in: ids } },
    select: SUMMARY_SELECT,
    orderBy: { id: 'asc' },
  });
  return rows
    .filter((row) => row.removedAt === null || reviewed.has((row.reportId ?? row.milestoneId)!))
    .map(toSummary);
}

async function reportOwners(db: Db | Tx, ids: number[]): Promise<Map<number, number>> {
  const reports = await db.monthlyReport.findMany({
    where: { id: { in: ids } },
    select: { id: true, plan: { select: { project: { select: { departmentId: true } } } } },
  });
  return new Map(reports.map((r) => [r.id, r.plan.project.departmentId]));
}

async function milestoneOwners(db: Db | Tx, ids: number[]): Promise<Map<number, number>> {
  const milestones = await db.preliminaryMilestone.findMany({
    where: { id: { in: ids } },
    select: { id: true, project: { select: { departmentId: true } } },
  });
  return new Map(milestones.map((m) => [m.id, m.project.departmentId]));
}
