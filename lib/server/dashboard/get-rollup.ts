import 'server-only';
import Decimal from 'decimal.js';
import { Prisma } from '@/generated/prisma/client';
import type { Direction, InvestorType, MilestoneKind, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { paceGapPoints, pacePercent, percentOf } from '@/lib/domain/pace';
import { canReadSubmitted } from '@/lib/auth/permissions';
import { departmentScope } from '@/lib/server/authorize';
import { ForbiddenError } from '@/lib/server/errors';
import type { DepartmentCut, Rollup, RollupBasis, RollupCut, RollupOptions } from './rollup-types';
import { slot, ytdSql } from './summary-sql';
import { sumPreviousYearCompleted, withRates } from './year-on-year';

export type {
  RollupBasis,
  RollupCut,
  DepartmentCut,
  RollupMonth,
  Rollup,
  RollupOptions,
  YearOnYear,
} from './rollup-types';

/**
 * Figures on the submitted basis hold amounts the bureau has not approved yet: a department may read them for its
 * own projects only (rollup.readSubmitted), so district-wide or another department's they are refused.
 */
export function assertBasisReadable(actor: Actor, basis: RollupBasis | undefined, departmentId?: number): void {
  if (basis === 'submitted' && !canReadSubmitted(actor, departmentId)) throw new ForbiddenError();
}

/** completed ÷ plan etc. as a display percentage: 2 decimals, half up; null without a whole. */
const pct = (part: string | number, whole: string | number) => percentOf(part, whole, 2);

/** The month a rollup is for: the month asked, or the last closed month (currentMonth − 1, at least 1). */
export function rollupMonth(planYear: { currentMonth: number }, month?: number): number {
  return month ?? Math.max(planYear.currentMonth - 1, 1);
}

/** The last day of month N, the day "by the end of the month" is measured against. */
function endOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/** Running totals of months 1–12 → each month's own amount, exactly (the S-curve's points). */
function monthlyOf(running: string[]): string[] {
  return running.map((v, i) => new Decimal(v).minus(i === 0 ? 0 : running[i - 1]!).toFixed(2));
}

/**
 * Every cut of the district's year through month N, as the dashboard, the bulletin and the API show it. All sums
 * are done by PostgreSQL in one pass over the year's plans (GROUPING SETS) and their maintained figures
 * ("PlanSummary": a plan's months 1…N are one array slot, no report is read), so each figure is the same exact sum
 * wherever it appears. Rollups of approved figures are aggregates every role may read (`rollup.read`); on the
 * submitted basis they need `rollup.readSubmitted` for every department they cover.
 */
export async function getRollup(db: Db, actor: Actor, options: RollupOptions): Promise<Rollup | null> {
  departmentScope(actor, 'rollup.read');
  assertBasisReadable(actor, options.basis, options.departmentId);
  const planYear = await db.planYear.findUnique({
    where: { year: options.year },
    select: {
      id: true,
      year: true,
      currentMonth: true,
      reportDeadlineDay: true,
      paceYellowPoints: true,
      paceRedPoints: true,
    },
  });
  if (!planYear) return null;
  const month = rollupMonth(planYear, options.month);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const basis = options.basis ?? 'approved';
  const ytd = ytdSql(basis, month);
  const running = basis === 'approved' ? Prisma.sql`s."approvedYtd"` : Prisma.sql`s."submittedYtd"`;
  const monthEnd = endOfMonth(planYear.year, month);
  // over the alias pp ("ProjectPlan") of every statement below
  const onlyDepartment =
    options.departmentId === undefined
      ? Prisma.empty
      : Prisma.sql`AND pp."projectId" IN (SELECT id FROM "Project" WHERE "departmentId" = ${options.departmentId})`;

  type CutRow = {
    g_construction: number;
    g_stage: number;
    g_investor: number;
    g_direction: number;
    g_department: number;
    g_area: number;
    stage: Stage | null;
    investorType: InvestorType | null;
    direction: Direction | null;
    departmentId: number | null;
    departmentName: string | null;
    area: string | null;
    construction: boolean | null;
    n: number;
    plan: string;
    completed: string;
    started: number;
    completedCount: number;
    /** the plans' reports of months 1…N submitted by their deadline, from the summary */
    onTime: number;
  };
  const [cuts, monthly, milestones, previousYear] = await Promise.all([
    db.$queryRaw<CutRow[]>`
    WITH plans AS (
      SELECT pp.id, pp.stage, pp."investorType", pp.direction, pp."annualPlan",
             p."departmentId", d.name AS "departmentName", d."sortOrder", p.area, p."actualStart", p."actualCompletion",
             pp.stage <> 'PRELIMINARY' AS construction, ${ytd} AS completed,
             COALESCE(s."onTimeYtd"[${slot(month)}], 0) AS "onTime"
        FROM "ProjectPlan" pp
        JOIN "Project" p ON p.id = pp."projectId"
        JOIN "Department" d ON d.id = p."departmentId"
        LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
       WHERE pp."planYearId" = ${planYear.id} ${onlyDepartment}
    )
    SELECT GROUPING(pl.construction)::int AS g_construction, GROUPING(pl.stage)::int AS g_stage, GROUPING(pl."investorType")::int AS g_investor,
           GROUPING(pl.direction)::int AS g_direction, GROUPING(pl."departmentId", pl."departmentName")::int AS g_department,
           GROUPING(pl.area)::int AS g_area,
           pl.stage, pl."investorType", pl.direction, pl."departmentId", pl."departmentName", pl.area, pl.construction,
           count(*)::int AS n,
           COALESCE(sum(pl."annualPlan"), 0)::numeric(18, 2)::text AS plan,
           COALESCE(sum(pl.completed), 0)::numeric(18, 2)::text AS completed,
           (count(*) FILTER (WHERE pl.stage = 'NEW_START' AND pl."actualStart" <= ${monthEnd}::date))::int AS started,
           (count(*) FILTER (WHERE pl.stage = 'COMPLETION' AND pl."actualCompletion" <= ${monthEnd}::date))::int AS "completedCount",
           sum(pl."onTime")::int AS "onTime"
      FROM plans pl
     -- investor and direction cuts are split by construction / 前期: the plan report counts construction projects
     GROUP BY GROUPING SETS ((pl.stage), (pl.construction, pl."investorType"), (pl.construction, pl.direction),
                             (pl.construction), (pl."departmentId", pl."departmentName"), (pl.area), ())`,
    // the S-curve: months 1…m summed over the plans in one pass, each month's own amount is the difference
    db.$queryRaw<{ planned: string[]; actual: string[] }[]>`
      SELECT ARRAY[${Prisma.join(
        Array.from({ length: 12 }, (_, i) => Prisma.sql`COALESCE(sum(s."plannedYtd"[${slot(i + 1)}]), 0)`),
      )}]::numeric(18, 2)[]::text[] AS planned,
             ARRAY[${Prisma.join(
               Array.from({ length: 12 }, (_, i) => Prisma.sql`COALESCE(sum(${running}[${slot(i + 1)}]), 0)`),
             )}]::numeric(18, 2)[]::text[] AS actual
        FROM "ProjectPlan" pp JOIN "PlanSummary" s ON s."planId" = pp.id
       WHERE pp."planYearId" = ${planYear.id} ${onlyDepartment}`,
    // 前期 milestones: each kind's reached count in one pass over the milestones (a subquery per kind read them
    // all once per kind: 0.18 s at 100,000 projects)
    db.$queryRaw<{ kind: MilestoneKind | null; reached: number; total: number; ready: number }[]>`
      WITH pre AS MATERIALIZED (
        SELECT pp."projectId", s."readyToStart"[${slot(month)}] IS TRUE AS ready FROM "ProjectPlan" pp
          LEFT JOIN "PlanSummary" s ON s."planId" = pp.id
         WHERE pp."planYearId" = ${planYear.id} AND pp.stage = 'PRELIMINARY' ${onlyDepartment}
      ), done AS (
        SELECT pm."projectId", pm.kind FROM "PreliminaryMilestone" pm JOIN pre ON pre."projectId" = pm."projectId"
         WHERE pm.status = 'DONE' AND pm."actualDate" <= ${monthEnd}::date
      ), reached AS (
        SELECT kind, count(*)::int AS n FROM done GROUP BY kind
      )
      SELECT k.kind, COALESCE(r.n, 0)::int AS reached,
             (SELECT count(*) FROM pre)::int AS total,
             (SELECT count(*) FROM pre
               WHERE pre.ready OR pre."projectId" IN (SELECT "projectId" FROM done WHERE kind = 'CONSTRUCTION_PERMIT'))::int AS ready
        FROM unnest(enum_range(NULL::"MilestoneKind")) AS k(kind) LEFT JOIN reached r ON r.kind = k.kind
       ORDER BY k.kind`,
    sumPreviousYearCompleted(db, { year: planYear.year, month, basis, departmentId: options.departmentId }),
  ]);

  const cut = <K extends string | number>(key: K, label: string, row: CutRow): RollupCut<K> => ({
    key,
    label,
    count: row.n,
    annualPlan: row.plan,
    completed: row.completed,
    percent: pct(row.completed, row.plan),
  });
  const total = cuts.find(
    (c) => c.g_construction && c.g_stage && c.g_investor && c.g_direction && c.g_department && c.g_area,
  );
  const only = (flag: keyof Pick<CutRow, 'g_stage' | 'g_investor' | 'g_direction' | 'g_department' | 'g_area'>) =>
    cuts.filter((c) => c[flag] === 0);
  // the investor and direction lines of construction projects (the 前期 halves of those sets are byStage's line)
  const constructionOnly = (flag: 'g_investor' | 'g_direction') => only(flag).filter((c) => c.construction === true);
  const constructionTotal = cuts.find(
    (c) => c.g_construction === 0 && c.g_investor && c.g_direction && c.construction === true,
  );
  // ties (two departments at 100.00%) in the order of their keys: the SQL groups come in no fixed order, and a
  // ranking must read the same on every request, in the bulletin and after a restore
  const byKey = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
  const byPercentDesc = <T extends RollupCut<string | number>>(a: T, b: T) =>
    new Decimal(b.percent ?? -1).comparedTo(a.percent ?? -1) || byKey(a.key, b.key);

  const stageRows = only('g_stage');
  const newStarts = stageRows.find((r) => r.stage === 'NEW_START');
  const completionsRow = stageRows.find((r) => r.stage === 'COMPLETION');
  const annualPlan = total?.plan ?? '0.00';
  const completed = total?.completed ?? '0.00';
  const percentOfPlan = pct(completed, annualPlan) ?? '0.00';
  const pace = pacePercent(month);

  const plannedByMonth = monthlyOf(monthly[0]!.planned);
  const actualByMonth = monthlyOf(monthly[0]!.actual);

  const STAGE_ORDER: Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
  const byStage = STAGE_ORDER.flatMap((s) => {
    const row = stageRows.find((r) => r.stage === s);
    return row ? [cut(s, s, row)] : [];
  });
  return {
    year: planYear.year,
    month,
    basis,
    currentMonth: planYear.currentMonth,
    projectCount: total?.n ?? 0,
    annualPlan,
    completed,
    percentOfPlan,
    pacePercent: pace,
    gapPoints: paceGapPoints(completed, annualPlan, month) ?? paceGapPoints(0, 1, month)!,
    byStage,
    starts: {
      planned: newStarts?.n ?? 0,
      started: newStarts?.started ?? 0,
      percent: pct(newStarts?.started ?? 0, newStarts?.n ?? 0),
    },
    completions: {
      planned: completionsRow?.n ?? 0,
      completed: completionsRow?.completedCount ?? 0,
      percent: pct(completionsRow?.completedCount ?? 0, completionsRow?.n ?? 0),
    },
    construction: {
      count: constructionTotal?.n ?? 0,
      annualPlan: constructionTotal?.plan ?? '0.00',
      completed: constructionTotal?.completed ?? '0.00',
      percent: pct(constructionTotal?.completed ?? '0.00', constructionTotal?.plan ?? '0.00'),
    },
    byInvestor: constructionOnly('g_investor')
      .map((r) => cut(r.investorType!, r.investorType!, r))
      .sort(byPercentDesc),
    byDirection: constructionOnly('g_direction')
      .map((r) => cut(r.direction!, r.direction!, r))
      .sort(byPercentDesc),
    byDepartment: only('g_department')
      .map((r): DepartmentCut => {
        // Timeliness: a report is on time when submitted (Chongqing calendar day) by day D of the following
        // month; each of the department's plans owes one report for each of months 1…N
        const due = r.n * month;
        return {
          ...cut(r.departmentId!, r.departmentName!, r),
          reportsDue: due,
          reportsOnTime: r.onTime,
          onTimePercent: pct(r.onTime, due),
        };
      })
      .sort(byPercentDesc),
    byArea: only('g_area')
      .map((r) => cut(r.area!, r.area!, r))
      .sort(byPercentDesc),
    preliminary: {
      total: milestones[0]?.total ?? 0,
      milestones: milestones.map((m) => ({ kind: m.kind!, reached: m.reached })),
      readyToStart: milestones[0]?.ready ?? 0,
    },
    monthly: plannedByMonth.map((planned, i) => ({
      month: i + 1,
      planned,
      actual: i + 1 <= month ? actualByMonth[i]! : null,
    })),
    thresholds: { yellowPoints: planYear.paceYellowPoints.toFixed(2), redPoints: planYear.paceRedPoints.toFixed(2) },
    yearOnYear: withRates(previousYear, { completed, byStage }),
  };
}

/**
 * An investor or direction cut as the tables print it: the construction projects' lines, then the 前期 projects
 * in a line of their own (byStage's), so the table still adds up to the district's total. A bulletin frozen before
 * the counting rule (its rollup has no `construction`) counted 前期 projects inside its lines and stays as it was.
 */
export function withPreliminaryLine<K extends string>(
  cuts: readonly RollupCut<K>[],
  rollup: Pick<Rollup, 'byStage'> & { construction?: unknown },
): RollupCut<K | 'PRELIMINARY'>[] {
  if (rollup.construction === undefined) return [...cuts];
  return [...cuts, ...rollup.byStage.filter((s) => s.key === 'PRELIMINARY' && s.count > 0)] as RollupCut<
    K | 'PRELIMINARY'
  >[];
}
