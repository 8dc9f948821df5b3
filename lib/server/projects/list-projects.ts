import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Direction, InvestorType, ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { cachedUnderFiguresVersion } from '@/lib/server/dashboard/figures-cache';
import { slot, ytdSql } from '@/lib/server/dashboard/summary-sql';
import { DEFAULT_PROJECT_LIST_PARAMS, type ProjectListSort, type WarningLevel } from '@/lib/validations/project-list';

export const PROJECTS_PAGE_SIZE = DEFAULT_PROJECT_LIST_PARAMS.pageSize;

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  area: string;
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  /** 万元, exact decimal strings from PostgreSQL */
  totalInvestment: string;
  /** null for 前期 projects, which carry no annual investment */
  annualPlan: string | null;
  /** approved reports of months 1 … ytdThroughMonth */
  ytdApproved: string;
  /** ytd ÷ annual plan × 100, unrounded; null without an annual plan */
  ratePercent: string | null;
  warning: WarningLevel;
  /** the status of the report for the plan year's current month; null when none was started */
  currentMonthStatus: ReportStatus | null;
}

export interface ProjectListTotals {
  count: number;
  totalInvestment: string;
  annualPlan: string;
  ytdApproved: string;
  /** total ytd ÷ total annual plan × 100; null when the filtered set has no annual plan */
  ratePercent: string | null;
}

export interface ProjectList {
  year: number;
  currentMonth: number;
  /** year to date means approved reports of months 1 … this (currentMonth − 1; 0 before the first month closes) */
  ytdThroughMonth: number;
  items: ProjectListItem[];
  total: number;
  totals: ProjectListTotals;
  page: number;
  pageSize: number;
  /** filter choices within the actor's scope */
  facets: { departments: { id: number; name: string }[]; areas: string[] };
}

export interface ProjectListFilters {
  q?: string;
  stages?: Stage[];
  investorTypes?: InvestorType[];
  directions?: Direction[];
  departmentIds?: number[];
  areas?: string[];
  warnings?: WarningLevel[];
}

export interface ListProjectsOptions extends ProjectListFilters {
  year: number;
  /** 1-based */
  page?: number;
  pageSize?: number;
  sort?: ProjectListSort;
  dir?: 'asc' | 'desc';
}

// Names sort in pinyin order through ICU's Chinese collation. Qualified with f. so the numeric columns of the
// subquery are ordered, not the ::text output columns of the same name.
const ORDER_BY: Record<ProjectListSort, Prisma.Sql> = {
  name: Prisma.sql`f.name COLLATE "zh-x-icu"`,
  code: Prisma.sql`f.code`,
  department: Prisma.sql`f."departmentName" COLLATE "zh-x-icu"`,
  totalInvestment: Prisma.sql`f."totalInvestment"`,
  annualPlan: Prisma.sql`f."annualPlan"`,
  ytd: Prisma.sql`f.ytd`,
  rate: Prisma.sql`f.rate`,
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  area: string;
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  totalInvestment: string;
  annualPlan: string | null;
  ytd: string;
  rate: string | null;
  warning: WarningLevel;
  currentMonthStatus: ReportStatus | null;
}

/**
 * The filtered list as SQL: every project of the plan year the actor may read, with its computed figures, narrowed
 * by the filters. The page and the export both read it, so an export is exactly the list the user was looking at.
 *
 * Pace warning: % of plan against 序时进度 (ytdThroughMonth / 12); behind by the plan year's red points or more is
 * red, by its yellow points or more yellow; 前期 projects and projects without an annual plan have none.
 */
async function filteredList(db: Db, actor: Actor, options: ProjectListFilters & { year: number }) {
  const scope = departmentScope(actor, 'project.read');
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, currentMonth: true, paceYellowPoints: true, paceRedPoints: true },
  });
  if (!planYear) return null;
  const through = Math.min(Math.max(planYear.currentMonth - 1, 0), 12);

  const scopeSql =
    scope.departmentId === undefined ? Prisma.empty : Prisma.sql`AND p."departmentId" = ${scope.departmentId}`;

  // year to date from the maintained figures ("PlanSummary"): one array slot, no report read
  const ytd = ytdSql('approved', through);
  // behind = through/12·100 − ytd/plan·100 ≥ points, multiplied out by 12·plan (> 0) so the test is exact.
  const behind = (points: Prisma.Decimal) =>
    Prisma.sql`(${through}::numeric * 100 * pp."annualPlan" - 1200 * ${ytd}) >= 12 * ${points.toString()}::numeric * pp."annualPlan"`;

  const base = Prisma.sql`
    SELECT p.id, p.code, p.name, p."departmentId", d.name AS "departmentName", p.area,
           pp.stage, pp."investorType", pp.direction,
           p."totalInvestment", pp."annualPlan",
           ${ytd} AS ytd,
           CASE WHEN pp."annualPlan" > 0 THEN ${ytd} * 100 / pp."annualPlan" END AS rate,
           CASE WHEN pp.stage = 'PRELIMINARY' OR pp."annualPlan" IS NULL OR pp."annualPlan" <= 0 THEN 'none'
                WHEN ${behind(planYear.paceRedPoints)} THEN 'red'
                WHEN ${behind(planYear.paceYellowPoints)} THEN 'yellow'
                ELSE 'none' END AS warning,
           s.status[${slot(planYear.currentMonth)}] AS "currentMonthStatus"
      FROM "ProjectPlan" pp
      JOIN "Project" p ON p.id = pp."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
     WHERE pp."planYearId" = ${planYear.id} ${scopeSql}`;

  const where: Prisma.Sql[] = [];
  const q = options.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    where.push(Prisma.sql`(name ILIKE ${like} OR code ILIKE ${like})`);
  }
  // An enum column is compared with values cast to its type, not cast to text itself: the planner then knows how
  // many rows a stage holds and can start from the department's projects (42 → 19 ms at 100,000 projects).
  // The values are the enum's own (the list's schema picks them from it).
  const inList = (column: Prisma.Sql, values: readonly (string | number)[] | undefined, enumType?: string) => {
    if (!values || values.length === 0) return;
    const cast = enumType ? Prisma.raw(`::"${enumType}"`) : Prisma.empty;
    where.push(Prisma.sql`${column} IN (${Prisma.join(values.map((v) => Prisma.sql`${v}${cast}`))})`);
  };
  inList(Prisma.sql`stage`, options.stages, 'Stage');
  inList(Prisma.sql`"investorType"`, options.investorTypes, 'InvestorType');
  inList(Prisma.sql`direction`, options.directions, 'Direction');
  inList(Prisma.sql`"departmentId"`, options.departmentIds);
  inList(Prisma.sql`area`, options.areas);
  inList(Prisma.sql`warning`, options.warnings);
  const filtered = Prisma.sql`(${base}) f ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}`;
  return { planYear, through, scope, scopeSql, filtered };
}

function orderBy(options: { sort?: ProjectListSort; dir?: 'asc' | 'desc' }): Prisma.Sql {
  const dir = options.dir === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`ORDER BY ${ORDER_BY[options.sort ?? DEFAULT_PROJECT_LIST_PARAMS.sort]} ${dir} NULLS LAST, f.code ASC`;
}

/**
 * Every project of the filtered list, in the list's order, without paging (what an export of the current list
 * holds). Returns null when the plan year does not exist.
 */
export async function listProjectIds(
  db: Db,
  actor: Actor,
  options: Omit<ListProjectsOptions, 'page' | 'pageSize'>,
): Promise<number[] | null> {
  const list = await filteredList(db, actor, options);
  if (!list) return null;
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM ${list.filtered} ${orderBy(options)}`;
  return rows.map((r) => r.id);
}

/**
 * The filter choices: the departments and areas of the plan year's projects in the actor's scope. They read every
 * plan of the year (35 ms at 100,000 projects, on every page and every filter change), and change only with the
 * projects, plans and departments, whose writes move the figures version: kept until it moves.
 */
function listFacets(
  db: Db,
  planYearId: number,
  departmentId: number | undefined,
  scopeSql: Prisma.Sql,
): Promise<ProjectList['facets']> {
  const key = JSON.stringify(['project-list-facets', planYearId, departmentId ?? 'all']);
  return cachedUnderFiguresVersion(db, key, async () => {
    const [departments, areas] = await Promise.all([
      db.department.findMany({
        where: { projects: { some: { departmentId, plans: { some: { planYearId } } } } },
        select: { id: true, name: true },
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      }),
      db.$queryRaw<{ area: string }[]>`
        SELECT area FROM (
          SELECT DISTINCT p.area FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
           WHERE pp."planYearId" = ${planYearId} ${scopeSql} AND p.area <> ''
        ) a ORDER BY area COLLATE "zh-x-icu"`,
    ]);
    return { departments, areas: areas.map((a) => a.area) };
  });
}

/**
 * One page of the projects of a plan year the actor may read, filtered, sorted and totalled by PostgreSQL.
 * A department sees its own projects only: the scope is part of the query, so counts, totals and filter choices
 * never include another department's rows. Returns null when the plan year does not exist.
 */
export async function listProjects(db: Db, actor: Actor, options: ListProjectsOptions): Promise<ProjectList | null> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? PROJECTS_PAGE_SIZE), 1), 200);
  const page = Math.max(Math.trunc(options.page ?? 1), 1);
  const list = await filteredList(db, actor, options);
  if (!list) return null;
  const { planYear, through, scope, scopeSql, filtered } = list;

  const [rows, totalsRows, facets] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT id, code, name, "departmentId", "departmentName", area, stage::text AS stage,
             "investorType"::text AS "investorType", direction::text AS direction,
             "totalInvestment"::text AS "totalInvestment", "annualPlan"::text AS "annualPlan",
             ytd::text AS ytd, rate::text AS rate, warning, "currentMonthStatus"::text AS "currentMonthStatus"
        FROM ${filtered}
       ${orderBy(options)}
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ count: number; totalInvestment: string; annualPlan: string; ytd: string; rate: string | null }[]>`
      SELECT count(*)::int AS count,
             COALESCE(sum("totalInvestment"), 0)::text AS "totalInvestment",
             COALESCE(sum("annualPlan"), 0)::text AS "annualPlan",
             COALESCE(sum(ytd), 0)::text AS ytd,
             (sum(ytd) * 100 / NULLIF(sum("annualPlan"), 0))::text AS rate
        FROM ${filtered}`,
    listFacets(db, planYear.id, scope.departmentId, scopeSql),
  ]);
  const t = totalsRows[0];

  return {
    year: planYear.year,
    currentMonth: planYear.currentMonth,
    ytdThroughMonth: through,
    total: t?.count ?? 0,
    totals: {
      count: t?.count ?? 0,
      totalInvestment: t?.totalInvestment ?? '0',
      annualPlan: t?.annualPlan ?? '0',
      ytdApproved: t?.ytd ?? '0',
      ratePercent: t?.rate ?? null,
    },
    page,
    pageSize,
    facets,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      area: r.area,
      stage: r.stage,
      investorType: r.investorType,
      direction: r.direction,
      totalInvestment: r.totalInvestment,
      annualPlan: r.annualPlan,
      ytdApproved: r.ytd,
      ratePercent: r.rate,
      warning: r.warning,
      currentMonthStatus: r.currentMonthStatus,
    })),
  };
}
