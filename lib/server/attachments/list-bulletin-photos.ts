import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';

/** The most projects a bulletin's print view asks photos for (its project tables are far shorter). */
export const MAX_BULLETIN_PHOTOS = 100;

export interface BulletinPhoto {
  attachmentId: number;
  /** the month of the approved report the photo comes from */
  month: number;
  originalName: string;
  capturedAt: string | null;
}

interface Row {
  code: string;
  id: number;
  month: number;
  originalName: string;
  capturedAt: Date | null;
}

/**
 * One site photo per project the bulletin names, for its print view: the first photo (in the order added) of the
 * project's most recent APPROVED report of the year up to the bulletin's month, so the printout shows evidence the
 * bureau has reviewed. Projects are named by code (the bulletin's frozen figures keep codes). Under report.read: a
 * department gets its own projects' photos only, the leaders and the bureau all; a removed photo, or one without a
 * preview (a HEIC this server cannot decode), is never chosen.
 */
export async function listBulletinPhotos(
  db: Db,
  actor: Actor,
  input: { year: number; month: number; projectCodes: readonly string[] },
): Promise<Record<string, BulletinPhoto>> {
  const read = scopeOf(actor, 'report.read');
  const codes = [...new Set(input.projectCodes)].slice(0, MAX_BULLETIN_PHOTOS);
  const found: Record<string, BulletinPhoto> = {};
  if (read === 'none' || codes.length === 0) return found;
  const ownDepartment = actor.departmentId ?? -1;

  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (p.code) p.code, a.id, r.month, a."originalName", a."capturedAt"
    FROM "Attachment" a
    JOIN "MonthlyReport" r ON r.id = a."reportId"
    JOIN "ProjectPlan" pp ON pp.id = r."planId"
    JOIN "PlanYear" py ON py.id = pp."planYearId"
    JOIN "Project" p ON p.id = pp."projectId"
    WHERE p.code = ANY(${codes}::text[])
      AND (${read === 'all'} OR p."departmentId" = ${ownDepartment})
      AND py.year = ${input.year} AND r.month <= ${input.month} AND r.status = 'APPROVED'
      AND a.kind = 'PHOTO' AND a."removedAt" IS NULL AND a."displayHash" IS NOT NULL
    ORDER BY p.code, r.month DESC, a.id ASC`;

  for (const row of rows) {
    found[row.code] = {
      attachmentId: row.id,
      month: row.month,
      originalName: row.originalName,
      capturedAt: row.capturedAt ? formatChongqingTime(row.capturedAt, { seconds: false }) : null,
    };
  }
  return found;
}
