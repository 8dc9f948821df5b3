import 'server-only';
import Decimal from 'decimal.js';
import type { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { COLUMN_BY_KEY, type ParsedSheet, type ProjectSheetRow, type SheetIssue } from '@/lib/domain/project-sheet';
import { closedYearViolations } from '@/lib/domain/closed-years';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import { assertPlanYearOpen, lastClosedYears } from '@/lib/server/admin/plan-year-lock';
import { toAuditRecord, type AuditEntry, type AuditRecord, type Tx } from '@/lib/server/audit';
import { requirePermission } from '@/lib/server/authorize';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/server/errors';

/** What an import would do (dry run) or did (commit). */
export interface ImportSummary {
  year: number;
  committed: boolean;
  /** data rows in the file */
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** the problems, by row and column (the first ERRORS_SHOWN); a commit writes nothing while there is one */
  errors: SheetIssue[];
  errorCount: number;
  /** the first changes, for the report on the page */
  changes: { row: number; code: string; name: string; kind: 'create' | 'update'; fields: string[] }[];
  /** the year is ACTIVE and plans would change: the commit needs a reason, as the form does */
  reasonRequired: boolean;
  /**
   * What the check saw of each row's project ("<project id>:<plan version>", "new", "<id>:none"), for the commit
   * to send back: a project changed in between is refused instead of overwritten, as the form's plan version does.
   */
  versions: Record<string, string>;
}

export interface ImportProjectsOptions {
  year: number;
  sheet: ParsedSheet;
  commit: boolean;
  fileName: string;
  /** why plans change; required by a commit that changes plans of an ACTIVE year */
  reason?: string | null;
  /** the check's `versions`, required by a commit */
  versions?: Record<string, string> | null;
  ip: string | null;
  /** the action's audit writer (same transaction) */
  audit(entry: AuditEntry): Promise<void>;
}

const CHANGES_SHOWN = 500;
export const ERRORS_SHOWN = 2000;
const CHUNK = 1000;

interface ProjectState {
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
interface PlanState {
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  cumulativeBeforeYear: string;
  annualPlan: string | null;
  milestoneTarget: string | null;
  /** twelve amounts, or null for a plan without a monthly split (前期) */
  monthlyPlan: string[] | null;
}

const issueAt = (row: number, column: string, message: SheetIssue['message'], params?: Record<string, string>): SheetIssue => ({
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

function pick<T extends object>(record: T, keys: string[]): AuditRecord {
  return toAuditRecord(Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]])));
}

/**
 * Imports the rows of a parsed project sheet into one plan year: upsert by project code, in the caller's
 * transaction, all or nothing. A dry run (commit false) answers what would happen and changes nothing (it leaves
 * one project.importDryRun audit row naming the file and the counts). A commit
 * with any error writes nothing either; one that would change nothing writes no audit row, so importing the same
 * file twice is a no-op. Only the bureau and admins may import (project.write, all departments).
 */
export async function importProjects(tx: Tx, actor: Actor, options: ImportProjectsOptions): Promise<ImportSummary> {
  requirePermission(actor, 'project.write');
  const { sheet } = options;
  const planYear = await tx.planYear.findUnique({ where: { year: options.year }, select: { id: true, year: true } });
  if (!planYear) throw new NotFoundError('plan year');
  const { status } = await assertPlanYearOpen(tx, planYear.id);

  const summary: ImportSummary = {
    year: planYear.year,
    committed: false,
    rows: sheet.dataRows,
    create: 0,
    update: 0,
    unchanged: 0,
    errors: [...sheet.issues],
    errorCount: 0,
    changes: [],
    reasonRequired: false,
    versions: {},
  };

  const departments = await tx.department.findMany({ select: { id: true, name: true, shortName: true, active: true } });
  const byName = new Map<string, (typeof departments)[number]>();
  for (const d of departments) if (!byName.has(d.shortName)) byName.set(d.shortName, d);
  for (const d of departments) byName.set(d.name, d); // full names win over short ones

  const codes = sheet.rows.map((r) => r.code);
  const existing = new Map<string, Awaited<ReturnType<typeof loadExisting>>[number]>();
  for (let i = 0; i < codes.length; i += 5000) {
    for (const p of await loadExisting(tx, codes.slice(i, i + 5000), planYear.id)) existing.set(p.code, p);
  }

  // department and area are read by the figures of every year a project has a plan in, closed ones too
  const closedYears = await lastClosedYears(tx, [...existing.values()].map((p) => p.id));
  for (const row of sheet.rows) {
    const current = existing.get(row.code);
    summary.versions[row.code] = current ? `${current.id}:${current.plans[0]?.version ?? 'none'}` : 'new';
  }

  const creates: { row: ProjectSheetRow; project: ProjectState; plan: PlanState }[] = [];
  const updates: {
    row: ProjectSheetRow;
    id: number;
    planId: number | null;
    project: ProjectState;
    plan: PlanState;
    projectFields: string[];
    planFields: string[];
    monthlyChanged: boolean;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }[] = [];
  const departmentColumn = COLUMN_BY_KEY.department.header;
  const annualColumn = COLUMN_BY_KEY.annualPlan.header;

  for (const row of sheet.rows) {
    const department = byName.get(row.department.replace(/[\s\u3000]/g, ''));
    if (!department) {
      summary.errors.push(issueAt(row.row, departmentColumn, 'departmentUnknown', { value: row.department }));
      continue;
    }
    if (!department.active) {
      summary.errors.push(issueAt(row.row, departmentColumn, 'departmentInactive', { value: row.department }));
      continue;
    }
    const current = existing.get(row.code);
    const currentPlan = current?.plans[0];
    const currentProject: ProjectState | undefined = current && {
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
    };
    const currentMonthly = currentPlan
      ? currentPlan.monthlyPlan.length
        ? Array.from({ length: 12 }, (_, i) => currentPlan.monthlyPlan.find((m) => m.month === i + 1)?.amount.toFixed(2) ?? '0.00')
        : null
      : null;
    const currentPlanState: PlanState | undefined = currentPlan && {
      stage: currentPlan.stage,
      investorType: currentPlan.investorType,
      direction: currentPlan.direction,
      cumulativeBeforeYear: currentPlan.cumulativeBeforeYear.toFixed(2),
      annualPlan: currentPlan.annualPlan?.toFixed(2) ?? null,
      milestoneTarget: currentPlan.milestoneTarget,
      monthlyPlan: currentMonthly,
    };

    const project: ProjectState = {
      code: row.code,
      name: row.name,
      departmentId: department.id,
      ownerUnit: row.ownerUnit ?? currentProject?.ownerUnit ?? '',
      area: row.area ?? currentProject?.area ?? '',
      buildType: row.buildType ?? currentProject?.buildType ?? (row.stage === 'ONGOING' ? 'CONTINUED' : 'NEW'),
      scope: row.scope ?? currentProject?.scope ?? '',
      totalInvestment: row.totalInvestment,
      plannedStart: row.plannedStart === undefined ? (currentProject?.plannedStart ?? null) : row.plannedStart,
      plannedCompletion: row.plannedCompletion === undefined ? (currentProject?.plannedCompletion ?? null) : row.plannedCompletion,
      leaderInCharge: row.leaderInCharge === undefined ? (currentProject?.leaderInCharge ?? null) : row.leaderInCharge,
    };
    const monthlyPlan = row.stage === 'PRELIMINARY' ? null : (row.monthlyPlan ?? currentPlanState?.monthlyPlan ?? null);
    const plan: PlanState = {
      stage: row.stage,
      investorType: row.investorType,
      direction: row.direction,
      cumulativeBeforeYear: row.cumulativeBeforeYear ?? currentPlanState?.cumulativeBeforeYear ?? '0.00',
      annualPlan: row.annualPlan,
      milestoneTarget: row.milestoneTarget === undefined ? (currentPlanState?.milestoneTarget ?? null) : row.milestoneTarget,
      monthlyPlan,
    };

    // the invariants again, now with what is stored filled in for the columns the file does not have
    if (plan.stage !== 'PRELIMINARY' && plan.annualPlan !== null) {
      if (!plan.monthlyPlan) {
        summary.errors.push(issueAt(row.row, '1月', 'monthlyPlanMissing'));
        continue;
      }
      const sum = plan.monthlyPlan.reduce((s, v) => s.plus(v), new Decimal(0));
      if (!sum.equals(plan.annualPlan)) {
        summary.errors.push(issueAt(row.row, annualColumn, 'monthlyPlanMismatch', { sum: sum.toFixed(2), plan: plan.annualPlan }));
        continue;
      }
      const room = new Decimal(project.totalInvestment).minus(plan.cumulativeBeforeYear);
      if (new Decimal(plan.annualPlan).greaterThan(room)) {
        summary.errors.push(issueAt(row.row, annualColumn, 'planExceedsTotal', { room: room.toFixed(2) }));
        continue;
      }
    }
    if (project.plannedStart && project.plannedCompletion && project.plannedStart > project.plannedCompletion) {
      summary.errors.push(issueAt(row.row, COLUMN_BY_KEY.plannedCompletion.header, 'datesOutOfOrder'));
      continue;
    }

    if (!current || !currentProject) {
      creates.push({ row, project, plan });
      continue;
    }
    const closedYear = closedYears.get(current.id);
    if (closedYear !== undefined) {
      const held = closedYearViolations(closedYear, { ...currentProject, actualStart: null, actualCompletion: null }, project);
      if (held.length) {
        for (const field of held) {
          const column = field === 'departmentId' ? departmentColumn : COLUMN_BY_KEY.area.header;
          summary.errors.push(issueAt(row.row, column, 'closedYearLocked', { year: String(closedYear) }));
        }
        continue;
      }
    }
    const projectFields = changedKeys(currentProject, project);
    const planFields = currentPlanState ? changedKeys(currentPlanState, plan) : Object.keys(plan);
    if (!projectFields.length && !planFields.length) {
      summary.unchanged += 1;
      continue;
    }
    const beforeAll = { ...currentProject, ...(currentPlanState ?? {}) };
    const afterAll = { ...project, ...plan };
    updates.push({
      row,
      id: current.id,
      planId: currentPlan?.id ?? null,
      project,
      plan,
      projectFields,
      planFields,
      monthlyChanged: planFields.includes('monthlyPlan'),
      before: beforeAll,
      after: afterAll,
    });
  }

  summary.errors.sort((a, b) => a.row - b.row);
  summary.errorCount = summary.errors.length;
  const hasErrors = summary.errors.length > 0;
  summary.errors = summary.errors.slice(0, ERRORS_SHOWN);
  summary.create = creates.length;
  summary.update = updates.length;
  summary.reasonRequired = status === 'ACTIVE' && (creates.length > 0 || updates.some((u) => u.planFields.length > 0));
  summary.changes = [
    ...creates.map((c) => ({ row: c.row.row, code: c.project.code, name: c.project.name, kind: 'create' as const, fields: [] })),
    ...updates.map((u) => ({ row: u.row.row, code: u.project.code, name: u.project.name, kind: 'update' as const, fields: [...u.projectFields, ...u.planFields] })),
  ]
    .sort((a, b) => a.row - b.row)
    .slice(0, CHANGES_SHOWN);

  if (!options.commit) {
    // A dry run changes nothing, but who checked which file against which year is kept, like any upload.
    await options.audit({
      action: 'project.importDryRun',
      entity: 'PlanYear',
      entityId: planYear.id,
      after: { year: planYear.year, file: options.fileName, rows: summary.rows, create: summary.create, update: summary.update, unchanged: summary.unchanged, errors: summary.errorCount },
    });
    return summary;
  }
  if (hasErrors || (!creates.length && !updates.length)) return summary;
  assertCheckedVersions(summary, options.versions, sheet.rows);
  if (summary.reasonRequired && !options.reason) throw new ValidationError({ reason: ['projectReasonRequired'] });

  // ---- commit: bulk creates, then the few updates one by one ----
  const audits: { entityId: string; before: AuditRecord | null; after: AuditRecord }[] = [];
  // Creates go in bulk through unnest() inserts: a handful of statements for 10,000 rows, well inside the
  // action's transaction timeout (Prisma's createMany builds one bound parameter per value, which is far slower).
  for (let i = 0; i < creates.length; i += CHUNK * 5) {
    const chunk = creates.slice(i, i + CHUNK * 5);
    const ps = chunk.map((c) => c.project);
    const made = await tx.$queryRaw<{ id: number; code: string }[]>`
      INSERT INTO "Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment",
                             "plannedStart", "plannedCompletion", "leaderInCharge", "updatedAt")
      SELECT u.code, u.name, u.dep, u.owner, u.area, u.bt::"BuildType", u.scope, u.total, u.ps, u.pc, u.leader, now()
      FROM unnest(${ps.map((p) => p.code)}::text[], ${ps.map((p) => p.name)}::text[], ${ps.map((p) => p.departmentId)}::int[],
                  ${ps.map((p) => p.ownerUnit)}::text[], ${ps.map((p) => p.area)}::text[], ${ps.map((p) => p.buildType)}::text[],
                  ${ps.map((p) => p.scope)}::text[], ${ps.map((p) => p.totalInvestment)}::numeric[],
                  ${ps.map((p) => p.plannedStart)}::date[], ${ps.map((p) => p.plannedCompletion)}::date[],
                  ${ps.map((p) => p.leaderInCharge)}::text[])
        AS u(code, name, dep, owner, area, bt, scope, total, ps, pc, leader)
      RETURNING id, code`;
    const idOf = new Map(made.map((p) => [p.code, p.id]));
    const pl = chunk.map((c) => ({ ...c.plan, projectId: idOf.get(c.project.code)! }));
    const plans = await tx.$queryRaw<{ id: number; projectId: number }[]>`
      INSERT INTO "ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "cumulativeBeforeYear",
                                 "annualPlan", "milestoneTarget", "updatedAt")
      SELECT u.pid, ${planYear.id}, u.stage::"Stage", u.inv::"InvestorType", u.dir::"Direction", u.before, u.annual, u.target, now()
      FROM unnest(${pl.map((p) => p.projectId)}::int[], ${pl.map((p) => p.stage)}::text[], ${pl.map((p) => p.investorType)}::text[],
                  ${pl.map((p) => p.direction)}::text[], ${pl.map((p) => p.cumulativeBeforeYear)}::numeric[],
                  ${pl.map((p) => p.annualPlan)}::numeric[], ${pl.map((p) => p.milestoneTarget)}::text[])
        AS u(pid, stage, inv, dir, before, annual, target)
      RETURNING id, "projectId"`;
    const planOf = new Map(plans.map((p) => [p.projectId, p.id]));
    const items = chunk.flatMap(({ project, plan }) => monthlyItems(planOf.get(idOf.get(project.code)!)!, plan.monthlyPlan));
    if (items.length) {
      await tx.$executeRaw`
        INSERT INTO "MonthlyPlanItem" ("planId", month, amount)
        SELECT * FROM unnest(${items.map((m) => m.planId)}::int[], ${items.map((m) => m.month)}::int[], ${items.map((m) => m.amount)}::numeric[])`;
    }
    for (const { project, plan } of chunk) {
      audits.push({ entityId: String(idOf.get(project.code)), before: null, after: toAuditRecord({ ...project, ...plan }) });
    }
  }

  for (const u of updates) {
    if (u.projectFields.length) {
      await tx.project.update({ where: { id: u.id }, data: projectData(u.project) });
    }
    let planId = u.planId;
    if (planId === null) {
      planId = (await tx.projectPlan.create({ data: { ...planData(u.plan), projectId: u.id, planYearId: planYear.id }, select: { id: true } })).id;
      await tx.monthlyPlanItem.createMany({ data: monthlyItems(planId, u.plan.monthlyPlan) });
    } else if (u.planFields.length) {
      await tx.projectPlan.update({ where: { id: planId }, data: { ...planData(u.plan), version: { increment: 1 } } });
      if (u.monthlyChanged) {
        await tx.monthlyPlanItem.deleteMany({ where: { planId } });
        await tx.monthlyPlanItem.createMany({ data: monthlyItems(planId, u.plan.monthlyPlan) });
      }
    } else {
      // only the project's own fields changed; the version still moves, as the form's save does, so a form
      // filled before this import is refused instead of overwriting it
      await tx.projectPlan.update({ where: { id: planId }, data: { version: { increment: 1 } } });
    }
    const fields = [...u.projectFields, ...u.planFields];
    audits.push({ entityId: String(u.id), before: pick(u.before, fields), after: pick(u.after, fields) });
  }

  await options.audit({
    action: 'project.import',
    entity: 'PlanYear',
    entityId: planYear.id,
    after: { year: planYear.year, file: options.fileName, rows: summary.rows, created: summary.create, updated: summary.update, unchanged: summary.unchanged },
    reason: options.reason ?? null,
  });
  // per-project before/after, so each project's history shows the import; bulk-written in the same transaction
  for (let i = 0; i < audits.length; i += CHUNK * 5) {
    const chunk = audits.slice(i, i + CHUNK * 5);
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", actor, ip, action, entity, "entityId", before, after, reason)
      SELECT ${actor.id}, ${actor.username}, ${options.ip}, 'project.import', 'Project', u.eid, u.b, u.a, ${options.reason ?? null}
      FROM unnest(${chunk.map((a) => a.entityId)}::text[], ${chunk.map((a) => (a.before ? JSON.stringify(a.before) : null))}::jsonb[],
                  ${chunk.map((a) => JSON.stringify(a.after))}::jsonb[]) AS u(eid, b, a)`;
  }
  summary.committed = true;
  return summary;
}

/**
 * The commit names what its check saw; a row whose project was created, edited or re-planned since (by the form,
 * another import, an approval) refuses the whole import, naming the first rows, instead of overwriting it.
 */
function assertCheckedVersions(summary: ImportSummary, checked: Record<string, string> | null | undefined, rows: readonly ProjectSheetRow[]) {
  if (!checked) throw new ConflictError('validation.importNotChecked');
  const seen = new Map(Object.entries(checked));
  const moved = rows.filter((r) => seen.get(r.code) !== summary.versions[r.code]).map((r) => r.row);
  if (moved.length === 0) return;
  const params = { count: moved.length, rows: moved.slice(0, 5).join(', ') };
  throw new ConflictError('validation.importChangedSinceCheck', params);
}

function loadExisting(tx: Tx, codes: string[], planYearId: number) {
  return tx.project.findMany({
    where: { code: { in: codes } },
    select: {
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
      leaderInCharge: true,
      plans: {
        where: { planYearId },
        select: {
          id: true,
          version: true,
          stage: true,
          investorType: true,
          direction: true,
          cumulativeBeforeYear: true,
          annualPlan: true,
          milestoneTarget: true,
          monthlyPlan: { select: { month: true, amount: true } },
        },
      },
    },
  });
}

function projectData(p: ProjectState) {
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

function planData(p: PlanState) {
  return {
    stage: p.stage,
    investorType: p.investorType,
    direction: p.direction,
    cumulativeBeforeYear: p.cumulativeBeforeYear,
    annualPlan: p.annualPlan,
    milestoneTarget: p.milestoneTarget,
  };
}

function monthlyItems(planId: number, monthly: string[] | null) {
  return (monthly ?? []).map((amount, i) => ({ planId, month: i + 1, amount }));
}
