/**
 * What the authorization matrix (tests/integration/authorization-matrix.test.ts) and its scoping stories
 * (authorization-scoping.test.ts) share: the roles and who acts in each, the shape of a table row, and the
 * records of the actor's own department and of another one that the cells are tried on.
 */
import type { Role } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { actorOf } from '../actors';

export const ROLES: Role[] = ['LEADER', 'DEPARTMENT', 'BUREAU', 'ADMIN'];
/** The department reporter acting in every DEPARTMENT cell, and the department whose records are "other". */
export const REPORTER = 'zjw'; // 区住房城乡建委
export const OTHER_DEPARTMENT = '区交通局';
const ACTOR_OF: Record<Role, string> = { LEADER: 'leader', DEPARTMENT: REPORTER, BUREAU: 'bureau', ADMIN: 'admin' };

/** The user acting in a role's cells, as their session shows them. */
export const actorFor = (db: Db, role: Role) => actorOf(db, ACTOR_OF[role]);

/** '-' refused on every record; 'own' allowed on the actor's own department's records only; 'all' allowed. */
export type Cell = '-' | 'own' | 'all';
export type Row = Record<Role, Cell>;
export const row = (LEADER: Cell, DEPARTMENT: Cell, BUREAU: Cell, ADMIN: Cell): Row => ({
  LEADER,
  DEPARTMENT,
  BUREAU,
  ADMIN,
});

export const EVERYONE = row('all', 'all', 'all', 'all');
export const ADMIN_ONLY = row('-', '-', '-', 'all');
export const REVIEWERS = row('-', '-', 'all', 'all');

export interface Fixtures {
  db: Db;
  ownDepartmentId: number;
  otherDepartmentId: number;
  /** a number no earlier call of this database's cells was given, for names and years that must be new */
  seq: () => number;
}
export type Target = 'own' | 'other';

/** A row of the actions table. */
export interface ActionCase {
  /** records of a department are involved: own and other are both tried */
  scoped: boolean;
  row: Row;
  /**
   * Roles the permission reaches but the problem flow refuses on the fixture's record (lib/domain/problems/flow.ts:
   * only the lead unit proposes closure): their calls must be FORBIDDEN and change nothing.
   */
  refusedByFlow?: Role[];
  input(fx: Fixtures, target: Target): Promise<unknown>;
}

/** A row of the reads table. */
export interface ReadCase {
  scoped: boolean;
  row: Row;
  call(db: Db, actor: Actor, fx: Fixtures, target: Target): Promise<unknown>;
}

/** The fixtures of a seeded database; `seq` counts on from `seqFrom`. */
export async function fixturesOf(db: Db, seqFrom = 1000): Promise<Fixtures> {
  const reporter = await db.user.findUniqueOrThrow({ where: { username: REPORTER } });
  const other = await db.department.findUniqueOrThrow({ where: { name: OTHER_DEPARTMENT } });
  let n = seqFrom;
  return { db, ownDepartmentId: reporter.departmentId!, otherDepartmentId: other.id, seq: () => ++n };
}

export function departmentOf(fx: Fixtures, target: Target): number {
  return target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
}

/** The first project of the target department; its id. */
export async function projectOf(fx: Fixtures, target: Target) {
  const departmentId = departmentOf(fx, target);
  return (await fx.db.project.findFirstOrThrow({ where: { departmentId }, orderBy: { id: 'asc' } })).id;
}

/** A November report of the target department in one of these states, made so if needed; its id and version. */
export async function reportOf(fx: Fixtures, target: Target, status: 'DRAFT' | 'SUBMITTED') {
  const departmentId = departmentOf(fx, target);
  const report = await fx.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
    orderBy: { id: 'asc' },
  });
  const updated = await fx.db.monthlyReport.update({ where: { id: report.id }, data: { status } });
  return { reportId: updated.id, version: updated.version, planId: updated.planId };
}

type ProblemState = 'PENDING' | 'IN_PROGRESS' | 'CLOSE_PROPOSED' | 'CLOSED';

/**
 * A problem of the target department (raised by it, led by it, on its first project), put in this state with no
 * 督办单, made so if needed; its id and version. Written directly: the matrix tests who may act, not how it got here.
 */
export async function problemOf(fx: Fixtures, target: Target, status: ProblemState = 'IN_PROGRESS') {
  const departmentId = departmentOf(fx, target);
  const projectId = await projectOf(fx, target);
  const found = await fx.db.problem.findFirst({ where: { raisedByDepartmentId: departmentId, projectId } });
  const data = {
    status,
    leadDepartmentId: status === 'PENDING' ? null : departmentId,
    dueDate: new Date('2099-12-31T00:00:00Z'),
    level: 'NORMAL' as const,
    supervisionSeq: null,
    supervisionNumber: null,
  };
  if (found) {
    const updated = await fx.db.problem.update({ where: { id: found.id }, data });
    return { problemId: updated.id, version: updated.version };
  }
  const planYear = await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const category = await fx.db.problemCategory.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const last = await fx.db.problem.aggregate({ where: { planYearId: planYear.id }, _max: { seq: true } });
  const seq = (last._max.seq ?? 0) + 1;
  const created = await fx.db.problem.create({
    data: {
      ...data,
      planYearId: planYear.id,
      seq,
      number: `渝中协〔2025〕${seq}号`,
      projectId,
      categoryId: category.id,
      title: '征地拆迁未完成',
      description: '项目红线内仍有3户未签约',
      raisedByDepartmentId: departmentId,
    },
  });
  return { problemId: created.id, version: created.version };
}
