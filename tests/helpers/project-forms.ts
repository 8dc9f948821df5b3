/**
 * A stored project as its edit form sends it back (components/projects/project-form.tsx): every field as the form
 * holds it, for the plan of one year. Tests change what the story needs and post it to `updateProject`.
 */
import type { MonthlyPlanItem, Project, ProjectPlan } from '@/generated/prisma/client';
import { toDateOnly } from '@/lib/domain/date-only';

type PlanOfProject = ProjectPlan & { project: Project; monthlyPlan: MonthlyPlanItem[] };

const day = (d: Date | null) => toDateOnly(d) ?? '';

/** The edit form of the plan's project, unchanged, with no reason given; the plan's months in the order given. */
export function projectEditForm(plan: PlanOfProject) {
  const p = plan.project;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    departmentId: p.departmentId,
    ownerUnit: p.ownerUnit,
    area: p.area,
    buildType: p.buildType,
    scope: p.scope,
    totalInvestment: p.totalInvestment.toFixed(2),
    plannedStart: day(p.plannedStart),
    plannedCompletion: day(p.plannedCompletion),
    actualStart: day(p.actualStart),
    actualCompletion: day(p.actualCompletion),
    leaderInCharge: p.leaderInCharge ?? '',
    contactName: p.contactName ?? '',
    contactPhone: p.contactPhone ?? '',
    planYearId: plan.planYearId,
    stage: plan.stage as string,
    investorType: plan.investorType as string,
    direction: plan.direction as string,
    cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
    annualPlan: plan.annualPlan?.toFixed(2) ?? '',
    monthly: plan.monthlyPlan.map((m) => m.amount.toFixed(2)) as (string | null)[],
    milestoneTarget: plan.milestoneTarget ?? '',
    reason: '',
    planVersion: plan.version as number | null,
  };
}
