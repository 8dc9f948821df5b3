import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { isDateOnly } from '@/lib/domain/date-only';
import { closureRatePercent } from '@/lib/domain/problems/problem-bulletin';
import type { Db } from '@/lib/prisma';
import { today } from '@/lib/server/clock';
import { ValidationError } from '@/lib/server/errors';
import { problemRowSql, toListItem, type ProblemListItem, type ProblemRow } from './list-problems';
import { PROBLEM_FROM, problemScopeSql } from './problem-sql';

/** The longest list of overdue problems one call returns (the dashboard shows 5, the bulletin's table more). */
export const MAX_OVERDUE_LIST = 100;

export interface ProblemStats {
  /** the date the figures are as of, "YYYY-MM-DD" */
  asOf: string;
  /** the plan year the problems are numbered in; null: every year */
  year: number | null;
  total: number;
  open: number;
  closed: number;
  /** closed within asOf's calendar month, up to asOf */
  closedThisMonth: number;
  overdue: number;
  /** overdue and at 挂牌督办 */
  supervisedOverdue: number;
  /** 办结率: closed ÷ all × 100, rounded once to one decimal ("33.3"); null with no problems */
  closureRatePercent: string | null;
  byCategory: { id: number; name: string; total: number; open: number; overdue: number }[];
  /** open problems by lead unit; id null: not yet assigned (待交办) */
  byLead: { id: number | null; name: string | null; open: number; overdue: number }[];
  /** the longest overdue first, within the actor's own scope (they name problems) */
  oldestOverdue: ProblemListItem[];
}

/**
 * The problem figures of the dashboard and the bulletin, as PostgreSQL aggregates.
 *
 * The counts are district-wide for every role, like the rollups (the published bulletin carries the same figures
 * to everyone); the list of overdue problems names problems, so it keeps the actor's problem scope (a department
 * sees only those it takes part in: docs/permissions.md).
 *
 * As of `asOf` (default the business clock's today): a problem counts as closed when it was closed on or before
 * that day (its closedAt, a business-clock time), as overdue when it was not closed by then and its due date had
 * passed. The problems counted are those that exist when the figures are computed; the bulletin freezes them in
 * its figures when it is drafted.
 */
export async function getProblemStats(
  db: Db,
  actor: Actor,
  options: { year?: number; asOf?: string; overdueLimit?: number } = {},
): Promise<ProblemStats> {
  const scope = problemScopeSql(actor); // also refuses a role without problem.read
  const asOf = options.asOf ?? (await today(db));
  if (!isDateOnly(asOf)) throw new ValidationError({ asOf: ['invalidDate'] });
  const limit = Math.min(Math.max(Math.trunc(options.overdueLimit ?? 5), 0), MAX_OVERDUE_LIST);
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const year = options.year ?? null;
  const yearSql = year === null ? Prisma.sql`TRUE` : Prisma.sql`py.year = ${year}`;
  const closedOn = Prisma.sql`(p."closedAt" AT TIME ZONE 'Asia/Shanghai')::date`;
  const closed = Prisma.sql`(p.status = 'CLOSED' AND ${closedOn} <= ${asOf}::date)`;
  const overdue = Prisma.sql`(NOT ${closed} AND p."dueDate" < ${asOf}::date)`;

  const [totals, byCategory, byLead, oldest] = await Promise.all([
    db.$queryRaw<
      {
        total: number;
        closed: number;
        closedThisMonth: number;
        overdue: number;
        supervisedOverdue: number;
      }[]
    >`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE ${closed})::int AS closed,
             count(*) FILTER (WHERE ${closed} AND ${closedOn} >= ${monthStart}::date)::int AS "closedThisMonth",
             count(*) FILTER (WHERE ${overdue})::int AS overdue,
             count(*) FILTER (WHERE ${overdue} AND p.level = 'SUPERVISED')::int AS "supervisedOverdue"
        FROM "Problem" p JOIN "PlanYear" py ON py.id = p."planYearId"
       WHERE ${yearSql}`,
    db.$queryRaw<{ id: number; name: string; total: number; open: number; overdue: number }[]>`
      SELECT c.id, c.name, count(p.id)::int AS total,
             count(p.id) FILTER (WHERE NOT ${closed})::int AS open,
             count(p.id) FILTER (WHERE ${overdue})::int AS overdue
        FROM "ProblemCategory" c
        LEFT JOIN ("Problem" p JOIN "PlanYear" py ON py.id = p."planYearId" AND ${yearSql}) ON p."categoryId" = c.id
       GROUP BY c.id, c.name, c."sortOrder"
      HAVING count(p.id) > 0 OR bool_or(c.active)
       ORDER BY c."sortOrder", c.id`,
    db.$queryRaw<{ id: number | null; name: string | null; open: number; overdue: number }[]>`
      SELECT d.id, d.name, count(*)::int AS open, count(*) FILTER (WHERE ${overdue})::int AS overdue
        FROM "Problem" p JOIN "PlanYear" py ON py.id = p."planYearId"
        LEFT JOIN "Department" d ON d.id = p."leadDepartmentId"
       WHERE ${yearSql} AND NOT ${closed}
       GROUP BY d.id, d.name
       ORDER BY count(*) FILTER (WHERE ${overdue}) DESC, count(*) DESC, d.name COLLATE "zh-x-icu" NULLS FIRST
       LIMIT 50`,
    limit === 0
      ? Promise.resolve([] as ProblemRow[])
      : db.$queryRaw<ProblemRow[]>`
      SELECT ${problemRowSql(actor, asOf, Prisma.sql`(${asOf}::date - p."dueDate")`)}
        FROM ${PROBLEM_FROM}
       WHERE ${scope} AND ${yearSql} AND ${overdue}
       ORDER BY p."dueDate" ASC, py.year ASC, p.seq ASC
       LIMIT ${limit}`,
  ]);
  const t = totals[0];
  const total = t?.total ?? 0;
  const closedCount = t?.closed ?? 0;
  return {
    asOf,
    year,
    total,
    open: total - closedCount,
    closed: closedCount,
    closedThisMonth: t?.closedThisMonth ?? 0,
    overdue: t?.overdue ?? 0,
    supervisedOverdue: t?.supervisedOverdue ?? 0,
    closureRatePercent: closureRatePercent(closedCount, total),
    byCategory,
    byLead,
    oldestOverdue: oldest.map(toListItem),
  };
}
