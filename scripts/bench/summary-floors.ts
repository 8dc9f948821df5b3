/**
 * The maintained-summary floors (issue 20): the same hand-written SQL as floors.ts, reading each plan's figures
 * from "PlanSummary" (kept by triggers, prisma/migrations/20261208040000_plan_summary) instead of aggregating the
 * reports. The app reads the summary too, so these are the floors its targets are measured against now.
 */
import type { ClientBase, Pool } from 'pg';

const months = (column: string) =>
  Array.from({ length: 12 }, (_, i) => `COALESCE(sum(s."${column}"[${i + 1}]), 0)`).join(', ');

/** The dashboard's figures over the summary: cuts, pace levels and worst 30, S-curve, timeliness, milestones. */
export async function summaryDashboardFloor(c: Pool, planYearId: number, year: number, month: number) {
  const monthEnd = new Date(Date.UTC(year, month, 0));
  const [cuts, worst, monthly, timeliness, milestones] = await Promise.all([
    c.query(
      `WITH pl AS (
         SELECT pp.id, pp.stage, pp."investorType", pp.direction, pp."annualPlan", p."departmentId", p.area,
                p."actualStart", p."actualCompletion", COALESCE(s."approvedYtd"[$2], 0) AS ytd,
                CASE WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(s."approvedYtd"[$2], 0)) >= 12 * py."paceRedPoints" * pp."annualPlan" THEN 2
                     WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(s."approvedYtd"[$2], 0)) >= 12 * py."paceYellowPoints" * pp."annualPlan" THEN 1
                     ELSE 0 END AS level
           FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "PlanYear" py ON py.id = pp."planYearId"
           LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
          WHERE pp."planYearId" = $1
       )
       SELECT GROUPING(stage, "investorType", direction, "departmentId", area) AS g, stage, "investorType", direction, "departmentId", area,
              count(*)::int AS n, COALESCE(sum("annualPlan"), 0)::text AS plan, sum(ytd)::text AS completed,
              count(*) FILTER (WHERE stage = 'NEW_START' AND "actualStart" <= $3::date)::int AS started,
              count(*) FILTER (WHERE stage = 'COMPLETION' AND "actualCompletion" <= $3::date)::int AS done,
              count(*) FILTER (WHERE level = 2)::int AS red, count(*) FILTER (WHERE level = 1)::int AS yellow
         FROM pl
        GROUP BY GROUPING SETS ((stage), ("investorType"), (direction), ("departmentId"), (area), ())`,
      [planYearId, month, monthEnd],
    ),
    c.query(
      `SELECT pp.id, p.name, pp."annualPlan", COALESCE(s."approvedYtd"[$2], 0) AS ytd
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
        WHERE pp."planYearId" = $1 AND pp."annualPlan" > 0
        ORDER BY COALESCE(s."approvedYtd"[$2], 0) / pp."annualPlan" ASC LIMIT 30`,
      [planYearId, month],
    ),
    c.query(
      `SELECT ARRAY[${months('plannedYtd')}]::text[] AS planned, ARRAY[${months('approvedYtd')}]::text[] AS actual
         FROM "ProjectPlan" pp JOIN "PlanSummary" s ON s."planId" = pp.id WHERE pp."planYearId" = $1`,
      [planYearId],
    ),
    c.query(
      `SELECT p."departmentId", count(*) * $2::int AS due, COALESCE(sum(s."onTimeYtd"[$2]), 0) AS "onTime"
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
        WHERE pp."planYearId" = $1 GROUP BY p."departmentId"`,
      [planYearId, month],
    ),
    c.query(
      `SELECT pm.kind, count(*) FILTER (WHERE pm.status = 'DONE' AND pm."actualDate" <= $2::date)::int AS reached
         FROM "ProjectPlan" pp JOIN "PreliminaryMilestone" pm ON pm."projectId" = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'PRELIMINARY' GROUP BY pm.kind`,
      [planYearId, monthEnd],
    ),
  ]);
  return { cuts: cuts.rows, worst: worst.rows, monthly: monthly.rows, timeliness: timeliness.rows, milestones };
}

/** One list page over the summary: rows (pinyin order), totals over the filtered set, facets. */
export async function summaryListFloor(
  c: ClientBase,
  p: {
    planYearId: number;
    through: number;
    currentMonth: number;
    departmentId: number;
    stages: string[];
    pageSize: number;
    red: string;
    yellow: string;
  },
) {
  const page = await c.query(
    `WITH rows AS (
       SELECT p.id, p.code, p.name, d.name AS "departmentName", p.area, pp.stage, pp."investorType", pp.direction,
              p."totalInvestment", pp."annualPlan", COALESCE(s."approvedYtd"[$4], 0) AS ytd, s.status[$5] AS cur,
              CASE WHEN pp."annualPlan" > 0 THEN COALESCE(s."approvedYtd"[$4], 0) * 100 / pp."annualPlan" END AS rate,
              CASE WHEN pp.stage = 'PRELIMINARY' OR pp."annualPlan" IS NULL OR pp."annualPlan" <= 0 THEN 'none'
                   WHEN ($4::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(s."approvedYtd"[$4], 0)) >= 12 * $6::numeric * pp."annualPlan" THEN 'red'
                   WHEN ($4::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(s."approvedYtd"[$4], 0)) >= 12 * $7::numeric * pp."annualPlan" THEN 'yellow'
                   ELSE 'none' END AS warning
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
         LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
        WHERE pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage::text = ANY($3::text[])
     )
     SELECT r.id, r.code, r.name, r."departmentName", r.area, r.stage::text, r."investorType"::text, r.direction::text,
            r."totalInvestment"::text, r."annualPlan"::text, r.ytd::text, r.rate::text, r.warning, r.cur::text AS "currentMonthStatus",
            count(*) OVER ()::int AS total, (sum(r."totalInvestment") OVER ())::text AS "sumTotal",
            (sum(r."annualPlan") OVER ())::text AS "sumPlan", (sum(r.ytd) OVER ())::text AS "sumYtd"
       FROM rows r
      ORDER BY r.name COLLATE "zh-x-icu", r.code LIMIT $8`,
    [p.planYearId, p.departmentId, p.stages, p.through, p.currentMonth, p.red, p.yellow, p.pageSize],
  );
  const facets = await c.query(
    `SELECT (SELECT json_agg(d ORDER BY d."sortOrder", d.name) FROM (SELECT d.id, d.name, d."sortOrder" FROM "Department" d
              WHERE EXISTS (SELECT 1 FROM "Project" p JOIN "ProjectPlan" pp ON pp."projectId" = p.id
                             WHERE p."departmentId" = d.id AND pp."planYearId" = $1)) d) AS departments,
            (SELECT json_agg(area ORDER BY area COLLATE "zh-x-icu") FROM (SELECT DISTINCT p.area FROM "ProjectPlan" pp
              JOIN "Project" p ON p.id = pp."projectId" WHERE pp."planYearId" = $1 AND p.area <> '') a) AS areas`,
    [p.planYearId],
  );
  return { page: page.rows, facets: facets.rows[0] };
}
