import 'server-only';
import type { DepartmentKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface AdminDepartmentRow {
  id: number;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  active: boolean;
  projectCount: number;
  userCount: number;
}

/** Every department with what hangs off it, which decides whether it can be deleted. */
export async function listDepartments(db: Db, actor: Actor): Promise<AdminDepartmentRow[]> {
  requirePermission(actor, 'department.manage');
  const rows = await db.department.findMany({
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      active: true,
      _count: { select: { projects: true, users: true } },
    },
    orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ _count, ...department }) => ({
    ...department,
    projectCount: _count.projects,
    userCount: _count.users,
  }));
}

export interface DepartmentOption {
  id: number;
  name: string;
  active: boolean;
}

/** The departments a user form offers (inactive ones too, flagged, since a user may still belong to one). */
export async function listDepartmentOptions(db: Db, actor: Actor): Promise<DepartmentOption[]> {
  requirePermission(actor, 'user.manage');
  return db.department.findMany({
    select: { id: true, name: true, active: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
}
