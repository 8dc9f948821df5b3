import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface StorageTally {
  files: number;
  /** bytes of the originals as uploaded (the display and thumbnail images of a photo add about a tenth) */
  bytes: number;
}

export interface DepartmentStorageRow {
  departmentId: number;
  name: string;
  active: boolean;
  photos: StorageTally;
  documents: StorageTally;
  /** removed by the department (a mark: the files stay, the reviewers still see them), counted apart */
  removed: StorageTally;
}

export interface StorageUsage {
  departments: DepartmentStorageRow[];
  total: Omit<DepartmentStorageRow, 'departmentId' | 'name' | 'active'>;
}

interface UsageRow {
  departmentId: number;
  kind: 'PHOTO' | 'DOCUMENT';
  removed: boolean;
  files: number;
  bytes: bigint;
}

const empty = (): StorageTally => ({ files: 0, bytes: 0 });

/**
 * The administrator's view of attachment storage per department: files and bytes of photos and of documents in use,
 * and of removed ones apart. A file belongs to the department of its report's or its milestone's project. Summed
 * in SQL; the bytes are of the rows (the same photo attached twice counts twice, though stored once).
 */
export async function getStorageUsage(db: Db, actor: Actor): Promise<StorageUsage> {
  requirePermission(actor, 'department.manage');
  const [departments, rows] = await Promise.all([
    db.department.findMany({
      select: { id: true, name: true, active: true },
      orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.$queryRaw<UsageRow[]>`
      SELECT p."departmentId", a.kind::text AS kind, (a."removedAt" IS NOT NULL) AS removed,
             count(*)::int AS files, COALESCE(sum(a.size), 0)::bigint AS bytes
        FROM "Attachment" a
        LEFT JOIN "MonthlyReport" r ON r.id = a."reportId"
        LEFT JOIN "ProjectPlan" pp ON pp.id = r."planId"
        LEFT JOIN "PreliminaryMilestone" m ON m.id = a."milestoneId"
        JOIN "Project" p ON p.id = COALESCE(pp."projectId", m."projectId")
       GROUP BY 1, 2, 3`,
  ]);
  const byDepartment = new Map<number, DepartmentStorageRow>(
    departments.map((d) => [
      d.id,
      { departmentId: d.id, name: d.name, active: d.active, photos: empty(), documents: empty(), removed: empty() },
    ]),
  );
  const total = { photos: empty(), documents: empty(), removed: empty() };
  for (const row of rows) {
    const department = byDepartment.get(row.departmentId);
    if (!department) continue;
    const bucket = row.removed ? 'removed' : row.kind === 'PHOTO' ? 'photos' : 'documents';
    for (const tally of [department[bucket], total[bucket]]) {
      tally.files += row.files;
      tally.bytes += Number(row.bytes);
    }
  }
  const used = (d: DepartmentStorageRow) => d.photos.bytes + d.documents.bytes + d.removed.bytes;
  // the largest users first; departments with nothing stored after them, in their usual order
  const list = [...byDepartment.values()].sort((a, b) => used(b) - used(a));
  return { departments: list, total };
}
