import 'server-only';
import type { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import type { Tx } from '@/lib/server/audit';
import { PLAN_SELECT, PROJECT_SELECT } from './project-state';

/**
 * A project and its plan of the year as the import compares them: what is stored, and what the file would make
 * of it (money as two-decimal strings, dates as "YYYY-MM-DD"), in the shape the database takes.
 */
export interface ProjectState {
  code: string;
  name: string;
  departmentId: number;
  ownerUnit: string;
  area: string;
  buildType: BuildType;
  scope: string;
  totalInvestment: string;
  plannedStart: string | null;
  plannedCompletion: string | null;
  leaderInCharge: string | null;
}

export interface PlanState {
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  cumulativeBeforeYear: string;
  annualPlan: string | null;
  milestoneTarget: string | null;
  /** twelve amounts, or null for a plan without a monthly split (前期) */
  monthlyPlan: string[] | null;
  /** the profile the split was derived from by an import; null when it was entered (or there is none) */
  monthlySplitDerived: SplitProfile | null;
}

export type ImportDepartment = { id: number; name: string; shortName: string; active: boolean };

/** Departments by the names a sheet may use: short names, and full names, which win over a short name. */
export async function departmentsByName(tx: Tx): Promise<Map<string, ImportDepartment>> {
  const departments = await tx.department.findMany({ select: { id: true, name: true, shortName: true, active: true } });
  const byName = new Map<string, ImportDepartment>();
  for (const d of departments) if (!byName.has(d.shortName)) byName.set(d.shortName, d);
  for (const d of departments) byName.set(d.name, d);
  return byName;
}

const LOAD_CHUNK = 5000;

/** The projects the file names, each with its plan of the year (if any), by code. */
export async function loadExisting(
  tx: Tx,
  codes: readonly string[],
  planYearId: number,
): Promise<Map<string, ExistingProject>> {
  const existing = new Map<string, ExistingProject>();
  for (let i = 0; i < codes.length; i += LOAD_CHUNK) {
    for (const p of await loadChunk(tx, codes.slice(i, i + LOAD_CHUNK), planYearId)) existing.set(p.code, p);
  }
  return existing;
}

function loadChunk(tx: Tx, codes: string[], planYearId: number) {
  return tx.project.findMany({
    where: { code: { in: codes } },
    select: { ...PROJECT_SELECT, plans: { where: { planYearId }, select: PLAN_SELECT } },
  });
}

export type ExistingProject = Awaited<ReturnType<typeof loadChunk>>[number];

/** What is stored, in the import's terms. */
export function storedStates(current: ExistingProject): { project: ProjectState; plan: PlanState | undefined } {
  const currentPlan = current.plans[0];
  const monthly = currentPlan?.monthlyPlan.length
    ? Array.from(
        { length: 12 },
        (_, i) => currentPlan.monthlyPlan.find((m) => m.month === i + 1)?.amount.toFixed(2) ?? '0.00',
      )
    : null;
  return {
    project: {
      code: current.code,
      name: current.name,
      departmentId: current.departmentId,
      ownerUnit: current.ownerUnit,
      area: current.area,
      buildType: current.buildType,
      scope: current.scope,
      totalInvestment: current.totalInvestment.toFixed(2),
      plannedStart: toDateOnly(current.plannedStart),
      plannedCompletion: toDateOnly(current.plannedCompletion),
      leaderInCharge: current.leaderInCharge,
    },
    plan: currentPlan && {
      stage: currentPlan.stage,
      investorType: currentPlan.investorType,
      direction: currentPlan.direction,
      cumulativeBeforeYear: currentPlan.cumulativeBeforeYear.toFixed(2),
      annualPlan: currentPlan.annualPlan?.toFixed(2) ?? null,
      milestoneTarget: currentPlan.milestoneTarget,
      monthlyPlan: monthly,
      monthlySplitDerived: monthly ? currentPlan.monthlySplitDerived : null,
    },
  };
}

export function projectData(p: ProjectState) {
  return {
    code: p.code,
    name: p.name,
    departmentId: p.departmentId,
    ownerUnit: p.ownerUnit,
    area: p.area,
    buildType: p.buildType,
    scope: p.scope,
    totalInvestment: p.totalInvestment,
    plannedStart: fromDateOnly(p.plannedStart),
    plannedCompletion: fromDateOnly(p.plannedCompletion),
    leaderInCharge: p.leaderInCharge,
  };
}

export function planData(p: PlanState) {
  return {
    stage: p.stage,
    investorType: p.investorType,
    direction: p.direction,
    cumulativeBeforeYear: p.cumulativeBeforeYear,
    annualPlan: p.annualPlan,
    milestoneTarget: p.milestoneTarget,
    monthlySplitDerived: p.monthlySplitDerived,
  };
}

export function monthlyItems(planId: number, monthly: string[] | null) {
  return (monthly ?? []).map((amount, i) => ({ planId, month: i + 1, amount }));
}
