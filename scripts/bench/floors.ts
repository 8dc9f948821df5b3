/**
 * The floors: hand-written SQL doing the same work as the dashboard and the project list, to compare with. One
 * builder per measure, reading each plan's year-to-date figures from one of two sources:
 * - `reports`: aggregated from "MonthlyReport" on every call (what the app did before issue 20, and the floor its
 *   targets were set against then);
 * - `summary`: read from "PlanSummary", kept by triggers (prisma/migrations/20261208040000_plan_summary); the app
 *   reads it too, so this is the floor issue 20's targets are measured against.
 * Everything else in a statement (cuts, pace rule, totals, facets, milestones) is written once for both.
 */
import type { ClientBase, Pool } from 'pg';

export type FloorSource = 'reports' | 'summary';

/** The pace rule at `level` points (behind by at least that many points at month `m`), in exact arithmetic. */
const behindBy = (ytd: string, m: string, points: string) =>
  `(${m}::numeric * 100 * pp."annualPlan" - 1200 * ${ytd}) >= 12 * ${points} * pp."annualPlan"`;

/** The sum of one 12-slot summary column over the rows, slot by slot. */
const slotSums = (column: string) =>
  Array.from({ length: 12 }, (_, i) => `COALESCE(sum(s."${column}"[${i + 1}]), 0)`).join(', ');

/**
 * Each plan's approved year to date through month `m` (a bound parameter): the CTE to put first (reports only),
 * the join from `pp` ("ProjectPlan"), and the value. `plans` restricts the reports aggregated to a CTE of plan
 * ids (the list page aggregates only its filtered plans).
 */
function ytdOf(source: FloorSource, m: string, plans?: string) {
  if (source === 'summary')
    return {
      cte: '',
      join: `LEFT JOIN "PlanSummary" s ON s."planId" = pp.id`,
      value: `COALESCE(s."approvedYtd"[${m}], 0)`,
    };
  const restrict = plans ? `JOIN ${plans} f ON f."planId" = r."planId"` : '';
  return {
    cte: `y AS (SELECT r."planId", sum(r."approvedInvested") AS ytd FROM "MonthlyReport" r ${restrict}
                 WHERE r.month <= ${m} AND r."approvedInvested" IS NOT NULL GROUP BY r."planId"),`,
    join: `LEFT JOIN y ON y."planId" = pp.id`,
    value: 'COALESCE(y.ytd, 0)',
  };
}

/**
 * The floor of the dashboard: the figures the page shows, computed by PostgreSQL in five statements issued side by
 * side on the pool, as the page issues its own — every cut (GROUPING SETS over the plans with their year to date),
 * the per-project pace level with the red/yellow counts and the 30 worst, the S-curve (planned and actual per
 * month), on-time reporting per department and the 前期 milestones. What it leaves out: the JS-side forecast per
 * project and the warnings that need the JS rule set (deadline, flags, late starts) — so it is a true lower bound.
 */
export async function dashboardFloor(
  c: Pool,
  source: FloorSource,
  p: { planYearId: number; year: number; month: number; deadlineDay: number },
) {
  const monthEnd = new Date(Date.UTC(p.year, p.month, 0));
  const ytd = ytdOf(source, '$2');
  const [cuts, worst, monthly, timeliness, milestones] = await Promise.all([
    c.query(
      `WITH ${ytd.cte} pl AS (
         SELECT pp.id, pp.stage, pp."investorType", pp.direction, pp."annualPlan", p."departmentId", p.area,
                p."actualStart", p."actualCompletion", ${ytd.value} AS ytd,
                CASE WHEN pp."annualPlan" > 0 AND ${behindBy(ytd.value, '$2', 'py."paceRedPoints"')} THEN 2
                     WHEN pp."annualPlan" > 0 AND ${behindBy(ytd.value, '$2', 'py."paceYellowPoints"')} THEN 1
                     ELSE 0 END AS level
           FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "PlanYear" py ON py.id = pp."planYearId"
           ${ytd.join}
          WHERE pp."planYearId" = $1
       )
       SELECT GROUPING(stage, "investorType", direction, "departmentId", area) AS g, stage, "investorType", direction, "departmentId", area,
              count(*)::int AS n, COALESCE(sum("annualPlan"), 0)::text AS plan, sum(ytd)::text AS completed,
              count(*) FILTER (WHERE stage = 'NEW_START' AND "actualStart" <= $3::date)::int AS started,
              count(*) FILTER (WHERE stage = 'COMPLETION' AND "actualCompletion" <= $3::date)::int AS done,
              count(*) FILTER (WHERE level = 2)::int AS red, count(*) FILTER (WHERE level = 1)::int AS yellow
         FROM pl
        GROUP BY GROUPING SETS ((stage), ("investorType"), (direction), ("departmentId"), (area), ())`,
      [p.planYearId, p.month, monthEnd],
    ),
    c.query(
      `WITH ${ytd.cte} w AS (
         SELECT pp.id, p.name, pp."annualPlan", ${ytd.value} AS ytd
           FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" ${ytd.join}
          WHERE pp."planYearId" = $1 AND pp."annualPlan" > 0
       )
       SELECT * FROM w ORDER BY ytd / "annualPlan" ASC LIMIT 30`,
      [p.planYearId, p.month],
    ),
    source === 'summary'
      ? c.query(
          `SELECT ARRAY[${slotSums('plannedYtd')}]::text[] AS planned, ARRAY[${slotSums('approvedYtd')}]::text[] AS actual
             FROM "ProjectPlan" pp JOIN "PlanSummary" s ON s."planId" = pp.id WHERE pp."planYearId" = $1`,
          [p.planYearId],
        )
      : c.query(
          `SELECT m.month, COALESCE(pi.planned, 0)::text AS planned, COALESCE(ra.actual, 0)::text AS actual
             FROM generate_series(1, 12) m(month)
             LEFT JOIN (SELECT i.month, sum(i.amount) AS planned FROM "MonthlyPlanItem" i JOIN "ProjectPlan" pp ON pp.id = i."planId"
                         WHERE pp."planYearId" = $1 GROUP BY i.month) pi ON pi.month = m.month
             LEFT JOIN (SELECT r.month, sum(r."approvedInvested") AS actual FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
                         WHERE pp."planYearId" = $1 GROUP BY r.month) ra ON ra.month = m.month
            ORDER BY m.month`,
          [p.planYearId],
        ),
    source === 'summary'
      ? c.query(
          `SELECT p."departmentId", count(*) * $2::int AS due, COALESCE(sum(s."onTimeYtd"[$2]), 0) AS "onTime"
             FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
            WHERE pp."planYearId" = $1 GROUP BY p."departmentId"`,
          [p.planYearId, p.month],
        )
      : c.query(
          `SELECT p."departmentId", count(DISTINCT pp.id) * $2 AS due,
                  count(r.id) FILTER (WHERE r."submittedAt" IS NOT NULL AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
                       <= (make_date($3, 1, 1) + make_interval(months => r.month) + make_interval(days => $4 - 1))::date) AS "onTime"
             FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
             LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= $2
            WHERE pp."planYearId" = $1 GROUP BY p."departmentId"`,
          [p.planYearId, p.month, p.year, p.deadlineDay],
        ),
    c.query(
      `SELECT pm.kind, count(*) FILTER (WHERE pm.status = 'DONE' AND pm."actualDate" <= $2::date)::int AS reached
         FROM "ProjectPlan" pp JOIN "PreliminaryMilestone" pm ON pm."projectId" = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'PRELIMINARY' GROUP BY pm.kind`,
      [p.planYearId, monthEnd],
    ),
  ]);
  return {
    cuts: cuts.rows,
    worst: worst.rows,
    monthly: monthly.rows,
    timeliness: timeliness.rows,
    milestones: milestones.rows,
  };
}

export interface ListFloorParams {
  planYearId: number;
  /** the year to date runs through this month */
  through: number;
  /** the month whose report status the list shows */
  currentMonth: number;
  departmentId: number;
  stages: string[];
  pageSize: number;
  red: string;
  yellow: string;
}

/**
 * The floor of one list page: the page's rows (pinyin order) and the totals row over the filtered set. Not the
 * filter choices: the app keeps them until the figures version moves (lib/server/projects/list-projects.ts), so
 * a page costs it their lookup only; `facetsFloor` is their SQL.
 */
export async function listFloor(c: Pick<ClientBase, 'query'>, source: FloorSource, p: ListFloorParams) {
  const filter = `pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage::text = ANY($3::text[])`;
  const plans = `(SELECT pp.id AS "planId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" WHERE ${filter})`;
  const ytd = ytdOf(source, '$4', plans);
  const current =
    source === 'summary'
      ? { join: '', value: 's.status[$5]' }
      : { join: `LEFT JOIN "MonthlyReport" cur ON cur."planId" = pp.id AND cur.month = $5`, value: 'cur.status' };
  const page = await c.query(
    `WITH ${ytd.cte} rows AS (
       SELECT p.id, p.code, p.name, d.name AS "departmentName", p.area, pp.stage, pp."investorType", pp.direction,
              p."totalInvestment", pp."annualPlan", ${ytd.value} AS ytd, ${current.value} AS cur,
              CASE WHEN pp."annualPlan" > 0 THEN ${ytd.value} * 100 / pp."annualPlan" END AS rate,
              CASE WHEN pp.stage = 'PRELIMINARY' OR pp."annualPlan" IS NULL OR pp."annualPlan" <= 0 THEN 'none'
                   WHEN ${behindBy(ytd.value, '$4', '$6::numeric')} THEN 'red'
                   WHEN ${behindBy(ytd.value, '$4', '$7::numeric')} THEN 'yellow'
                   ELSE 'none' END AS warning
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
         ${ytd.join} ${current.join}
        WHERE ${filter}
     )
     SELECT r.id, r.code, r.name, r."departmentName", r.area, r.stage::text, r."investorType"::text, r.direction::text,
            r."totalInvestment"::text, r."annualPlan"::text, r.ytd::text, r.rate::text, r.warning, r.cur::text AS "currentMonthStatus",
            count(*) OVER ()::int AS total, (sum(r."totalInvestment") OVER ())::text AS "sumTotal",
            (sum(r."annualPlan") OVER ())::text AS "sumPlan", (sum(r.ytd) OVER ())::text AS "sumYtd"
       FROM rows r
      ORDER BY r.name COLLATE "zh-x-icu", r.code LIMIT $8`,
    [p.planYearId, p.departmentId, p.stages, p.through, p.currentMonth, p.red, p.yellow, p.pageSize],
  );
  return page.rows;
}

/** The list's filter choices: the departments and the areas of the plan year's projects. */
export async function facetsFloor(c: Pick<ClientBase, 'query'>, planYearId: number) {
  const facets = await c.query(
    `SELECT (SELECT json_agg(d ORDER BY d."sortOrder", d.name) FROM (SELECT d.id, d.name, d."sortOrder" FROM "Department" d
              WHERE EXISTS (SELECT 1 FROM "Project" p JOIN "ProjectPlan" pp ON pp."projectId" = p.id
                             WHERE p."departmentId" = d.id AND pp."planYearId" = $1)) d) AS departments,
            (SELECT json_agg(area ORDER BY area COLLATE "zh-x-icu") FROM (SELECT DISTINCT p.area FROM "ProjectPlan" pp
              JOIN "Project" p ON p.id = pp."projectId" WHERE pp."planYearId" = $1 AND p.area <> '') a) AS areas`,
    [planYearId],
  );
  return facets.rows[0] as { departments: { id: number; name: string }[] | null; areas: string[] | null };
}
