import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { approvedFigure } from '@/lib/domain/approved-figure';
import type { Db } from '@/lib/prisma';
import { getRollupCached } from '@/lib/server/dashboard/figures-cache';
import type { RollupBasis } from '@/lib/server/dashboard/get-rollup';
import { resolvePlanYear } from '@/lib/server/plan/resolve-plan-year';
import { getProject, type ProjectDetail } from '@/lib/server/projects/get-project';
import { listProjects } from '@/lib/server/projects/list-projects';
import type { ApiProjectListQuery } from '@/lib/validations/api';
import type { ApiProject, ApiProjectList, ApiRollup } from './response-schemas';

/**
 * The API's resources, each built by the same data-access function the pages use (with the API's actor), so a
 * figure read here is the figure on the dashboard, the project list or the project page. Only the shape differs:
 * money stays the exact decimal string in 万元 the database summed, labelled with `unit`. Each answer is typed by
 * its schema in response-schemas.ts, the schema the OpenAPI document describes it with.
 */

export const MONEY_UNIT = '万元';

/** null when the plan year does not exist. */
export async function rollupResource(
  db: Db,
  actor: Actor,
  options: { year: number; month?: number; basis?: RollupBasis },
): Promise<ApiRollup | null> {
  const rollup = await getRollupCached(db, actor, options);
  return rollup ? { unit: MONEY_UNIT, ...rollup } : null;
}

/** null when the plan year does not exist. */
export async function projectListResource(
  db: Db,
  actor: Actor,
  query: ApiProjectListQuery,
): Promise<ApiProjectList | null> {
  const year = (await resolvePlanYear(db, actor, query.year))?.year ?? null;
  if (year === null) return null;
  const list = await listProjects(db, actor, {
    year,
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    dir: query.dir,
    q: query.q,
    stages: query.stage,
    investorTypes: query.investor,
    directions: query.direction,
    departmentIds: query.department,
    areas: query.area,
    warnings: query.warning,
  });
  if (!list) return null;
  return {
    data: list.items,
    page: list.page,
    pageSize: list.pageSize,
    total: list.total,
    year: list.year,
    ytdThroughMonth: list.ytdThroughMonth,
    totals: list.totals,
    unit: MONEY_UNIT,
  };
}

function toApiProject(detail: ProjectDetail): ApiProject {
  // contact names and phone numbers are people's details, kept to the signed-in pages
  const { id: _id, departmentId, departmentName, plan, contactName: _name, contactPhone: _phone, ...project } = detail;
  return {
    ...project,
    // the milestones' row ids are the pages' (their documents), not part of the API's contract
    milestones: project.milestones.map(({ id: _milestoneId, ...milestone }) => milestone),
    department: { id: departmentId, name: departmentName },
    plan: plan && {
      year: plan.year,
      planYearStatus: plan.planYearStatus,
      currentMonth: plan.currentMonth,
      stage: plan.stage,
      investorType: plan.investorType,
      direction: plan.direction,
      cumulativeBeforeYear: plan.cumulativeBeforeYear,
      annualPlan: plan.annualPlan,
      milestoneTarget: plan.milestoneTarget,
      totals: plan.totals,
      months: Array.from({ length: 12 }, (_, i) => {
        const month = i + 1;
        const report = plan.reports.find((r) => r.month === month);
        return {
          month,
          planned: plan.monthlyPlan.find((m) => m.month === month)?.amount ?? null,
          reported: report?.investedThisMonth ?? null,
          status: report?.status ?? null,
          approved: report ? approvedFigure(report) : null,
        };
      }),
    },
    unit: MONEY_UNIT,
  };
}

export type ProjectResourceResult = { ok: true; project: ApiProject } | { ok: false; missing: 'project' | 'year' };

/**
 * A project by its code, with its plan of the year asked for (by default the year the pages show). getProject
 * decides what the actor may read, exactly as for the project page.
 */
export async function projectResource(
  db: Db,
  actor: Actor,
  code: string,
  year: number | undefined,
): Promise<ProjectResourceResult> {
  if (year !== undefined && !(await resolvePlanYear(db, actor, year))) return { ok: false, missing: 'year' };
  const found = await db.project.findUnique({ where: { code }, select: { id: true } });
  if (!found) return { ok: false, missing: 'project' };
  const detail = await getProject(db, actor, { id: found.id, year });
  return { ok: true, project: toApiProject(detail) };
}
