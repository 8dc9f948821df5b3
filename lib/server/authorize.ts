import type { Actor } from '@/lib/auth/actor';
import { can, scopeOf, type Permission } from '@/lib/auth/permissions';
import { ForbiddenError, NotFoundError } from './errors';

/**
 * A Prisma `where` fragment limiting a query to the records the actor's scope reaches: {} for 'all', the
 * actor's department for 'own'. Throws ForbiddenError when the role has no such permission at all.
 */
export function departmentScope(actor: Actor, permission: Permission): { departmentId?: number } {
  const scope = scopeOf(actor, permission);
  if (scope === 'none') throw new ForbiddenError();
  if (scope === 'all') return {};
  // A department-scoped user without a department reaches nothing; -1 matches no row.
  return { departmentId: actor.departmentId ?? -1 };
}

/** Returns the record if the actor may use `permission` on it; otherwise answers exactly like a missing one. */
export function authorizeRecord<R extends { departmentId: number }>(
  actor: Actor,
  permission: Permission,
  record: R | null | undefined,
  what = 'record',
): R {
  if (!record || !can(actor, permission, record)) throw new NotFoundError(what);
  return record;
}

/** For actions and reads that concern no department's record (users, plan years, the audit log). */
export function requirePermission(actor: Actor, permission: Permission) {
  if (scopeOf(actor, permission) !== 'all') throw new ForbiddenError();
}
