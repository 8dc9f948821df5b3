import 'server-only';
import type { MilestoneKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { MAX_FILES_PER_MILESTONE } from '@/lib/domain/attachments/limits';
import type { Db } from '@/lib/prisma';
import { authorizeRecord } from '@/lib/server/authorize';
import { seesRemoved, SUMMARY_SELECT, toSummary, type AttachmentSummary } from './attachment-summary';

/** Five milestones of at most MAX_FILES_PER_MILESTONE live files, and as many again removed. */
const ROW_CAP = 5 * MAX_FILES_PER_MILESTONE * 2;

/**
 * The documents of a project's 前期 milestones (立项批复, 用地批准书, 规划许可证 …), by milestone kind, in the order
 * they were added: under the project's rule (project.read), another department's project answering like a missing
 * one. Removed documents are listed to the reviewers only, marked. Milestones without documents are absent.
 */
export async function listMilestoneDocuments(
  db: Db,
  actor: Actor,
  input: { projectId: number },
): Promise<Partial<Record<MilestoneKind, AttachmentSummary[]>>> {
  const project = authorizeRecord(
    actor,
    'project.read',
    await db.project.findUnique({ where: { id: input.projectId }, select: { departmentId: true } }),
    'project',
  );
  const rows = await db.attachment.findMany({
    where: {
      milestone: { projectId: input.projectId },
      ...(seesRemoved(actor, project.departmentId) ? {} : { removedAt: null }),
    },
    select: { ...SUMMARY_SELECT, milestone: { select: { kind: true } } },
    orderBy: { id: 'asc' },
    take: ROW_CAP,
  });
  const byKind: Partial<Record<MilestoneKind, AttachmentSummary[]>> = {};
  for (const { milestone, ...row } of rows) {
    if (milestone) (byKind[milestone.kind] ??= []).push(toSummary(row));
  }
  return byKind;
}
