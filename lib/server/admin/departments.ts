import 'server-only';
import type { z } from 'zod';
import { requirePermission } from '@/lib/server/authorize';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/server/errors';
import type {
  ZCreateDepartment,
  ZDeleteDepartment,
  ZSetDepartmentActive,
  ZUpdateDepartment,
} from '@/lib/validations/admin';
import type { WriteContext } from '@/lib/server/write-context';
import { lockRow } from './lock-row';

const AUDITED_DEPARTMENT = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  active: true,
  sortOrder: true,
} as const;

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new ValidationError({ name: ['departmentNameTaken'] });
  throw error;
}

async function lockedDepartment(tx: Tx, id: number) {
  await lockRow(tx, 'Department', id);
  const department = await tx.department.findUnique({ where: { id }, select: AUDITED_DEPARTMENT });
  if (!department) throw new NotFoundError('department');
  return department;
}

/** A new department goes to the end of every list ordered by sortOrder. */
export async function createDepartment({ tx, actor, input, audit }: WriteContext<z.output<typeof ZCreateDepartment>>) {
  requirePermission(actor, 'department.manage');
  if (await tx.department.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new ValidationError({ name: ['departmentNameTaken'] });
  }
  const last = await tx.department.aggregate({ _max: { sortOrder: true } });
  const department = await tx.department
    .create({
      data: {
        name: input.name,
        shortName: input.shortName,
        kind: input.kind,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: AUDITED_DEPARTMENT,
    })
    .catch(nameTaken);
  await audit({
    action: 'department.create',
    entity: 'Department',
    entityId: department.id,
    before: null,
    after: toAuditRecord(department),
  });
  return { id: department.id, name: department.name };
}

/** Rename (full and short name) or reclassify. */
export async function updateDepartment({ tx, actor, input, audit }: WriteContext<z.output<typeof ZUpdateDepartment>>) {
  requirePermission(actor, 'department.manage');
  const before = await lockedDepartment(tx, input.id);
  if (input.name !== before.name) {
    const clash = await tx.department.findUnique({ where: { name: input.name }, select: { id: true } });
    if (clash) throw new ValidationError({ name: ['departmentNameTaken'] });
  }
  const after = await tx.department
    .update({
      where: { id: input.id },
      data: { name: input.name, shortName: input.shortName, kind: input.kind },
      select: AUDITED_DEPARTMENT,
    })
    .catch(nameTaken);
  const diff = diffRecords(before, after);
  if (diff.changed.length === 0) return { id: after.id, name: after.name, changed: false };
  await audit({
    action: 'department.update',
    entity: 'Department',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, name: after.name, changed: true };
}

/**
 * An inactive department keeps its projects, users and history; it only stops being offered for new users.
 * Deactivation is how a department that still owns anything leaves the lists.
 */
export async function setDepartmentActive({
  tx,
  actor,
  input,
  audit,
}: WriteContext<z.output<typeof ZSetDepartmentActive>>) {
  requirePermission(actor, 'department.manage');
  const before = await lockedDepartment(tx, input.id);
  if (before.active === input.active) return { id: before.id, name: before.name, changed: false };
  const after = await tx.department.update({
    where: { id: input.id },
    data: { active: input.active },
    select: AUDITED_DEPARTMENT,
  });
  const diff = diffRecords(before, after);
  await audit({
    action: 'department.setActive',
    entity: 'Department',
    entityId: after.id,
    before: diff.before,
    after: diff.after,
  });
  return { id: after.id, name: after.name, changed: true };
}

/**
 * Only a department that owns no project and has no user may go: anything else would orphan figures or logins.
 * The row lock comes first, so a project or user added meanwhile (their foreign key locks this row) cannot slip
 * between the count and the delete.
 */
export async function deleteDepartment({ tx, actor, input, audit }: WriteContext<z.output<typeof ZDeleteDepartment>>) {
  requirePermission(actor, 'department.manage');
  const before = await lockedDepartment(tx, input.id);
  const [projects, users] = await Promise.all([
    tx.project.count({ where: { departmentId: input.id } }),
    tx.user.count({ where: { departmentId: input.id } }),
  ]);
  if (projects > 0) throw new ConflictError('validation.departmentHasProjects', { count: projects });
  if (users > 0) throw new ConflictError('validation.departmentHasUsers', { count: users });

  await tx.department.delete({ where: { id: input.id } });
  await audit({
    action: 'department.delete',
    entity: 'Department',
    entityId: before.id,
    before: toAuditRecord(before),
    after: null,
  });
  return { id: before.id, name: before.name };
}
