/** The floors: hand-written SQL doing the same work as the dashboard and the project list, to compare with. */
import type { ClientBase, Pool } from 'pg';

/**
 * The floor of the dashboard: the figures the page shows, computed by PostgreSQL in five statements issued side by
 * side on the pool, as the page issues its own — every cut
 * (GROUPING SETS over the plans joined once to their reports aggregated per plan), the per-project pace level with
 * the red/yellow counts and the 30 worst, the S-curve (planned and actual per month), on-time reporting per
 * department and the 前期 milestones. What it leaves out: the JS-side forecast per project and the warnings that
 * need the JS rule set (deadline, flags, late starts) — so it is a true lower bound.
 */
export async function dashboardFloor(c: Pool, planYearId: number, year: number, month: number, deadlineDay: number) {
  const [cuts, worst, monthly, timeliness, milestones] = await Promise.all([
    c.query(
      `WITH y AS (
         SELECT r."planId", sum(r."approvedInvested") AS ytd
           FROM "MonthlyReport" r WHERE r.month <= $2 GROUP BY r."planId"
       ), pl AS (
         SELECT pp.id, pp.stage, pp."investorType", pp.direction, pp."annualPlan", p."departmentId", p.area,
                p."actualStart", p."actualCompletion", COALESCE(y.ytd, 0) AS ytd,
                CASE WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(y.ytd, 0)) >= 12 * py."paceRedPoints" * pp."annualPlan" THEN 2
                     WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(y.ytd, 0)) >= 12 * py."paceYellowPoints" * pp."annualPlan" THEN 1
                     ELSE 0 END AS level
           FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "PlanYear" py ON py.id = pp."planYearId"
           LEFT JOIN y ON y."planId" = pp.id
          WHERE pp."planYearId" = $1
       )
       SELECT GROUPING(stage, "investorType", direction, "departmentId", area) AS g, stage, "investorType", direction, "departmentId", area,
              count(*)::int AS n, COALESCE(sum("annualPlan"), 0)::text AS plan, sum(ytd)::text AS completed,
              count(*) FILTER (WHERE stage = 'NEW_START' AND "actualStart" <= $3::date)::int AS started,
              count(*) FILTER (WHERE stage = 'COMPLETION' AND "actualCompletion" <= $3::date)::int AS done,
              count(*) FILTER (WHERE level = 2)::int AS red, count(*) FILTER (WHERE level = 1)::int AS yellow
         FROM pl
        GROUP BY GROUPING SETS ((stage), ("investorType"), (direction), ("departmentId"), (area), ())`,
      [planYearId, month, new Date(Date.UTC(year, month, 0))],
    ),
    c.query(
      `SELECT pp.id, p.name, pp."annualPlan", COALESCE(sum(r."approvedInvested"), 0) AS ytd
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
         LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= $2
        WHERE pp."planYearId" = $1 AND pp."annualPlan" > 0
        GROUP BY pp.id, p.name
        ORDER BY COALESCE(sum(r."approvedInvested"), 0) / pp."annualPlan" ASC LIMIT 30`,
      [planYearId, month],
    ),
    c.query(
      `SELECT m.month, COALESCE(pi.planned, 0)::text AS planned, COALESCE(ra.actual, 0)::text AS actual
         FROM generate_series(1, 12) m(month)
         LEFT JOIN (SELECT i.month, sum(i.amount) AS planned FROM "MonthlyPlanItem" i JOIN "ProjectPlan" pp ON pp.id = i."planId"
                     WHERE pp."planYearId" = $1 GROUP BY i.month) pi ON pi.month = m.month
         LEFT JOIN (SELECT r.month, sum(r."approvedInvested") AS actual FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
                     WHERE pp."planYearId" = $1 GROUP BY r.month) ra ON ra.month = m.month
        ORDER BY m.month`,
      [planYearId],
    ),
    c.query(
      `SELECT p."departmentId", count(DISTINCT pp.id) * $2 AS due,
              count(r.id) FILTER (WHERE r."submittedAt" IS NOT NULL AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
                   <= (make_date($3, 1, 1) + make_interval(months => r.month) + make_interval(days => $4 - 1))::date) AS "onTime"
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
         LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= $2
        WHERE pp."planYearId" = $1 GROUP BY p."departmentId"`,
      [planYearId, month, year, deadlineDay],
    ),
    c.query(
      `SELECT pm.kind, count(*) FILTER (WHERE pm.status = 'DONE' AND pm."actualDate" <= $2::date)::int AS reached
         FROM "ProjectPlan" pp JOIN "PreliminaryMilestone" pm ON pm."projectId" = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'PRELIMINARY' GROUP BY pm.kind`,
      [planYearId, new Date(Date.UTC(year, month, 0))],
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

// ── b. the projects list ─────────────────────────────────────────────────────────────────────────────────
/** The floor of one list page: the page's rows (pinyin order), the totals row over the filtered set, the facets. */
export async function listFloor(
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
    `WITH f AS (
       SELECT p.id, p.code, p.name, p."departmentId", d.name AS "departmentName", p.area, pp.stage, pp."investorType", pp.direction,
              p."totalInvestment", pp."annualPlan", pp.id AS "planId"
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
        WHERE pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage::text = ANY($3::text[])
     ), y AS (
       SELECT r."planId", sum(r."approvedInvested") AS amount FROM "MonthlyReport" r JOIN f ON f."planId" = r."planId"
        WHERE r.month <= $4 AND r."approvedInvested" IS NOT NULL GROUP BY r."planId"
     ), rows AS (
       SELECT f.*, COALESCE(y.amount, 0) AS ytd,
              CASE WHEN f."annualPlan" > 0 THEN COALESCE(y.amount, 0) * 100 / f."annualPlan" END AS rate,
              CASE WHEN f.stage = 'PRELIMINARY' OR f."annualPlan" IS NULL OR f."annualPlan" <= 0 THEN 'none'
                   WHEN ($4::numeric * 100 * f."annualPlan" - 1200 * COALESCE(y.amount, 0)) >= 12 * $6::numeric * f."annualPlan" THEN 'red'
                   WHEN ($4::numeric * 100 * f."annualPlan" - 1200 * COALESCE(y.amount, 0)) >= 12 * $7::numeric * f."annualPlan" THEN 'yellow'
                   ELSE 'none' END AS warning
         FROM f LEFT JOIN y ON y."planId" = f."planId"
     )
     SELECT r.id, r.code, r.name, r."departmentName", r.area, r.stage::text, r."investorType"::text, r.direction::text,
            r."totalInvestment"::text, r."annualPlan"::text, r.ytd::text, r.rate::text, r.warning, cur.status::text AS "currentMonthStatus",
            count(*) OVER ()::int AS total, (sum(r."totalInvestment") OVER ())::text AS "sumTotal",
            (sum(r."annualPlan") OVER ())::text AS "sumPlan", (sum(r.ytd) OVER ())::text AS "sumYtd"
       FROM rows r LEFT JOIN "MonthlyReport" cur ON cur."planId" = r."planId" AND cur.month = $5
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

// ── e. the Excel file ────────────────────────────────────────────────────────────────────────────────────
