/** Measurements a and b: the dashboard's figures and one page of the project list, against their SQL floors. */
import type { BenchContext } from './context';
import type { DbResults } from './measure-db';
import { dashboardFloor, listFloor, type ListFloorParams } from './floors';
import { pair, timed } from './timing';

export async function measureReads(
  ctx: BenchContext,
): Promise<Pick<DbResults, 'dashboard' | 'list' | 'dashboardSummary' | 'listSummary'>> {
  const { db, pool, c, runs, log, leader, planYear, month } = ctx;
  const { getRollup } = await import('../../lib/server/dashboard/get-rollup');
  const { getAttention } = await import('../../lib/server/dashboard/get-attention');
  const { listProjects } = await import('../../lib/server/projects/list-projects');
  const projects = await db.projectPlan.count({ where: { planYearId: planYear.id } });

  // a
  log('a. dashboard rollup …');
  // as the page: the rollup and the attention list side by side
  const appDashboard = () =>
    Promise.all([
      getRollup(db, leader, { year: 2025, month }),
      getAttention(db, leader, { year: 2025, month, basis: 'approved' }),
    ]);
  const appDashboardTiming = await timed(appDashboard, runs);
  const dashboardParams = {
    planYearId: planYear.id,
    year: planYear.year,
    month,
    deadlineDay: planYear.reportDeadlineDay,
  };
  const a = pair(
    appDashboardTiming,
    await timed(() => dashboardFloor(pool, 'reports', dashboardParams), runs),
    'app = getRollup + getAttention side by side, as the page; floor = cuts, pace levels, worst 30, S-curve, timeliness, milestones in SQL, side by side',
  );
  // the same app figures (uncached: the first request after an approval) against the same SQL over the summary
  const aSummary = pair(
    appDashboardTiming,
    await timed(() => dashboardFloor(pool, 'summary', dashboardParams), runs),
    'app = getRollup + getAttention uncached; floor = the same SQL over the maintained "PlanSummary"',
  );

  // b
  log('b. projects list …');
  const biggest = await c.query<{ departmentId: number; n: number }>(
    `SELECT p."departmentId", count(*)::int AS n FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'NEW_START' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    [planYear.id],
  );
  const departmentId = biggest.rows[0]!.departmentId;
  const stages = ['NEW_START'] as const;
  let matched = 0;
  const appList = async () => {
    const list = await listProjects(db, leader, {
      year: 2025,
      page: 1,
      pageSize: 50,
      sort: 'name',
      dir: 'asc',
      departmentIds: [departmentId],
      stages: [...stages],
    });
    matched = list!.total;
  };
  const listParams: ListFloorParams = {
    planYearId: planYear.id,
    through: Math.min(Math.max(planYear.currentMonth - 1, 0), 12),
    currentMonth: planYear.currentMonth,
    departmentId,
    stages: [...stages],
    pageSize: 50,
    red: planYear.paceRedPoints.toString(),
    yellow: planYear.paceYellowPoints.toString(),
  };
  const appListTiming = await timed(appList, runs);
  const b = pair(
    appListTiming,
    await timed(() => listFloor(c, 'reports', listParams), runs),
    'page 1 of 50, the largest department, 新开工, sorted by name (pinyin), with the totals row; the app adds its filter choices, kept under the figures version',
  );
  const bSummary = pair(
    appListTiming,
    await timed(() => listFloor(c, 'summary', listParams), runs),
    'the same page; floor = the same SQL over the maintained "PlanSummary"',
  );

  return {
    dashboard: { ...a, projects },
    list: { ...b, departmentId, stages: [...stages], matched },
    dashboardSummary: aSummary,
    listSummary: bSummary,
  };
}
