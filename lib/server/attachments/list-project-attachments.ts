import 'server-only';
import type { ReportStatus } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { authorizeRecord } from '@/lib/server/authorize';
import { MAX_FILES_PER_REPORT } from '@/lib/domain/attachments/limits';
import { seesRemoved, SUMMARY_SELECT, toSummary, type AttachmentSummary } from './attachment-summary';

/** One month of a project's evidence: the report's attachments, in the order they were added. */
export interface MonthAttachments {
  month: number;
  reportId: number;
  status: ReportStatus;
  attachments: AttachmentSummary[];
}

/**
 * A bound on what one project-year lists: 12 reports of at most MAX_FILES_PER_REPORT live files each, and as many
 * again removed (a reviewer's trail); beyond that the oldest months still show and the rest is cut, never the page.
 */
export const PROJECT_YEAR_ROW_CAP = 12 * MAX_FILES_PER_REPORT * 2;

/**
 * The photos and documents of a project's monthly reports in one plan year, month by month (the photo timeline of
 * the project page and the lightbox's steps through the months). Under the report's own rule (report.read): another
 * department's project answers like a missing one. Removed attachments are listed to the reviewers only, marked.
 * Months without attachments are left out; a year the project has no plan in is an empty list.
 */
export async function listProjectAttachments(
  db: Db,
  actor: Actor,
  input: { projectId: number; year: number },
): Promise<MonthAttachments[]> {
  const project = authorizeRecord(
    actor,
    'report.read',
    await db.project.findUnique({ where: { id: input.projectId }, select: { departmentId: true } }),
    'project',
  );
  const rows = await db.attachment.findMany({
    where: {
      report: { plan: { projectId: input.projectId, planYear: { year: input.year } } },
      ...(seesRemoved(actor, project.departmentId) ? {} : { removedAt: null }),
    },
    select: { ...SUMMARY_SELECT, report: { select: { id: true, month: true, status: true } } },
    orderBy: [{ report: { month: 'asc' } }, { id: 'asc' }],
    take: PROJECT_YEAR_ROW_CAP,
  });

  const months: MonthAttachments[] = [];
  for (const { report, ...row } of rows) {
    if (!report) continue;
    let last = months.at(-1);
    if (last?.reportId !== report.id) {
      last = { month: report.month, reportId: report.id, status: report.status, attachments: [] };
      months.push(last);
    }
    last.attachments.push(toSummary(row));
  }
  return months;
}
