import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import type { Db } from '@/lib/prisma';
import { yearOnYearRate } from '@/lib/domain/year-on-year';
import type { RollupBasis, YearOnYear } from './rollup-types';
import { ytdSql } from './summary-sql';

/** The previous plan year's 1-N月 completed, district-wide (or one department's) and per stage, 万元. */
export interface PreviousYearCompleted {
  previousYear: number;
  previousCompleted: string;
  byStage: { stage: Stage; previousCompleted: string }[];
}

/**
 * 同比 for a rollup: the previous plan year's 1-N月 completed (same months, same basis), the district's (or one
 * department's) and per stage, beside this year's, read from the maintained per-plan summary (./summary-sql.ts) as the
 * rest of the rollup is: one array slot per plan, whatever the number of reports.
 *
 * The previous year is compared as it was planned: its own projects and its own stages (the 续建 of 2025 were the
 * 续建 and 新开工 of 2024), and a department's line counts the projects the department holds, as the rollup's do. Null
 * when the previous year is not in Keystone.
 */
export async function sumPreviousYearCompleted(
  db: Db,
  options: {
    year: number;
    month: number;
    /** the rollup's basis: the same basis in both years */
    basis: RollupBasis;
    departmentId?: number;
  },
): Promise<PreviousYearCompleted | null> {
  const onlyDepartment =
    options.departmentId === undefined
      ? Prisma.empty
      : Prisma.sql`AND pp."projectId" IN (SELECT id FROM "Project" WHERE "departmentId" = ${options.departmentId})`;
  const rows = await db.$queryRaw<{ total: number; years: number; stage: Stage | null; completed: string }[]>`
    SELECT GROUPING(pp.stage)::int AS total, count(DISTINCT y.id)::int AS years, pp.stage,
           COALESCE(sum(${ytdSql(options.basis, options.month)}), 0)::numeric(18, 2)::text AS completed
      FROM "PlanYear" y
      LEFT JOIN "ProjectPlan" pp ON pp."planYearId" = y.id ${onlyDepartment}
      LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
     WHERE y.year = ${options.year - 1}
     GROUP BY GROUPING SETS ((pp.stage), ())`;
  const all = rows.find((r) => r.total === 1);
  if (!all?.years) return null;
  const total = all.completed;
  const STAGES: Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
  return {
    previousYear: options.year - 1,
    previousCompleted: total,
    byStage: STAGES.map((stage) => ({
      stage,
      previousCompleted: rows.find((r) => r.total === 0 && r.stage === stage)?.completed ?? '0.00',
    })),
  };
}

/** This year's figures against the previous year's sums: the rates, exact, rounded once. */
export function withRates(
  previous: PreviousYearCompleted | null,
  current: { completed: string; byStage: readonly { key: Stage; completed: string }[] },
): YearOnYear | null {
  if (!previous) return null;
  return {
    previousYear: previous.previousYear,
    previousCompleted: previous.previousCompleted,
    percent: yearOnYearRate(current.completed, previous.previousCompleted),
    byStage: previous.byStage.map((s) => ({
      ...s,
      percent: yearOnYearRate(current.byStage.find((c) => c.key === s.stage)?.completed ?? '0.00', s.previousCompleted),
    })),
  };
}
