import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

/**
 * What the project form offers: active departments (plus the project's own, even if since deactivated) and the
 * plan years a plan can still be written for. Only for those who may write projects.
 */
export async function loadProjectFormOptions(db: Db, actor: Actor, options: { keepDepartmentId?: number } = {}) {
  requirePermission(actor, 'project.write');
  const [departments, years] = await Promise.all([
    db.department.findMany({
      where: { OR: [{ active: true }, ...(options.keepDepartmentId ? [{ id: options.keepDepartmentId }] : [])] },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
    db.planYear.findMany({ select: { id: true, year: true, status: true }, orderBy: { year: 'desc' } }),
  ]);
  return { departments, years };
}
