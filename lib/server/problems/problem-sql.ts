import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { parseProblemNumber } from '@/lib/domain/problems/numbering';
import type { ProblemListFilters } from '@/lib/validations/problem-list';
import { problemScope } from './problem-access';

/**
 * The SQL pieces the ledger, its export and the statistics share, so the three always count the same problems.
 * Every query reads `FROM "Problem" p` joined as PROBLEM_FROM.
 */

export const PROBLEM_FROM = Prisma.sql`
  "Problem" p
  JOIN "PlanYear" py ON py.id = p."planYearId"
  JOIN "ProblemCategory" c ON c.id = p."categoryId"
  JOIN "Department" rd ON rd.id = p."raisedByDepartmentId"
  LEFT JOIN "Project" pr ON pr.id = p."projectId"
  LEFT JOIN "Department" ld ON ld.id = p."leadDepartmentId"
  LEFT JOIN "User" lu ON lu.id = p."leaderId"`;

/**
 * `problemScope` (problem-access.ts) as SQL, for the raw queries: every problem for 'all'; for a department, those
 * it raised, leads, supports, or that concern its projects. problemScope itself decides the scope and refuses a
 * role without problem.read; tests/integration/problem-list.test.ts proves the two select the same rows.
 */
export function problemScopeSql(actor: Actor): Prisma.Sql {
  const scope = problemScope(actor);
  if (!('OR' in scope)) return Prisma.sql`TRUE`;
  const d = actor.departmentId ?? -1;
  return Prisma.sql`(p."raisedByDepartmentId" = ${d} OR p."leadDepartmentId" = ${d} OR pr."departmentId" = ${d}
    OR EXISTS (SELECT 1 FROM "ProblemSupportingUnit" su WHERE su."problemId" = p.id AND su."departmentId" = ${d}))`;
}

/** Past due and not closed on `day` ("YYYY-MM-DD"); due today is not yet overdue (lib/domain/problems/overdue.ts). */
export const overdueSql = (day: string) => Prisma.sql`(p.status <> 'CLOSED' AND p."dueDate" < ${day}::date)`;

/** Whole days past due on `day`, 0 when not overdue (daysOverdue in lib/domain/problems/overdue.ts). */
export const daysOverdueSql = (day: string) =>
  Prisma.sql`(CASE WHEN ${overdueSql(day)} THEN (${day}::date - p."dueDate") ELSE 0 END)`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE of the actor's filtered problems. `omitStatus` leaves the status filter out: the counts per status
 * over the other filters, shown above the ledger.
 */
export function problemWhereSql(
  actor: Actor,
  filters: ProblemListFilters,
  day: string,
  options: { omitStatus?: boolean } = {},
): Prisma.Sql {
  const parts: Prisma.Sql[] = [problemScopeSql(actor)];
  const inList = (column: Prisma.Sql, values: readonly (string | number)[] | undefined) => {
    if (values && values.length > 0) parts.push(Prisma.sql`${column} IN (${Prisma.join(values)})`);
  };
  if (!options.omitStatus) inList(Prisma.sql`p.status::text`, filters.statuses);
  inList(Prisma.sql`p."categoryId"`, filters.categoryIds);
  inList(Prisma.sql`p.level::text`, filters.levels);
  inList(Prisma.sql`p."leadDepartmentId"`, filters.leadDepartmentIds);
  inList(Prisma.sql`p."leaderId"`, filters.leaderIds);
  inList(Prisma.sql`p."projectId"`, filters.projectIds);
  inList(Prisma.sql`p."raisedByDepartmentId"`, filters.raisedByDepartmentIds);
  if (filters.overdue) parts.push(overdueSql(day));
  if (filters.year) parts.push(Prisma.sql`py.year = ${filters.year}`);
  const q = filters.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${escapeLike(q)}%`;
    // a number typed in either form (渝中协〔2025〕27号, 2025-27) finds that problem even where ILIKE would not
    const number = parseProblemNumber(q);
    const exact = number ? Prisma.sql`(py.year = ${number.year} AND p.seq = ${number.seq}) OR ` : Prisma.empty;
    parts.push(Prisma.sql`(${exact}p.number ILIKE ${like} OR p.title ILIKE ${like} OR p.description ILIKE ${like})`);
  }
  return Prisma.join(parts, ' AND ');
}
