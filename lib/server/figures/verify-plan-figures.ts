/**
 * Checks the maintained figures ("PlanSummary", "PlanMonthSummary", kept by the triggers of
 * prisma/migrations/20261208040000_plan_summary) against a recomputation from the reports, the monthly split and
 * the plan year, and optionally repairs the rows that differ.
 *
 * The recomputation is this file's own SQL, written the way the rollup read the reports before the summary existed
 * (a sum per month over the reports of months 1…m, the latest report's readyToStart), not the database's
 * `keystone_plan_figures`: a mistake in the trigger's definition must show up here instead of agreeing with itself.
 * Plans are checked in batches, so memory stays bounded at any size.
 */
import type { Queryable } from '@/lib/server/audit/verify-chain';

const BATCH = 5000;

/** One summary row that differs from its recomputation: stored null = missing, expected null = should not exist. */
export interface FigureDifference {
  planId: number;
  /** null for the plan's row ("PlanSummary"); the report's month for a "PlanMonthSummary" row */
  month: number | null;
  stored: Record<string, unknown> | null;
  expected: Record<string, unknown> | null;
}

export interface FiguresReport {
  plans: number;
  differences: FigureDifference[];
  /** true when the differing rows were rewritten (and a second check found none) */
  repaired: boolean;
}

const PLAN_DEFINITION = `
  WITH m AS (SELECT generate_series(1, 12) AS month)
  SELECT pp.id AS "planId", pp."planYearId",
         ARRAY(SELECT COALESCE(sum(i.amount), 0)::numeric(18, 2) FROM m
                 LEFT JOIN "MonthlyPlanItem" i ON i."planId" = pp.id AND i.month <= m.month
                GROUP BY m.month ORDER BY m.month) AS "plannedYtd",
         ARRAY(SELECT COALESCE(sum(r."approvedInvested"), 0)::numeric(18, 2) FROM m
                 LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= m.month
                GROUP BY m.month ORDER BY m.month) AS "approvedYtd",
         ARRAY(SELECT COALESCE(sum(CASE WHEN r.status IN ('SUBMITTED', 'APPROVED') THEN r."investedThisMonth"
                                        ELSE r."approvedInvested" END), 0)::numeric(18, 2) FROM m
                 LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= m.month
                GROUP BY m.month ORDER BY m.month) AS "submittedYtd",
         ARRAY(SELECT (count(r.id) FILTER (
                        WHERE r."submittedAt" IS NOT NULL
                          AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
                              <= (make_date(py.year, 1, 1) + make_interval(months => r.month)
                                  + make_interval(days => py."reportDeadlineDay" - 1))::date))::int FROM m
                 LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= m.month
                GROUP BY m.month ORDER BY m.month) AS "onTimeYtd",
         ARRAY(SELECT (SELECT r."readyToStart" FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.month <= m.month
                        ORDER BY r.month DESC LIMIT 1) IS TRUE FROM m ORDER BY m.month) AS "readyToStart",
         ARRAY(SELECT r.status FROM m LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = m.month
                ORDER BY m.month) AS status,
         ARRAY(SELECT CASE WHEN 'cumulativeAboveTotal' = ANY(r.flags) THEN 2 WHEN cardinality(r.flags) > 0 THEN 1 ELSE 0 END
                 FROM m LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = m.month
                ORDER BY m.month) AS "flagLevel"
    FROM "ProjectPlan" pp JOIN "PlanYear" py ON py.id = pp."planYearId"
   WHERE pp.id IN (SELECT unnest($1::int[]))`;

const PLAN_COLUMNS = [
  '"planYearId"',
  '"plannedYtd"',
  '"approvedYtd"',
  '"submittedYtd"',
  '"onTimeYtd"',
  '"readyToStart"',
  'status',
  '"flagLevel"',
];

const MONTH_DEFINITION = `
  SELECT r."planId", r.month, r.status, r."approvedInvested" AS approved,
         CASE WHEN r.status IN ('SUBMITTED', 'APPROVED') THEN r."investedThisMonth" ELSE r."approvedInvested" END AS submitted,
         r.flags,
         r."submittedAt" IS NOT NULL
           AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
               <= (make_date(py.year, 1, 1) + make_interval(months => r.month)
                   + make_interval(days => py."reportDeadlineDay" - 1))::date AS "onTime",
         r."readyToStart"
    FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "PlanYear" py ON py.id = pp."planYearId"
   WHERE r."planId" IN (SELECT unnest($1::int[]))`;

const MONTH_COLUMNS = ['status', 'approved', 'submitted', 'flags', '"onTime"', '"readyToStart"'];

const tuple = (alias: string, columns: string[]) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;

async function differencesOf(client: Queryable, ids: number[]): Promise<FigureDifference[]> {
  const plans = await client.query<FigureDifference>(
    `WITH want AS (${PLAN_DEFINITION}), have AS (SELECT * FROM "PlanSummary" WHERE "planId" IN (SELECT unnest($1::int[])))
     SELECT COALESCE(w."planId", h."planId") AS "planId", NULL::int AS month,
            CASE WHEN h."planId" IS NULL THEN NULL ELSE row_to_json(h) END AS stored,
            CASE WHEN w."planId" IS NULL THEN NULL ELSE row_to_json(w) END AS expected
       FROM want w FULL JOIN have h ON h."planId" = w."planId"
      WHERE w."planId" IS NULL OR h."planId" IS NULL OR ${tuple('w', PLAN_COLUMNS)} IS DISTINCT FROM ${tuple('h', PLAN_COLUMNS)}`,
    [ids],
  );
  const months = await client.query<FigureDifference>(
    `WITH want AS (${MONTH_DEFINITION}), have AS (SELECT * FROM "PlanMonthSummary" WHERE "planId" IN (SELECT unnest($1::int[])))
     SELECT COALESCE(w."planId", h."planId") AS "planId", COALESCE(w.month, h.month) AS month,
            CASE WHEN h."planId" IS NULL THEN NULL ELSE row_to_json(h) END AS stored,
            CASE WHEN w."planId" IS NULL THEN NULL ELSE row_to_json(w) END AS expected
       FROM want w FULL JOIN have h ON h."planId" = w."planId" AND h.month = w.month
      WHERE w."planId" IS NULL OR h."planId" IS NULL OR ${tuple('w', MONTH_COLUMNS)} IS DISTINCT FROM ${tuple('h', MONTH_COLUMNS)}`,
    [ids],
  );
  return [...plans.rows, ...months.rows];
}

/** Every plan id with a summary row or a plan row, in batches of BATCH. */
async function* planBatches(client: Queryable): AsyncGenerator<number[]> {
  let after = 0;
  for (;;) {
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM (SELECT id FROM "ProjectPlan" UNION SELECT "planId" FROM "PlanSummary"
                       UNION SELECT "planId" FROM "PlanMonthSummary") u
        WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Compares every summary row with its recomputation. With `repair`, rewrites the differing plans' rows through
 * the triggers' own upkeep (`keystone_refresh_plan_figures`) and checks them again; run it inside a transaction
 * (the script does) so a repair is all or nothing.
 */
export async function verifyPlanFigures(client: Queryable, options: { repair?: boolean } = {}): Promise<FiguresReport> {
  const differences: FigureDifference[] = [];
  let plans = 0;
  for await (const ids of planBatches(client)) {
    plans += ids.length;
    differences.push(...(await differencesOf(client, ids)));
  }
  if (!options.repair || differences.length === 0) return { plans, differences, repaired: false };
  const ids = [...new Set(differences.map((d) => d.planId))].sort((a, b) => a - b);
  await client.query(`SELECT "keystone_refresh_plan_figures"($1::int[])`, [ids]);
  const left = await differencesOf(client, ids);
  if (left.length > 0) throw new Error(`the repair left ${left.length} rows different (plans ${ids.join(', ')})`);
  return { plans, differences, repaired: true };
}

/** The report as the script prints it: one block per plan, each differing field stored → expected. */
export function describeFiguresReport(report: FiguresReport): string {
  if (report.differences.length === 0) return `Figures of ${report.plans} plans match their reports.`;
  const lines: string[] = [];
  const byPlan = new Map<number, FigureDifference[]>();
  for (const d of report.differences) byPlan.set(d.planId, [...(byPlan.get(d.planId) ?? []), d]);
  for (const [planId, diffs] of byPlan) {
    lines.push(`plan ${planId}:`);
    for (const d of diffs) {
      const where = d.month === null ? 'summary' : `month ${d.month}`;
      if (!d.stored) lines.push(`  ${where}: missing`);
      else if (!d.expected) lines.push(`  ${where}: stored but has no report`);
      else {
        for (const key of Object.keys(d.expected)) {
          const [a, b] = [JSON.stringify(d.stored[key]), JSON.stringify(d.expected[key])];
          if (a !== b) lines.push(`  ${where} ${key}: ${a} → ${b}`);
        }
      }
    }
  }
  const verb = report.repaired ? 'repaired' : 'differ';
  lines.push(`${report.differences.length} rows of ${byPlan.size} plans ${verb} (of ${report.plans} plans).`);
  return lines.join('\n');
}
