import 'server-only';
import { closedYearViolations } from '@/lib/domain/closed-years';
import { deriveMonthlySplit, type SplitProfile } from '@/lib/domain/monthly-split';
import { splitDifference } from '@/lib/domain/plan-invariants';
import { COLUMN_BY_KEY, type ProjectSheetRow, type SheetIssue } from '@/lib/domain/project-sheet';
import { planIssues } from '@/lib/domain/project-sheet/plan-issues';
import {
  storedStates,
  type ExistingProject,
  type ImportDepartment,
  type PlanState,
  type ProjectState,
} from './import-state';

export interface PlannedCreate {
  row: ProjectSheetRow;
  project: ProjectState;
  plan: PlanState;
}

export interface PlannedUpdate extends PlannedCreate {
  id: number;
  planId: number | null;
  projectFields: string[];
  planFields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** What importing the rows would do; nothing is written while `errors` has one. */
export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  errors: SheetIssue[];
}

export interface ImportContext {
  byName: ReadonlyMap<string, ImportDepartment>;
  existing: ReadonlyMap<string, ExistingProject>;
  /** project id → the last closed year it has a plan in */
  closedYears: ReadonlyMap<number, number>;
  /** the year's profile, for the rows of a file without a monthly split */
  split: { profile: SplitProfile; weights: readonly string[] };
}

const issueAt = (
  row: number,
  column: string,
  message: SheetIssue['message'],
  params?: Record<string, string>,
): SheetIssue => ({
  row,
  column,
  message,
  ...(params ? { params } : {}),
});

function changedKeys<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as (keyof T)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map(String);
}

/**
 * The monthly split of a row: the file's own; else the stored one if someone entered it and it still adds up to the
 * plan; else derived from the year's profile (which also re-derives a split an earlier import derived, so a changed
 * profile or plan takes effect). A derived split says which profile it came from.
 */
function monthlySplit(
  row: ProjectSheetRow,
  stored: PlanState | undefined,
  split: ImportContext['split'],
): Pick<PlanState, 'monthlyPlan' | 'monthlySplitDerived'> {
  if (row.stage === 'PRELIMINARY') return { monthlyPlan: null, monthlySplitDerived: null };
  if (row.monthlyPlan) return { monthlyPlan: row.monthlyPlan, monthlySplitDerived: null };
  const kept = stored?.monthlyPlan;
  if (kept && !stored.monthlySplitDerived && splitDifference(row.annualPlan, kept)?.isZero())
    return { monthlyPlan: kept, monthlySplitDerived: null };
  if (row.annualPlan === null) return { monthlyPlan: kept ?? null, monthlySplitDerived: null };
  return {
    monthlyPlan: deriveMonthlySplit(row.annualPlan, split.profile, split.weights),
    monthlySplitDerived: split.profile,
  };
}

/** The row over what is stored: a column the file does not have keeps the stored value. */
function merged(
  row: ProjectSheetRow,
  departmentId: number,
  stored: ReturnType<typeof storedStates> | undefined,
  split: ImportContext['split'],
) {
  const current = stored?.project;
  const project: ProjectState = {
    code: row.code,
    name: row.name,
    departmentId,
    ownerUnit: row.ownerUnit ?? current?.ownerUnit ?? '',
    area: row.area ?? current?.area ?? '',
    buildType: row.buildType ?? current?.buildType ?? (row.stage === 'ONGOING' ? 'CONTINUED' : 'NEW'),
    scope: row.scope ?? current?.scope ?? '',
    totalInvestment: row.totalInvestment,
    plannedStart: row.plannedStart === undefined ? (current?.plannedStart ?? null) : row.plannedStart,
    plannedCompletion:
      row.plannedCompletion === undefined ? (current?.plannedCompletion ?? null) : row.plannedCompletion,
    leaderInCharge: row.leaderInCharge === undefined ? (current?.leaderInCharge ?? null) : row.leaderInCharge,
  };
  const plan: PlanState = {
    stage: row.stage,
    investorType: row.investorType,
    direction: row.direction,
    cumulativeBeforeYear: row.cumulativeBeforeYear ?? stored?.plan?.cumulativeBeforeYear ?? '0.00',
    annualPlan: row.annualPlan,
    milestoneTarget: row.milestoneTarget === undefined ? (stored?.plan?.milestoneTarget ?? null) : row.milestoneTarget,
    ...monthlySplit(row, stored?.plan, split),
  };
  return { project, plan };
}

/**
 * The plan rules again, now with what is stored filled in for the columns the file does not have: the shared
 * rules (lib/domain/plan-invariants.ts, as the project form checks them). A plan always has a split here: the
 * file's, the stored one or a derived one.
 */
function ruleIssues(row: number, project: ProjectState, plan: PlanState): SheetIssue[] {
  return planIssues(row, {
    ...plan,
    monthly: plan.monthlyPlan ?? [],
    totalInvestment: project.totalInvestment,
    plannedStart: project.plannedStart,
    plannedCompletion: project.plannedCompletion,
    actualStart: null,
    actualCompletion: null,
  });
}

/** Decides, row by row, what the import would create, change or leave, and what stops it. */
export function planImport(rows: readonly ProjectSheetRow[], context: ImportContext): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, errors: [] };
  const departmentColumn = COLUMN_BY_KEY.department.header;

  for (const row of rows) {
    const department = context.byName.get(row.department.replace(/[\s\u3000]/g, ''));
    if (!department || !department.active) {
      plan.errors.push(
        issueAt(row.row, departmentColumn, department ? 'departmentInactive' : 'departmentUnknown', {
          value: row.department,
        }),
      );
      continue;
    }
    const current = context.existing.get(row.code);
    const stored = current && storedStates(current);
    const after = merged(row, department.id, stored, context.split);
    const broken = ruleIssues(row.row, after.project, after.plan);
    if (broken.length) {
      plan.errors.push(...broken);
      continue;
    }
    if (!current || !stored) {
      plan.creates.push({ row, ...after });
      continue;
    }
    // department and area are read by the figures of every year a project has a plan in, closed ones too
    const closedYear = context.closedYears.get(current.id);
    const held =
      closedYear === undefined
        ? []
        : closedYearViolations(
            closedYear,
            { ...stored.project, actualStart: null, actualCompletion: null },
            after.project,
          );
    if (held.length) {
      for (const field of held) {
        const column = field === 'departmentId' ? departmentColumn : COLUMN_BY_KEY.area.header;
        plan.errors.push(issueAt(row.row, column, 'closedYearLocked', { year: String(closedYear) }));
      }
      continue;
    }
    const projectFields = changedKeys(stored.project, after.project);
    const planFields = stored.plan ? changedKeys(stored.plan, after.plan) : Object.keys(after.plan);
    if (!projectFields.length && !planFields.length) {
      plan.unchanged += 1;
      continue;
    }
    plan.updates.push({
      row,
      ...after,
      id: current.id,
      planId: current.plans[0]?.id ?? null,
      projectFields,
      planFields,
      before: { ...stored.project, ...(stored.plan ?? {}) },
      after: { ...after.project, ...after.plan },
    });
  }
  return plan;
}
