import 'server-only';
import { MONTHS } from '@/lib/domain/plan-invariants';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { assertClosedYearsKept } from '@/lib/server/projects/closed-year-guard';
import type { WriteContext } from '@/lib/server/write-context';
import type { CreateProjectValues, UpdateProjectValues } from '@/lib/validations/project';
import {
  assertCodeFree,
  assertDepartment,
  assertInvariants,
  assertPlanChangeAllowed,
  codeTaken,
  versionConflict,
} from './project-checks';
import {
  PLAN_SELECT,
  PROJECT_SELECT,
  planSnapshot,
  planSnapshotOf,
  projectData,
  projectSnapshot,
  projectSnapshotOf,
} from './project-state';

/**
 * Creating and editing a project together with its plan for one year. Every rule is checked before anything is
 * written, and the caller's transaction makes the write all-or-nothing: a refused change leaves no row and no
 * audit entry. The invariants are the ones the form checks (lib/domain/plan-invariants.ts), checked again here
 * because the action is a public endpoint.
 */
export interface ProjectWriteResult {
  id: number;
  code: string;
  year: number;
  /** the plan changed, so the year's reconciliation with the published plan may have too */
  planChanged: boolean;
  changed: boolean;
  /** the version of the year's plan after the write, which the next edit must name */
  planVersion: number;
}

async function writeMonthlyPlan(tx: Tx, planId: number, monthlyPlan: string[]) {
  await tx.monthlyPlanItem.deleteMany({ where: { planId } });
  if (monthlyPlan.length === 0) return;
  await tx.monthlyPlanItem.createMany({
    data: monthlyPlan.slice(0, MONTHS).map((amount, i) => ({ planId, month: i + 1, amount })),
  });
}

export async function createProject(ctx: WriteContext<CreateProjectValues>): Promise<ProjectWriteResult> {
  const { tx, input } = ctx;
  ctx.authorize({ departmentId: input.departmentId }, 'department');
  assertInvariants(input);
  await assertDepartment(tx, input.departmentId, null);
  await assertCodeFree(tx, input.code, null);
  const year = await assertPlanChangeAllowed(tx, input, true);

  const project = await tx.project.create({ data: projectData(input), select: PROJECT_SELECT }).catch(codeTaken);
  const plan = planSnapshotOf(input);
  const created = await tx.projectPlan.create({
    data: {
      projectId: project.id,
      planYearId: input.planYearId,
      stage: plan.stage,
      investorType: plan.investorType,
      direction: plan.direction,
      cumulativeBeforeYear: plan.cumulativeBeforeYear,
      annualPlan: plan.annualPlan,
      milestoneTarget: plan.milestoneTarget,
    },
    select: { id: true, version: true },
  });
  await writeMonthlyPlan(tx, created.id, plan.monthlyPlan);

  await ctx.audit({
    action: 'project.create',
    entity: 'Project',
    entityId: project.id,
    before: null,
    after: toAuditRecord(projectSnapshot(project)),
    reason: input.reason,
  });
  await ctx.audit({
    action: 'project.create',
    entity: 'ProjectPlan',
    entityId: created.id,
    before: null,
    after: toAuditRecord({ year: year.year, ...plan }),
    reason: input.reason,
  });
  return {
    id: project.id,
    code: project.code,
    year: year.year,
    planChanged: true,
    changed: true,
    planVersion: created.version,
  };
}

/**
 * Optimistic locking: the form names the version of the year's plan it was filled from, and any change to the
 * project or that plan bumps the version, so a form filled before someone else's save is refused instead of
 * silently overwriting it.
 */
export async function updateProject(ctx: WriteContext<UpdateProjectValues>): Promise<ProjectWriteResult> {
  const { tx, input } = ctx;
  // the row lock makes the "before" in the trail the state this change really replaced, and serialises the
  // version check against a concurrent edit of the same project
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${input.id} FOR UPDATE`;
  const current = await tx.project.findUnique({ where: { id: input.id }, select: PROJECT_SELECT });
  ctx.authorize(current, 'project');
  // the new department must be one the actor may give projects to, too
  ctx.authorize({ departmentId: input.departmentId }, 'department');
  if (!current) throw new NotFoundError('project');

  const existingPlan = await tx.projectPlan.findUnique({
    where: { projectId_planYearId: { projectId: current.id, planYearId: input.planYearId } },
    select: PLAN_SELECT,
  });
  if ((existingPlan?.version ?? null) !== input.planVersion) versionConflict();

  assertInvariants(input);
  await assertDepartment(tx, input.departmentId, current.departmentId);
  await assertCodeFree(tx, input.code, current.id);

  const planBefore = existingPlan ? planSnapshot(existingPlan) : null;
  const planAfter = planSnapshotOf(input);
  const planDiff = planBefore ? diffRecords(planBefore, planAfter) : null;
  const planChanged = planDiff === null || planDiff.changed.length > 0;
  const year = await assertPlanChangeAllowed(tx, input, planChanged);
  // the project's department, area and actual dates are read by the figures of every year it has a plan in,
  // closed ones too (lib/domain/closed-years.ts)
  await assertClosedYearsKept(tx, current, {
    departmentId: input.departmentId,
    area: input.area,
    actualStart: input.actualStart,
    actualCompletion: input.actualCompletion,
  });

  const projectBefore = projectSnapshot(current);
  const projectDiff = diffRecords(projectBefore, projectSnapshotOf(input));
  let planVersion = existingPlan?.version ?? 1;
  if (projectDiff.changed.length > 0) {
    await tx.project.update({ where: { id: current.id }, data: projectData(input) }).catch(codeTaken);
    await ctx.audit({
      action: 'project.update',
      entity: 'Project',
      entityId: current.id,
      before: projectDiff.before,
      after: projectDiff.after,
      reason: input.reason,
    });
  }

  if (planChanged) {
    const splitEdited = !planDiff || planDiff.changed.includes('monthlyPlan');
    const fields = {
      stage: planAfter.stage,
      investorType: planAfter.investorType,
      direction: planAfter.direction,
      cumulativeBeforeYear: planAfter.cumulativeBeforeYear,
      annualPlan: planAfter.annualPlan,
      milestoneTarget: planAfter.milestoneTarget,
      // a split an import derived becomes the bureau's own once edited: the next import keeps it
      ...(splitEdited ? { monthlySplitDerived: null } : {}),
    };
    const plan = existingPlan
      ? await tx.projectPlan.update({
          where: { id: existingPlan.id },
          data: { ...fields, version: { increment: 1 } },
          select: { id: true, version: true },
        })
      : await tx.projectPlan.create({
          data: { ...fields, projectId: current.id, planYearId: input.planYearId },
          select: { id: true, version: true },
        });
    planVersion = plan.version;
    if (splitEdited) await writeMonthlyPlan(tx, plan.id, planAfter.monthlyPlan);
    await ctx.audit({
      action: 'project.update',
      entity: 'ProjectPlan',
      entityId: plan.id,
      before: planDiff ? planDiff.before : null,
      after: planDiff ? planDiff.after : toAuditRecord({ year: year.year, ...planAfter }),
      reason: input.reason,
    });
  } else if (existingPlan && projectDiff.changed.length > 0) {
    // only the project's own fields changed; the version still moves, so a form filled before this sees them
    const bumped = await tx.projectPlan.update({
      where: { id: existingPlan.id },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    planVersion = bumped.version;
  }

  return {
    id: current.id,
    code: input.code,
    year: year.year,
    planChanged,
    changed: planChanged || projectDiff.changed.length > 0,
    planVersion,
  };
}
