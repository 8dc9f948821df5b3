import 'server-only';
import Decimal from 'decimal.js';
import { Prisma } from '@/generated/prisma/client';
import type { PlanYearStatus, ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import { reportDeadline } from '@/lib/domain/deadlines';
import { percentOf } from '@/lib/domain/pace';
import { forecastYearEnd, type ForecastInput, type YearEndForecast } from '@/lib/domain/forecast';
import { evaluateProject, paceThresholds, worstLevel, type Warning, type WarningSeverity } from '@/lib/domain/warnings';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { today as clockToday } from '@/lib/server/clock';
import { NotFoundError } from '@/lib/server/errors';
import { assertBasisReadable, type RollupBasis } from './get-rollup';
import { monthAmountSql } from './summary-sql';

export interface ProjectFigure extends ForecastInput {
  planId: number;
  projectId: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  stage: Stage;
  /** 万元; null for 前期 */
  annualPlan: string | null;
  /** 1–N月 under the basis, 万元 */
  completed: string;
  percent: string | null;
  forecast: YearEndForecast;
  warnings: Warning[];
  level: WarningSeverity | 'none';
  reportStatus: ReportStatus | null;
}

export interface ProjectFiguresOptions {
  year: number;
  month: number;
  basis: RollupBasis;
  /** one department's projects (the drill-down); all when absent */
  departmentId?: number;
  /** only these plans (the dashboard's red list and likely-to-miss candidates, picked by getAttention) */
  planIds?: readonly number[];
  /** "today" in Chongqing, for the deadline rule; the clock's (lib/server/clock.ts) by default */
  today?: string;
}

/**
 * The planned start a year's start warnings read: the project's own while the year is open, the one it had when
 * the year closed after that, so re-planning a slipped project never moves a closed year (lib/domain/closed-years.ts).
 * Used in a query joining "ProjectPlan" pp and "Project" p.
 */
export function plannedStartOf(status: PlanYearStatus): Prisma.Sql {
  return status === 'CLOSED' ? Prisma.sql`pp."closedPlannedStart"` : Prisma.sql`p."plannedStart"`;
}

/**
 * Each project's figures for the year through month N, its year-end forecast and its warnings, from the same
 * maintained figures as the rollup (one query: the monthly plan and each report's figures from "PlanMonthSummary"
 * grouped once per plan, set-based).
 *
 * Project-level detail (names, plans, amounts, warnings) is `project.read`: a department reads its own projects
 * only. Asked for no department, it gets its own; asked for another department's, it is answered like a department
 * without projects would be (not found). The submitted basis needs `rollup.readSubmitted` for the department read.
 */
export async function getProjectFigures(
  db: Db,
  actor: Actor,
  options: ProjectFiguresOptions,
): Promise<ProjectFigure[]> {
  departmentScope(actor, 'rollup.read');
  const scope = departmentScope(actor, 'project.read');
  if (
    scope.departmentId !== undefined &&
    options.departmentId !== undefined &&
    options.departmentId !== scope.departmentId
  ) {
    throw new NotFoundError('department');
  }
  const departmentId = scope.departmentId ?? options.departmentId;
  assertBasisReadable(actor, options.basis, departmentId);
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
  if (!planYear) return [];
  const plannedStart = plannedStartOf(planYear.status);
  const { month } = options;
  const amount = monthAmountSql(options.basis);
  const department = departmentId === undefined ? Prisma.empty : Prisma.sql`AND p."departmentId" = ${departmentId}`;
  const only =
    options.planIds === undefined ? Prisma.empty : Prisma.sql`AND pp.id = ANY(${[...options.planIds]}::int[])`;

  const rows = await db.$queryRaw<
    {
      planId: number;
      projectId: number;
      code: string;
      name: string;
      departmentId: number;
      departmentName: string;
      stage: Stage;
      annualPlan: string | null;
      plannedStart: Date | null;
      actualStart: Date | null;
      planned: [number, string][] | null;
      actual: [number, string][] | null;
      reportStatus: ReportStatus | null;
      flags: string[];
    }[]
  >`
    WITH plans AS (
      SELECT pp.id, pp."projectId", pp.stage, pp."annualPlan", ${plannedStart} AS "plannedStart"
        FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       WHERE pp."planYearId" = ${planYear.id} ${department} ${only}
    ), planned AS (
      SELECT i."planId", json_agg(json_build_array(i.month, i.amount::text)) AS items
        FROM "MonthlyPlanItem" i JOIN plans ON plans.id = i."planId" GROUP BY i."planId"
    ), actual AS (
      SELECT f."planId", json_agg(json_build_array(f.month, (${amount})::text)) FILTER (WHERE ${amount} IS NOT NULL) AS items
        FROM "PlanMonthSummary" f JOIN plans ON plans.id = f."planId" WHERE f.month <= ${month} GROUP BY f."planId"
    )
    SELECT pl.id AS "planId", p.id AS "projectId", p.code, p.name, p."departmentId", d.name AS "departmentName",
           pl.stage, pl."annualPlan"::text AS "annualPlan", pl."plannedStart", p."actualStart",
           planned.items AS planned, actual.items AS actual,
           cur.status AS "reportStatus", COALESCE(cur.flags, '{}') AS flags
      FROM plans pl
      JOIN "Project" p ON p.id = pl."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN planned ON planned."planId" = pl.id
      LEFT JOIN actual ON actual."planId" = pl.id
      LEFT JOIN "PlanMonthSummary" cur ON cur."planId" = pl.id AND cur.month = ${month}
     ORDER BY d."sortOrder", p.name, pl.id`;

  /** [month, amount] pairs from the grouped aggregates → one amount per month, 0 where there is none. */
  const byMonth = (items: [number, string][] | null, months: number) => {
    const out = Array.from({ length: months }, () => '0');
    for (const [m, amount] of items ?? []) if (m >= 1 && m <= months) out[m - 1] = amount;
    return out;
  };

  const thresholds = paceThresholds(planYear);
  const deadline = reportDeadline(planYear.year, month, planYear.reportDeadlineDay);
  const today = options.today ?? (await clockToday(db));

  return rows.map((raw): ProjectFigure => {
    const row = { ...raw, planned: byMonth(raw.planned, 12), actual: byMonth(raw.actual, month) };
    const completed = row.actual.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
    const warnings = evaluateProject({
      stage: row.stage,
      annualPlan: row.annualPlan,
      ytd: completed,
      paceMonth: month,
      thresholds,
      plannedStart: toDateOnly(row.plannedStart),
      actualStart: toDateOnly(row.actualStart),
      asOf: { year: planYear.year, month },
      report: { status: row.reportStatus, deadline, today },
      flags: row.flags,
    });
    return {
      plannedByMonth: row.planned,
      actualByMonth: row.actual,
      month,
      planId: row.planId,
      projectId: row.projectId,
      code: row.code,
      name: row.name,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      stage: row.stage,
      annualPlan: row.annualPlan,
      completed,
      percent: row.annualPlan === null ? null : percentOf(completed, row.annualPlan, 2),
      forecast: forecastYearEnd({ plannedByMonth: row.planned, actualByMonth: row.actual, month }),
      warnings,
      level: worstLevel(warnings),
      reportStatus: row.reportStatus,
    };
  });
}
