import 'server-only';
import Decimal from 'decimal.js';
import { Prisma } from '@/generated/prisma/client';
import type { ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { chongqingToday, reportDeadline } from '@/lib/domain/deadlines';
import { forecastYearEnd, type ForecastInput, type YearEndForecast } from '@/lib/domain/forecast';
import { evaluateProject, paceThresholds, worstLevel, type Warning, type WarningSeverity } from '@/lib/domain/warnings';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { amountSql, type RollupBasis } from './get-rollup';

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
  /** "today" in Chongqing, for the deadline rule; the real today by default */
  today?: string;
}

/**
 * Each project's figures for the year through month N, its year-end forecast and its warnings, from the same
 * amounts as the rollup (one query; monthly plan and actuals as 12-element arrays). Rollups are district-wide
 * figures every role may read, like the dashboard's cuts.
 */
export async function getProjectFigures(db: Db, actor: Actor, options: ProjectFiguresOptions): Promise<ProjectFigure[]> {
  departmentScope(actor, 'rollup.read');
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: { id: true, year: true, reportDeadlineDay: true, paceYellowPoints: true, paceRedPoints: true },
  });
  if (!planYear) return [];
  const { month } = options;
  const amount = amountSql(options.basis);
  const department = options.departmentId === undefined ? Prisma.empty : Prisma.sql`AND p."departmentId" = ${options.departmentId}`;

  const rows = await db.$queryRaw<
    {
      planId: number; projectId: number; code: string; name: string; departmentId: number; departmentName: string;
      stage: Stage; annualPlan: string | null; plannedStart: Date | null; actualStart: Date | null;
      planned: string[]; actual: string[]; reportStatus: ReportStatus | null; flags: string[];
    }[]
  >`
    SELECT pp.id AS "planId", p.id AS "projectId", p.code, p.name, p."departmentId", d.name AS "departmentName",
           pp.stage, pp."annualPlan"::text AS "annualPlan", p."plannedStart", p."actualStart",
           ARRAY(SELECT COALESCE(i.amount, 0)::text FROM generate_series(1, 12) g(m)
                   LEFT JOIN "MonthlyPlanItem" i ON i."planId" = pp.id AND i.month = g.m ORDER BY g.m) AS planned,
           ARRAY(SELECT COALESCE((SELECT ${amount} FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.month = g.m), 0)::text
                   FROM generate_series(1, ${month}) g(m) ORDER BY g.m) AS actual,
           cur.status AS "reportStatus", COALESCE(cur.flags, '{}') AS flags
      FROM "ProjectPlan" pp
      JOIN "Project" p ON p.id = pp."projectId"
      JOIN "Department" d ON d.id = p."departmentId"
      LEFT JOIN "MonthlyReport" cur ON cur."planId" = pp.id AND cur.month = ${month}
     WHERE pp."planYearId" = ${planYear.id} ${department}
     ORDER BY d."sortOrder", p.name`;

  const thresholds = paceThresholds(planYear);
  const deadline = reportDeadline(planYear.year, month, planYear.reportDeadlineDay);
  const today = options.today ?? chongqingToday(new Date());
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

  return rows.map((row): ProjectFigure => {
    const completed = row.actual.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
    const warnings = evaluateProject({
      stage: row.stage,
      annualPlan: row.annualPlan,
      ytd: completed,
      paceMonth: month,
      thresholds,
      plannedStart: iso(row.plannedStart),
      actualStart: iso(row.actualStart),
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
      percent:
        row.annualPlan && !new Decimal(row.annualPlan).isZero()
          ? new Decimal(completed).times(100).dividedBy(row.annualPlan).toFixed(2, Decimal.ROUND_HALF_UP)
          : null,
      forecast: forecastYearEnd({ plannedByMonth: row.planned, actualByMonth: row.actual, month }),
      warnings,
      level: worstLevel(warnings),
      reportStatus: row.reportStatus,
    };
  });
}
