import 'server-only';
import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import { requirePermission } from '@/lib/server/authorize';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/server/errors';
import type { ZCreateUser, ZResetPassword, ZSetUserActive, ZUpdateUser } from '@/lib/validations/admin';
import { passwordProblems } from '@/lib/validations/password';
import type { WriteContext } from '@/lib/server/write-context';
import { lockRow } from './lock-row';

/** The columns the audit trail shows for a user; never the password hash. */
const AUDITED_USER = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  active: true,
  mustChangePassword: true,
} as const;

/** A user may be put into an existing, active department; keeping the department they already have is always fine. */
async function assertAssignableDepartment(tx: Tx, departmentId: number | null, current: number | null = null) {
  if (departmentId === null || departmentId === current) return;
  const department = await tx.department.findUnique({ where: { id: departmentId }, select: { active: true } });
  if (!department) throw new ValidationError({ departmentId: ['departmentUnknown'] });
  if (!department.active) throw new ValidationError({ departmentId: ['departmentInactive'] });
}

async function lockedUser(tx: Tx, id: number) {
  await lockRow(tx, 'User', id);
  const user = await tx.user.findUnique({ where: { id }, select: AUDITED_USER });
  if (!user) throw new NotFoundError('user');
  return user;
}

/** A new user signs in with the password the admin gave them and must replace it first. */
export async function createUser({ tx, actor, input, audit }: WriteContext<z.output<typeof ZCreateUser>>) {
  requirePermission(actor, 'user.manage');
  const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) throw new ValidationError({ username: ['usernameTaken'] });
  await assertAssignableDepartment(tx, input.departmentId);

  const user = await tx.user
    .create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        departmentId: input.departmentId,
        passwordHash: await hash(input.password),
        mustChangePassword: true,
        passwordChangedAt: new Date(),
      },
      select: AUDITED_USER,
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ValidationError({ username: ['usernameTaken'] });
      throw error;
    });
  await audit({ action: 'user.create', entity: 'User', entityId: user.id, before: null, after: toAuditRecord(user) });
  return { id: user.id, username: user.username };
}

/**
 * Display name, role and department. An admin cannot take away their own ADMIN role, so there is always at least
 * one admin left who could undo a mistake. A role change is audited as `user.changeRole`, so it stands out.
 */
export async function updateUser({ tx, actor, input, audit }: WriteContext<z.output<typeof ZUpdateUser>>) {
  requirePermission(actor, 'user.manage');
  const before = await lockedUser(tx, input.id);
  if (before.id === actor.id && before.role === 'ADMIN' && input.role !== 'ADMIN') {
    throw new ConflictError('validation.cannotRemoveOwnAdmin');
  }
  await assertAssignableDepartment(tx, input.departmentId, before.departmentId);

  // A new role or department ends the user's sessions: what they may see changed, so they sign in again.
  const rightsChange = input.role !== before.role || input.departmentId !== before.departmentId;
  const after = await tx.user.update({
    where: { id: input.id },
    data: {
      displayName: input.displayName,
      role: input.role,
      departmentId: input.departmentId,
      ...(rightsChange ? { sessionVersion: { increment: 1 } } : {}),
    },
    select: AUDITED_USER,
  });
  const diff = diffRecords(before, after);
  if (diff.changed.length === 0) return { id: after.id, username: after.username, changed: false };
  await audit({
    action: diff.changed.includes('role') ? 'user.changeRole' : 'user.update',
    entity: 'User',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, username: after.username, changed: true };
}

/**
 * Sets a new password the user must replace at their next sign-in. The session version moves too, so every
 * session begun with the old password ends at its next request.
 */
export async function resetPassword({ tx, actor, input, audit }: WriteContext<z.output<typeof ZResetPassword>>) {
  requirePermission(actor, 'user.manage');
  await lockRow(tx, 'User', input.id);
  const before = await tx.user.findUnique({
    where: { id: input.id },
    select: { id: true, username: true, mustChangePassword: true, passwordChangedAt: true },
  });
  if (!before) throw new NotFoundError('user');
  if (passwordProblems(input.password, before.username).includes('passwordContainsUsername')) {
    throw new ValidationError({ password: ['passwordContainsUsername'] });
  }

  const after = await tx.user.update({
    where: { id: input.id },
    data: {
      passwordHash: await hash(input.password),
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      sessionVersion: { increment: 1 },
    },
    select: { id: true, username: true, mustChangePassword: true, passwordChangedAt: true },
  });
  // The hash is never read here; two markers let the trail say "the password changed" without any value of it.
  const diff = diffRecords({ ...before, password: 'old' }, { ...after, password: 'new' });
  await audit({
    action: 'user.resetPassword',
    entity: 'User',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, username: after.username };
}

/**
 * Deactivation takes effect at the user's next request: the session re-reads `active` every time, and the version
 * moves, so reactivating the user later does not bring an old session back to life.
 */
export async function setUserActive({ tx, actor, input, audit }: WriteContext<z.output<typeof ZSetUserActive>>) {
  requirePermission(actor, 'user.manage');
  if (input.id === actor.id && !input.active) throw new ConflictError('validation.cannotDeactivateSelf');
  const before = await lockedUser(tx, input.id);
  if (before.active === input.active) return { id: before.id, username: before.username, changed: false };

  const after = await tx.user.update({
    where: { id: input.id },
    data: { active: input.active, sessionVersion: { increment: 1 } },
    select: AUDITED_USER,
  });
  const diff = diffRecords(before, after);
  await audit({ action: 'user.setActive', entity: 'User', entityId: after.id, before: diff.before, after: diff.after });
  return { id: after.id, username: after.username, changed: true };
}
