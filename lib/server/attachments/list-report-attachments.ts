import 'server-only';
import type { AttachmentKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { toSummary, type AttachmentSummary } from './attachment-summary';

/** Thumbnails shown beside a report's figures in the review queue; the lightbox shows the rest. */
export const QUEUE_THUMBNAILS = 4;

export interface ReportAttachments {
  /** all the report's attachments the actor may see */
  total: number;
  /** the first QUEUE_THUMBNAILS of them, in the order they were added */
  first: AttachmentSummary[];
}

interface Row {
  id: number;
  reportId: number;
  milestoneId: number | null;
  kind: AttachmentKind;
  contentType: string;
  originalName: string;
  size: number;
  capturedAt: Date | null;
  thumbnailHash: string | null;
  removedAt: Date | null;
  total: bigint;
}

/**
 * The attachments of many reports at once (the review queue's rows), a few per report and the count: one query,
 * at most QUEUE_THUMBNAILS rows per report whatever the queue's size. Only the reports the actor may read
 * (report.read: a department its own; the bureau, the administrator and the leaders all) are answered; a report
 * of another department, or none, is simply absent. Removed attachments count and show to the reviewers only.
 */
export async function listReportAttachments(
  db: Db,
  actor: Actor,
  input: { reportIds: readonly number[] },
): Promise<Record<number, ReportAttachments>> {
  const read = scopeOf(actor, 'report.read');
  const review = scopeOf(actor, 'report.review');
  const ids = [...new Set(input.reportIds)].filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647);
  const found: Record<number, ReportAttachments> = {};
  if (read === 'none' || ids.length === 0) return found;
  // -1 matches no department: a department-scoped user without one reaches nothing
  const ownDepartment = actor.departmentId ?? -1;

  const rows = await db.$queryRaw<Row[]>`
    SELECT id, "reportId", "milestoneId", kind, "contentType", "originalName", size, "capturedAt", "thumbnailHash", "removedAt",
      total
    FROM (
      SELECT a.*, row_number() OVER w AS n, count(*) OVER (PARTITION BY a."reportId") AS total
      FROM "Attachment" a
      JOIN "MonthlyReport" r ON r.id = a."reportId"
      JOIN "ProjectPlan" pp ON pp.id = r."planId"
      JOIN "Project" p ON p.id = pp."projectId"
      WHERE a."reportId" = ANY(${ids}::int[])
        AND (${read === 'all'} OR p."departmentId" = ${ownDepartment})
        AND (a."removedAt" IS NULL OR ${review === 'all'} OR (${review === 'own'} AND p."departmentId" = ${ownDepartment}))
      WINDOW w AS (PARTITION BY a."reportId" ORDER BY a.id)
    ) ranked
    WHERE n <= ${QUEUE_THUMBNAILS}
    ORDER BY "reportId", id`;

  for (const { reportId, total, ...row } of rows) {
    const entry = (found[reportId] ??= { total: Number(total), first: [] });
    entry.first.push(toSummary({ ...row, reportId }));
  }
  return found;
}
