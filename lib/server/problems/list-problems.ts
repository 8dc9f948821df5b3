import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import type { ProblemLevel, ProblemStatus } from '@/lib/domain/problems/flow';
import { problemSlug } from '@/lib/domain/problems/numbering';
import type { Db } from '@/lib/prisma';
import { today } from '@/lib/server/clock';
import {
  DEFAULT_PROBLEM_LIST_PARAMS,
  PROBLEM_LIST_MAX_PAGE_SIZE,
  type ProblemListFilters,
  type ProblemListSort,
} from '@/lib/validations/problem-list';
import { problemScope } from './problem-access';
import { daysOverdueSql, overdueSql, PROBLEM_FROM, problemScopeSql, problemWhereSql } from './problem-sql';

export interface ProblemListItem {
  id: number;
  number: string;
  /** "2025-27", the URL form */
  slug: string;
  title: string;
  project: { id: number; code: string; name: string } | null;
  category: { id: number; name: string };
  lead: { id: number; name: string } | null;
  leader: { id: number; name: string } | null;
  raisedBy: string;
  /** "YYYY-MM-DD" */
  dueDate: string | null;
  daysOverdue: number;
  overdue: boolean;
  level: ProblemLevel;
  status: ProblemStatus;
  lastActivity: Date;
  /** the actor is its 联系区领导 */
  mine: boolean;
}

export interface ProblemList {
  /** the business clock's today the overdue figures are counted against */
  today: string;
  items: ProblemListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** per status over every filter but the status one, and how many of those are overdue */
  counts: Record<ProblemStatus, number> & { overdue: number; all: number };
  facets: {
    categories: { id: number; name: string }[];
    departments: { id: number; name: string }[];
    leaders: { id: number; name: string }[];
    years: number[];
    /** the names of the projects the filter names, for its label */
    projects: { id: number; code: string; name: string }[];
  };
}

export interface ListProblemsOptions extends ProblemListFilters {
  page?: number;
  pageSize?: number;
  sort?: ProblemListSort;
  dir?: 'asc' | 'desc';
}

const ORDER_BY: Record<ProblemListSort, (day: string) => Prisma.Sql> = {
  number: () => Prisma.sql`py.year`,
  dueDate: () => Prisma.sql`p."dueDate"`,
  daysOverdue: (day) => daysOverdueSql(day),
  lastActivity: () => Prisma.sql`"lastActivity"`,
  status: () => Prisma.sql`p.status`,
  level: () => Prisma.sql`p.level`,
};

/** The ledger's order: a leader's own problems first, then the chosen column, then the number, newest first. */
export function problemOrderSql(actor: Actor, day: string, sort?: ProblemListSort, dir?: 'asc' | 'desc'): Prisma.Sql {
  const column = sort ?? DEFAULT_PROBLEM_LIST_PARAMS.sort;
  const d = (dir ?? DEFAULT_PROBLEM_LIST_PARAMS.dir) === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const mineFirst =
    actor.role === 'LEADER' ? Prisma.sql`(p."leaderId" IS NOT DISTINCT FROM ${actor.id}) DESC, ` : Prisma.empty;
  const then = column === 'number' ? Prisma.sql`p.seq ${d}` : Prisma.sql`py.year DESC, p.seq DESC`;
  return Prisma.sql`ORDER BY ${mineFirst}${ORDER_BY[column](day)} ${d} NULLS LAST, ${then}`;
}

/** The columns of a ledger row, shared with the export. */
export const problemRowSql = (actor: Actor, day: string, daysOverdue: Prisma.Sql = daysOverdueSql(day)) => Prisma.sql`
  p.id, p.number, p.seq, py.year, p.title, p.status::text AS status, p.level::text AS level, p."dueDate",
  pr.id AS "projectId", pr.code AS "projectCode", pr.name AS "projectName",
  c.id AS "categoryId", c.name AS "categoryName", ld.id AS "leadId", ld.name AS "leadName",
  lu.id AS "leaderId", lu."displayName" AS "leaderName", rd.name AS "raisedBy",
  ${daysOverdue}::int AS "daysOverdue",
  GREATEST(p."updatedAt", (SELECT max(e."createdAt") FROM "ProblemEntry" e WHERE e."problemId" = p.id)) AS "lastActivity",
  (p."leaderId" IS NOT DISTINCT FROM ${actor.id}) AS mine`;

export interface ProblemRow {
  id: number;
  number: string;
  seq: number;
  year: number;
  title: string;
  status: ProblemStatus;
  level: ProblemLevel;
  dueDate: Date | null;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  categoryId: number;
  categoryName: string;
  leadId: number | null;
  leadName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  raisedBy: string;
  daysOverdue: number;
  lastActivity: Date;
  mine: boolean;
}

export function toListItem(r: ProblemRow): ProblemListItem {
  return {
    id: r.id,
    number: r.number,
    slug: problemSlug(r.year, r.seq),
    title: r.title,
    project: r.projectId === null ? null : { id: r.projectId, code: r.projectCode ?? '', name: r.projectName ?? '' },
    category: { id: r.categoryId, name: r.categoryName },
    lead: r.leadId === null ? null : { id: r.leadId, name: r.leadName ?? '' },
    leader: r.leaderId === null ? null : { id: r.leaderId, name: r.leaderName ?? '' },
    raisedBy: r.raisedBy,
    dueDate: toDateOnly(r.dueDate),
    daysOverdue: r.daysOverdue,
    overdue: r.daysOverdue > 0,
    level: r.level,
    status: r.status,
    lastActivity: r.lastActivity,
    mine: r.mine,
  };
}

/**
 * One page of the problems the actor may read (a department: those it takes part in; the scope is inside the
 * query, so counts and choices never include another department's), filtered and sorted by PostgreSQL. Overdue is
 * counted against the business clock's today.
 */
export async function listProblems(db: Db, actor: Actor, options: ListProblemsOptions = {}): Promise<ProblemList> {
  const pageSize = Math.min(
    Math.max(Math.trunc(options.pageSize ?? DEFAULT_PROBLEM_LIST_PARAMS.pageSize), 1),
    PROBLEM_LIST_MAX_PAGE_SIZE,
  );
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), 100_000);
  const scope = problemScopeSql(actor);
  const day = await today(db);
  const where = problemWhereSql(actor, options, day);
  const countWhere = problemWhereSql(actor, options, day, { omitStatus: true });

  const [rows, countRows, facetRows, categories, leaders, projects] = await Promise.all([
    db.$queryRaw<ProblemRow[]>`
      SELECT ${problemRowSql(actor, day)} FROM ${PROBLEM_FROM} WHERE ${where}
      ${problemOrderSql(actor, day, options.sort, options.dir)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ status: ProblemStatus; count: number; overdue: number }[]>`
      SELECT p.status::text AS status, count(*)::int AS count, count(*) FILTER (WHERE ${overdueSql(day)})::int AS overdue
        FROM ${PROBLEM_FROM} WHERE ${countWhere} GROUP BY p.status`,
    db.$queryRaw<{ kind: string; id: number; name: string }[]>`
      SELECT DISTINCT 'dept' AS kind, d.id, d.name FROM ${PROBLEM_FROM}
        JOIN "Department" d ON d.id IN (p."leadDepartmentId", p."raisedByDepartmentId") WHERE ${scope}
      UNION ALL
      SELECT DISTINCT 'year', py.year, '' FROM ${PROBLEM_FROM} WHERE ${scope}`,
    db.problemCategory.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
    db.user.findMany({
      where: { role: 'LEADER' },
      select: { id: true, displayName: true },
      orderBy: { id: 'asc' },
    }),
    options.projectIds?.length
      ? db.project.findMany({
          // only projects the actor's problems concern: a filter never names another department's project
          where: { id: { in: options.projectIds.slice(0, 20) }, problems: { some: problemScope(actor) } },
          select: { id: true, code: true, name: true },
        })
      : Promise.resolve([]),
  ]);

  const counts = { PENDING: 0, IN_PROGRESS: 0, CLOSE_PROPOSED: 0, CLOSED: 0, overdue: 0, all: 0 };
  let total = 0;
  for (const c of countRows) {
    counts[c.status] = c.count;
    counts.all += c.count;
    const counted = !options.statuses?.length || options.statuses.includes(c.status);
    if (counted) {
      total += c.count;
      counts.overdue += c.overdue;
    }
  }
  const collator = new Intl.Collator('zh-CN');
  return {
    today: day,
    items: rows.map(toListItem),
    total,
    page,
    pageSize,
    counts,
    facets: {
      categories,
      departments: facetRows
        .filter((f) => f.kind === 'dept')
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      leaders: leaders.map((l) => ({ id: l.id, name: l.displayName })),
      years: facetRows
        .filter((f) => f.kind === 'year')
        .map((f) => f.id)
        .sort((a, b) => b - a),
      projects,
    },
  };
}
