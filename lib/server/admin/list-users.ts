import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';

export interface AdminUserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
}

/** Every user for the users page: active ones first, then by role and username. */
export async function listUsers(db: Db, actor: Actor): Promise<AdminUserRow[]> {
  requirePermission(actor, 'user.manage');
  const rows = await db.user.findMany({
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      departmentId: true,
      department: { select: { name: true } },
      active: true,
      mustChangePassword: true,
      lastLoginAt: true,
    },
    orderBy: [{ active: 'desc' }, { role: 'asc' }, { username: 'asc' }],
  });
  return rows.map(({ department, ...user }) => ({ ...user, departmentName: department?.name ?? null }));
}
