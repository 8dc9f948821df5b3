import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { daysOverdue, reportDeadline } from '@/lib/domain/deadlines';
import { likelyToMiss, type ShortfallRow } from '@/lib/domain/forecast';
import { NO_REPORT_RED_DAYS, NOT_STARTED_RED_MONTHS, paceThresholds } from '@/lib/domain/warnings';
import type { Db } from '@/lib/prisma';
import { Prisma } from '@/generated/prisma/client';
import { departmentScope } from '@/lib/server/authorize';
import { today as clockToday } from '@/lib/server/clock';
import { getProjectFigures, plannedStartOf, type ProjectFigure } from './get-project-figures';
import { assertBasisReadable, type RollupBasis } from './get-rollup';
import { slot, ytdSql } from './summary-sql';

export interface AttentionOptions {
  year: number;
  month: number;
  basis: RollupBasis;
  /** "today" in Chongqing, for the deadline rule; the clock's (lib/server/clock.ts) by default */
  today?: string;
  /** how many red projects to list (all are counted) */
  redLimit?: number;
  /** how many likely-to-miss projects to list */
  missLimit?: number;
}

export interface Attention {
  /** projects whose worst warning is red / yellow, over the whole year's plan (aggregates every role may read) */
  red: number;
  yellow: number;
  /**
   * whose projects the lists name: every department's, or only the actor's own (project.read 'own': a department
   * sees project-level detail of its own projects only)
   */
  listScope: 'all' | 'own';
  /** red projects within the list scope: what the red list is the first `redLimit` of */
  redListable: number;
  /** the first `redLimit` red projects in the list scope, in department then name order, each with its warnings in words */
  redProjects: ProjectFigure[];
  /** the projects most likely to miss their annual plan (likelyToMiss), at most `missLimit` */
  likelyToMiss: ShortfallRow<ProjectFigure>[];
}

/**
 * Extra likely-to-miss candidates taken from SQL before the domain ranks them. SQL computes the forecast as
 * a·split/pytd rounded to 2 decimals at 30 decimal places; lib/domain/forecast.ts computes a + (split − pytd)·(a/pytd)
 * with 20 significant digits. The two can only disagree on a shortfall lying within 10⁻¹⁵ of a half-fen boundary,
 * so a few spare candidates make the domain's top N certain in practice; the parity test proves it on the seed.
 */
const MISS_SLACK = 10;

/**
 * What needs the leaders' attention on the dashboard: the red and yellow counts, the red list and the projects
 * most likely to miss, without reading every project into the app. One statement evaluates every warning rule of
 * lib/domain/warnings.ts and the year-end forecast of lib/domain/forecast.ts per plan in SQL (the same exact
 * inequalities), counts the levels and picks the listed plans with LIMIT; only those plans are then read with
 * getProjectFigures, whose domain functions give the warnings' words and the final likely-to-miss order.
 * `tests/integration/attention.test.ts` proves the SQL and the domain agree project by project.
 */
export async function getAttention(db: Db, actor: Actor, options: AttentionOptions): Promise<Attention | null> {
  departmentScope(actor, 'rollup.read');
  // the counts are district-wide: on the submitted basis they hold every department's unapproved amounts
  assertBasisReadable(actor, options.basis);
  const listScope = departmentScope(actor, 'project.read');
  const listable =
    listScope.departmentId === undefined ? Prisma.sql`true` : Prisma.sql`"departmentId" = ${listScope.departmentId}`;
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: {
      id: true,
      year: true,
      status: true,
      reportDeadlineDay: true,
      paceYellowPoints: true,
      paceRedPoints: true,
    },
  });
  if (!planYear) return null;
  const { month, basis } = options;
  const plannedStart = plannedStartOf(planYear.status);
  const redLimit = options.redLimit ?? 30;
  const missLimit = options.missLimit ?? 10;
  const ytd = ytdSql(basis, month);
  const m = slot(month);
  const thresholds = paceThresholds(planYear);
  const today = options.today ?? (await clockToday(db));
  // the deadline rule depends only on the month's report status: its level is the same for every project
  const overdue = daysOverdue(reportDeadline(planYear.year, month, planYear.reportDeadlineDay), today);
  const reportLevel = overdue >= NO_REPORT_RED_DAYS ? 2 : overdue >= 1 ? 1 : 0;
  const asOf = planYear.year * 12 + month;

  const rows = await db.$queryRaw<
    { kind: 'count' | 'red' | 'miss'; planId: number | null; red: number; yellow: number; listable: number }[]
  >`
    WITH plans AS (
      -- the month's facts from the maintained figures ("PlanSummary"), no report read
      SELECT pp.id, pp.stage, pp."annualPlan", ${plannedStart} AS "plannedStart", p."actualStart", d."sortOrder", p.name, p."departmentId",
             ${ytd} AS ytd, s.status[${m}] AS status, COALESCE(s."flagLevel"[${m}], 0) AS flag,
             COALESCE(s."plannedYtd"[12], 0) AS split, COALESCE(s."plannedYtd"[${m}], 0) AS pytd
        FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
        LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
       WHERE pp."planYearId" = ${planYear.id}
    ), figures AS (
      SELECT pl.id, pl."sortOrder", pl.name, pl."departmentId", pl.stage, pl.split, pl.ytd, pl.pytd,
             -- paceBehindOfPlan: N·100·plan − 1200·ytd ≥ 12·points·plan
             CASE WHEN pl.stage = 'PRELIMINARY' OR pl."annualPlan" IS NULL OR pl."annualPlan" <= 0 THEN 0
                  WHEN ${month}::numeric * 100 * pl."annualPlan" - 1200 * pl.ytd >= 12 * ${thresholds.redPoints}::numeric * pl."annualPlan" THEN 2
                  WHEN ${month}::numeric * 100 * pl."annualPlan" - 1200 * pl.ytd >= 12 * ${thresholds.yellowPoints}::numeric * pl."annualPlan" THEN 1
                  ELSE 0 END AS pace,
             -- notStartedOnTime: calendar months from the planned start month to the reporting month
             CASE WHEN pl.stage <> 'NEW_START' OR pl."plannedStart" IS NULL THEN 0
                  WHEN pl."actualStart" IS NOT NULL
                       AND extract(year FROM pl."actualStart") * 12 + extract(month FROM pl."actualStart") <= ${asOf} THEN 0
                  WHEN ${asOf} - (extract(year FROM pl."plannedStart") * 12 + extract(month FROM pl."plannedStart")) >= ${NOT_STARTED_RED_MONTHS} THEN 2
                  WHEN ${asOf} - (extract(year FROM pl."plannedStart") * 12 + extract(month FROM pl."plannedStart")) >= 1 THEN 1
                  ELSE 0 END AS start,
             -- noReportByDeadline: missing, draft or returned after the deadline
             CASE WHEN pl.status IS NULL OR pl.status IN ('DRAFT', 'RETURNED') THEN ${reportLevel}::int ELSE 0 END AS report,
             -- reportFlags: cumulativeAboveTotal is red, any other flag yellow
             pl.flag
        FROM plans pl
    ), judged AS MATERIALIZED (
      SELECT id, "sortOrder", name, "departmentId", stage, split, GREATEST(pace, start, report, flag) AS level,
             -- forecastYearEnd: a + (split − pytd)·a/pytd = a·split/pytd, or a + (split − pytd) with nothing planned yet
             split - round(CASE WHEN pytd = 0 THEN ytd + split - pytd
                                ELSE (ytd * split * 1.000000000000000000000000000000) / pytd END, 2) AS shortfall
        FROM figures
    )
    SELECT 'count' AS kind, NULL::int AS "planId",
           (count(*) FILTER (WHERE level = 2))::int AS red, (count(*) FILTER (WHERE level = 1))::int AS yellow,
           (count(*) FILTER (WHERE level = 2 AND ${listable}))::int AS listable
      FROM judged
    UNION ALL
    (SELECT 'red', id, 0, 0, 0 FROM judged WHERE level = 2 AND ${listable} ORDER BY "sortOrder", name, id LIMIT ${redLimit})
    UNION ALL
    (SELECT 'miss', id, 0, 0, 0 FROM judged WHERE stage <> 'PRELIMINARY' AND shortfall > 0 AND ${listable}
      ORDER BY shortfall DESC, split DESC, "sortOrder", name, id LIMIT ${missLimit + MISS_SLACK})`;

  const counts = rows.find((r) => r.kind === 'count');
  const redIds = rows.filter((r) => r.kind === 'red').map((r) => r.planId!);
  const missIds = rows.filter((r) => r.kind === 'miss').map((r) => r.planId!);
  const listed = [...new Set([...redIds, ...missIds])];
  const figures =
    listed.length === 0
      ? []
      : await getProjectFigures(db, actor, { year: options.year, month, basis, today, planIds: listed });
  const byPlan = new Map(figures.map((f) => [f.planId, f]));
  const pick = (ids: number[]) => ids.flatMap((id) => (byPlan.has(id) ? [byPlan.get(id)!] : []));
  return {
    red: counts?.red ?? 0,
    yellow: counts?.yellow ?? 0,
    listScope: listScope.departmentId === undefined ? 'all' : 'own',
    redListable: counts?.listable ?? 0,
    redProjects: pick(redIds),
    // figures come back in department then name order, the tie-break likelyToMiss keeps
    likelyToMiss: likelyToMiss(
      figures.filter((f) => missIds.includes(f.planId)),
      missLimit,
    ),
  };
}
