import 'server-only';
import { checkPlanInvariants } from '@/lib/domain/plan-invariants';
import { assertPlanYearOpen } from '@/lib/server/admin/plan-year-lock';
import type { Tx } from '@/lib/server/audit';
import { ConflictError, isUniqueViolation, ValidationError } from '@/lib/server/errors';
import type { ProjectValues } from './project-state';

/** The refusals of the project form's write, each checked before anything is written. */

/** The invariants again, as field errors keyed like the form's fields. */
export function assertInvariants(input: ProjectValues) {
  const violations = checkPlanInvariants(input);
  if (violations.length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const v of violations) (fieldErrors[v.field] ??= []).push(v.key);
  throw new ValidationError(fieldErrors);
}

export async function assertCodeFree(tx: Tx, code: string, ownId: number | null) {
  const clash = await tx.project.findUnique({ where: { code }, select: { id: true } });
  if (clash && clash.id !== ownId) throw new ValidationError({ code: ['projectCodeTaken'] });
}

export async function assertDepartment(tx: Tx, departmentId: number, previous: number | null) {
  const department = await tx.department.findUnique({ where: { id: departmentId }, select: { active: true } });
  if (!department) throw new ValidationError({ departmentId: ['departmentUnknown'] });
  // a project may stay with a department that has since been deactivated, but none is given to one
  if (!department.active && departmentId !== previous)
    throw new ValidationError({ departmentId: ['departmentInactive'] });
}

/** Someone saved the project after the form read it. */
export function versionConflict(): never {
  throw new ConflictError('validation.projectVersionConflict');
}

/** A unique index refused the row: another user took the code between our check and our insert. */
export function codeTaken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ValidationError({ code: ['projectCodeTaken'] });
  }
  throw error;
}

/**
 * The plan year must be open, and a plan that departments already report against (an ACTIVE year) changes
 * only with a reason, which the audit row keeps.
 */
export async function assertPlanChangeAllowed(tx: Tx, input: ProjectValues, planChanged: boolean) {
  const year = await assertPlanYearOpen(tx, input.planYearId);
  if (planChanged && year.status === 'ACTIVE' && !input.reason) {
    throw new ValidationError({ reason: ['projectReasonRequired'] });
  }
  return year;
}
