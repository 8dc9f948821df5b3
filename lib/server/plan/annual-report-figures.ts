import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { AnnualReportFigures, NextYearPlanFigures } from '@/lib/domain/annual-report/figures';
import { formatDateOnly } from '@/lib/domain/date-only';
import { PERIODS_PER_YEAR } from '@/lib/domain/indicators/status';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import { today } from '@/lib/server/clock';
import { getRollup, type Rollup } from '@/lib/server/dashboard/get-rollup';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import { SNAPSHOT_VERSION } from './year-snapshot';

/**
 * A closed year's final figures: the approved-basis snapshot the close kept (docs/year-cycle.md), so the report says
 * exactly what was frozen; the live December rollup where there is none of this shape.
 */
async function closedYearRollup(db: Db, actor: Actor, planYearId: number, year: number): Promise<Rollup | null> {
  const snapshot = await db.planYearSnapshot.findFirst({
    where: { planYearId, basis: 'approved', month: 12, version: SNAPSHOT_VERSION },
    orderBy: { id: 'desc' },
    select: { figures: true },
  });
  if (snapshot) return snapshot.figures as unknown as Rollup;
  return getRollup(db, actor, { year, month: 12, basis: 'approved' });
}

/** The next year's plan as section 二(三) counts it; null while it has no projects. */
async function nextYearPlan(db: Db, actor: Actor, year: number): Promise<NextYearPlanFigures | null> {
  // counts and annual plans do not depend on the month
  const rollup = await getRollup(db, actor, { year, month: 1, basis: 'approved' });
  if (!rollup || rollup.projectCount === 0) return null;
  return {
    projectCount: rollup.projectCount,
    construction: { count: rollup.construction.count, annualPlan: rollup.construction.annualPlan },
    stages: rollup.byStage.map((s) => ({ stage: s.key, projectCount: s.count, annualPlan: s.annualPlan })),
    investors: rollup.byInvestor.map((c) => ({ key: c.key, projectCount: c.count, annualPlan: c.annualPlan })),
    directions: rollup.byDirection.map((c) => ({ key: c.key, projectCount: c.count, annualPlan: c.annualPlan })),
  };
}

/**
 * Everything the annual report (issue 19 item 5) says, for one plan year: the key projects at December (a closed
 * year's snapshot; a closing year's live figures, approved reports only, and the report is then a draft), the
 * year's coordination problems at 31 December (or today, if earlier), its indicators with their latest approved
 * figures, and the next year's plan and targets where they are in Keystone. Null for a year that does not exist
 * or has not started (DRAFT). For the bureau and the administrator (`planYear.report`).
 */
export async function getAnnualReportFigures(db: Db, actor: Actor, year: number): Promise<AnnualReportFigures | null> {
  requirePermission(actor, 'planYear.report');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const planYear = await db.planYear.findUnique({ where: { year }, select: { id: true, status: true } });
  if (!planYear || planYear.status === 'DRAFT') return null;
  const final = planYear.status === 'CLOSED';
  const rollup = final
    ? await closedYearRollup(db, actor, planYear.id, year)
    : await getRollup(db, actor, { year, month: 12, basis: 'approved' });
  if (!rollup) return null;

  const yearEnd = formatDateOnly(year, 12, 31);
  const day = await today(db);
  const asOf = day < yearEnd ? day : yearEnd;
  const [problems, indicators, next] = await Promise.all([
    getProblemStats(db, actor, { year, asOf, overdueLimit: 0 }),
    listIndicators(db, actor, { year }),
    db.planYear.findUnique({ where: { year: year + 1 }, select: { year: true } }),
  ]);
  const [nextPlan, nextIndicators] = next
    ? await Promise.all([nextYearPlan(db, actor, next.year), listIndicators(db, actor, { year: next.year })])
    : [null, null];

  return {
    year,
    final,
    execution: {
      projectCount: rollup.projectCount,
      construction: {
        count: rollup.construction.count,
        annualPlan: rollup.construction.annualPlan,
        completed: rollup.construction.completed,
      },
      stages: rollup.byStage.map((s) => ({
        stage: s.key,
        projectCount: s.count,
        annualPlan: s.annualPlan,
        completed: s.completed,
      })),
      starts: { planned: rollup.starts.planned, started: rollup.starts.started },
      completions: { planned: rollup.completions.planned, completed: rollup.completions.completed },
      readyToStart: rollup.preliminary.readyToStart,
    },
    problems: {
      asOf,
      total: problems.total,
      closed: problems.closed,
      overdue: problems.overdue,
      supervisedOverdue: problems.supervisedOverdue,
    },
    indicators: (indicators?.indicators ?? []).map((i) => ({
      seq: i.seq,
      category: i.category,
      name: i.name,
      unit: i.unit,
      nature: i.nature,
      targetText: i.targetText,
      outcome: i.latestApproved
        ? {
            value: i.latestApproved.value,
            period: i.latestApproved.period,
            periodsPerYear: PERIODS_PER_YEAR[i.frequency],
          }
        : null,
      status: i.status,
    })),
    nextYear: {
      year: year + 1,
      plan: nextPlan,
      indicators: (nextIndicators?.indicators ?? []).map((i) => ({
        seq: i.seq,
        category: i.category,
        name: i.name,
        unit: i.unit,
        nature: i.nature,
        previousOutcome: i.previousOutcome,
        targetText: i.targetText,
      })),
    },
  };
}
