/**
 * Keystone's permission matrix — the one place that says who may do what. docs/permissions.md is the
 * same table in words; tests/integration/authorization-matrix.test.ts proves the code enforces exactly it.
 *
 * A scope says which records a permission reaches: every record ('all'), only records of the actor's own
 * department ('own'), or none. Pure: no Prisma, no Next.
 */
import type { Role } from '@/generated/prisma/enums';

export const PERMISSIONS = [
  'account.manageOwn', // change one's own password
  'rollup.read', // district and department aggregates of approved figures: plan overview, dashboards, published bulletins
  'rollup.readSubmitted', // figures that also count submitted, not yet approved reports (the dashboard's second basis)
  'project.read',
  'project.write', // create and edit projects and their plans
  'report.read',
  'report.edit', // write drafts of monthly reports, fix returned ones
  'report.submit',
  'report.review', // approve, return, reopen
  'warning.manage',
  'bulletin.manage',
  'audit.read',
  'user.manage',
  'department.manage',
  'planYear.manage',
  'planYear.close', // close a plan year once December is approved (the year-end checklist, the final snapshot)
  'planYear.report', // download the year's plan-execution report (.docx) drafted from the figures, for editing
  'planYear.carryOver', // open the next plan year from a closed one with its unfinished projects (the carry-over wizard)
  'apiToken.manage', // issue and revoke bearer tokens of the read-only JSON API
  // problems (协调问题): 'own' reaches the problems a department takes part in (lib/domain/problems/flow.ts
  // relationsOf: raised, leads, supports, or on its project), not only its department's records
  'problem.read',
  'problem.raise', // raise a problem (a department: on its own project or on none)
  'problem.work', // post replies; the lead unit proposes closure; a leader posts an instruction (批示)
  'problem.manage', // assign, close, send back, reopen, escalate; edit categories and the escalation setting
  // the plan's 25 indicators (附件2): 'own' reaches the indicators a department is responsible for
  'indicator.read', // the year's indicators, targets and approved actuals
  'indicator.report', // enter an actual for a period (draft, submit; fix a returned one)
  'indicator.review', // approve (judging a target that is not a comparison) or return with a reason
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Scope = 'all' | 'own' | 'none';

const BUREAU_SCOPES: Record<Permission, Scope> = {
  'account.manageOwn': 'all',
  'rollup.read': 'all',
  'rollup.readSubmitted': 'all',
  'project.read': 'all',
  'project.write': 'all',
  'report.read': 'all',
  'report.edit': 'none', // only the owning department writes its figures
  'report.submit': 'none',
  'report.review': 'all',
  'warning.manage': 'all',
  'bulletin.manage': 'all',
  'audit.read': 'all',
  'user.manage': 'none',
  'department.manage': 'none',
  'planYear.manage': 'none',
  'planYear.close': 'all',
  'planYear.report': 'all',
  'planYear.carryOver': 'all',
  'apiToken.manage': 'none',
  'problem.read': 'all',
  'problem.raise': 'all',
  'problem.work': 'all',
  'problem.manage': 'all',
  'indicator.read': 'all',
  'indicator.report': 'all', // the bureau answers for the indicators no department does, and may enter any
  'indicator.review': 'all',
};

export const ROLE_SCOPES: Readonly<Record<Role, Readonly<Record<Permission, Scope>>>> = {
  // Reads everything, writes nothing.
  LEADER: {
    'account.manageOwn': 'all',
    'rollup.read': 'all',
    'rollup.readSubmitted': 'all',
    'project.read': 'all',
    'project.write': 'none',
    'report.read': 'all',
    'report.edit': 'none',
    'report.submit': 'none',
    'report.review': 'none',
    'warning.manage': 'none',
    'bulletin.manage': 'none',
    'audit.read': 'none',
    'user.manage': 'none',
    'department.manage': 'none',
    'planYear.manage': 'none',
    'planYear.close': 'none',
    'planYear.report': 'none',
    'planYear.carryOver': 'none',
    'apiToken.manage': 'none',
    'problem.read': 'all',
    'problem.raise': 'none',
    'problem.work': 'all',
    'problem.manage': 'none',
    'indicator.read': 'all',
    'indicator.report': 'none',
    'indicator.review': 'none',
  },
  // District-wide rollups of approved figures; its own department's projects, reports and unapproved figures only.
  DEPARTMENT: {
    'account.manageOwn': 'all',
    'rollup.read': 'all',
    'rollup.readSubmitted': 'own',
    'project.read': 'own',
    'project.write': 'none',
    'report.read': 'own',
    'report.edit': 'own',
    'report.submit': 'own',
    'report.review': 'none',
    'warning.manage': 'none',
    'bulletin.manage': 'none',
    'audit.read': 'none',
    'user.manage': 'none',
    'department.manage': 'none',
    'planYear.manage': 'none',
    'planYear.close': 'none',
    'planYear.report': 'none',
    'planYear.carryOver': 'none',
    'apiToken.manage': 'none',
    'problem.read': 'own',
    'problem.raise': 'own',
    'problem.work': 'own',
    'problem.manage': 'none',
    'indicator.read': 'all',
    'indicator.report': 'own',
    'indicator.review': 'none',
  },
  BUREAU: BUREAU_SCOPES,
  // Everything the bureau can, plus users, departments and plan years.
  ADMIN: {
    ...BUREAU_SCOPES,
    'user.manage': 'all',
    'department.manage': 'all',
    'planYear.manage': 'all',
    'apiToken.manage': 'all',
  },
};

export interface Subject {
  role: Role;
  departmentId: number | null;
}

export function scopeOf(actor: Subject, permission: Permission): Scope {
  return ROLE_SCOPES[actor.role][permission];
}

/**
 * May the actor use this permission at all (without a record), or on this record (a record of a department)?
 * 'own' needs the actor to belong to a department and the record to be of that department.
 */
export function can(actor: Subject, permission: Permission, record?: { departmentId: number }): boolean {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (actor.departmentId === null) return false;
  return record === undefined || record.departmentId === actor.departmentId;
}

/**
 * May the actor read figures that count submitted, not yet approved reports: district-wide (no department: the
 * permission must reach every department, since the totals hold every department's unapproved amounts), or one
 * department's (the drill-down)?
 */
export function canReadSubmitted(actor: Subject, departmentId?: number): boolean {
  return departmentId === undefined
    ? scopeOf(actor, 'rollup.readSubmitted') === 'all'
    : can(actor, 'rollup.readSubmitted', { departmentId });
}
