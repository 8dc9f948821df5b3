import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import type { CreateProjectValues, UpdateProjectValues } from '@/lib/validations/project';

/**
 * A project and its plan of a year as the edit form's write reads and writes them: the columns it selects, the
 * snapshots the audit trail records (money as two-decimal strings, dates as days, as the form shows them) and the
 * row data it stores.
 */
export const PROJECT_SELECT = {
  id: true,
  code: true,
  name: true,
  departmentId: true,
  ownerUnit: true,
  area: true,
  buildType: true,
  scope: true,
  totalInvestment: true,
  plannedStart: true,
  plannedCompletion: true,
  actualStart: true,
  actualCompletion: true,
  leaderInCharge: true,
  contactName: true,
  contactPhone: true,
} as const satisfies Prisma.ProjectSelect;

export const PLAN_SELECT = {
  id: true,
  version: true,
  stage: true,
  investorType: true,
  direction: true,
  cumulativeBeforeYear: true,
  annualPlan: true,
  milestoneTarget: true,
  monthlySplitDerived: true,
  monthlyPlan: { select: { month: true, amount: true }, orderBy: { month: 'asc' } },
} as const satisfies Prisma.ProjectPlanSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof PROJECT_SELECT }>;
type PlanRow = Prisma.ProjectPlanGetPayload<{ select: typeof PLAN_SELECT }>;
export type ProjectValues = CreateProjectValues | UpdateProjectValues;

/** What the trail records for a project: money as two-decimal strings and dates as days, as the form shows them. */
export function projectSnapshot(row: ProjectRow) {
  return {
    code: row.code,
    name: row.name,
    departmentId: row.departmentId,
    ownerUnit: row.ownerUnit,
    area: row.area,
    buildType: row.buildType,
    scope: row.scope,
    totalInvestment: row.totalInvestment.toFixed(2),
    plannedStart: toDateOnly(row.plannedStart),
    plannedCompletion: toDateOnly(row.plannedCompletion),
    actualStart: toDateOnly(row.actualStart),
    actualCompletion: toDateOnly(row.actualCompletion),
    leaderInCharge: row.leaderInCharge,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
  };
}

export function projectSnapshotOf(input: ProjectValues): ReturnType<typeof projectSnapshot> {
  return {
    code: input.code,
    name: input.name,
    departmentId: input.departmentId,
    ownerUnit: input.ownerUnit,
    area: input.area,
    buildType: input.buildType,
    scope: input.scope,
    totalInvestment: input.totalInvestment,
    plannedStart: input.plannedStart,
    plannedCompletion: input.plannedCompletion,
    actualStart: input.actualStart,
    actualCompletion: input.actualCompletion,
    leaderInCharge: input.leaderInCharge,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  };
}

/** A plan for the trail; the split is twelve amounts, January first, or none for a 前期 project. */
export function planSnapshot(row: PlanRow) {
  return {
    stage: row.stage,
    investorType: row.investorType,
    direction: row.direction,
    cumulativeBeforeYear: row.cumulativeBeforeYear.toFixed(2),
    annualPlan: row.annualPlan?.toFixed(2) ?? null,
    milestoneTarget: row.milestoneTarget,
    monthlyPlan: row.monthlyPlan.map((m) => m.amount.toFixed(2)),
  };
}

export function planSnapshotOf(input: ProjectValues): ReturnType<typeof planSnapshot> {
  const preliminary = input.stage === 'PRELIMINARY';
  return {
    stage: input.stage,
    investorType: input.investorType,
    direction: input.direction,
    cumulativeBeforeYear: input.cumulativeBeforeYear,
    annualPlan: preliminary ? null : input.annualPlan,
    milestoneTarget: input.milestoneTarget,
    // empty months are stored as zero so the twelve rows always add up to the plan
    monthlyPlan: preliminary ? [] : input.monthly.map((m) => m ?? '0.00'),
  };
}

export function projectData(input: ProjectValues) {
  return {
    code: input.code,
    name: input.name,
    departmentId: input.departmentId,
    ownerUnit: input.ownerUnit,
    area: input.area,
    buildType: input.buildType,
    scope: input.scope,
    totalInvestment: input.totalInvestment,
    plannedStart: fromDateOnly(input.plannedStart),
    plannedCompletion: fromDateOnly(input.plannedCompletion),
    actualStart: fromDateOnly(input.actualStart),
    actualCompletion: fromDateOnly(input.actualCompletion),
    leaderInCharge: input.leaderInCharge,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  };
}
