import 'server-only';
import type { SplitProfile } from '@/lib/domain/monthly-split';
import type { ParsedSheet, ProjectSheetRow, SheetHeader, SheetIssue } from '@/lib/domain/project-sheet';
import { assertPlanYearOpen, lastClosedYears } from '@/lib/server/admin/plan-year-lock';
import { requirePermission } from '@/lib/server/authorize';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import { auditProjects, insertProjects, updateProjects } from './import-commit';
import { planImport, type ImportPlan, type PlannedCreate, type PlannedUpdate } from './import-rows';
import { departmentsByName, loadExisting } from './import-state';
import { loadSplitSetting } from './split-profile';

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
  /**
   * the first changes, for the report on the page; `derived` names the profile a row's monthly split was derived
   * from (the file had none), null when the split is the file's or the one stored
   */
  changes: {
    row: number;
    code: string;
    name: string;
    kind: 'create' | 'update';
    fields: string[];
    derived: SplitProfile | null;
  }[];
  /** every header cell of the file and the Keystone field it was read as (file header → field) */
  headers: SheetHeader[];
  /** the columns no field was found for: listed, not imported */
  unmapped: { letter: string; text: string }[];
  /** the year's profile, and how many rows the import gives a derived split */
  split: { profile: SplitProfile; derived: number };
  /** the year is ACTIVE and plans would change: the commit needs a reason, as the form does */
  reasonRequired: boolean;
  /**
   * What the check saw of each row's project ("<project id>:<plan version>", "new", "<id>:none"), for the commit
   * to send back: a project changed in between is refused instead of overwritten, as the form's plan version does.
   */
  versions: Record<string, string>;
}

export interface ImportProjectsInput {
  year: number;
  sheet: ParsedSheet;
  commit: boolean;
  fileName: string;
  /** why plans change; required by a commit that changes plans of an ACTIVE year */
  reason?: string | null;
  /** the check's `versions`, required by a commit */
  versions?: Record<string, string> | null;
}

const CHANGES_SHOWN = 500;
export const ERRORS_SHOWN = 2000;

/** A split the import derives (a new one, or one that changes); a derived split kept as it was is no change. */
function derivedIn(change: PlannedCreate | PlannedUpdate): SplitProfile | null {
  const derived = change.plan.monthlySplitDerived;
  if (!derived || !('planFields' in change)) return derived;
  return change.planFields.includes('monthlyPlan') || change.planFields.includes('monthlySplitDerived')
    ? derived
    : null;
}

function summarise(
  year: number,
  sheet: ParsedSheet,
  plan: ImportPlan,
  versions: Record<string, string>,
  active: boolean,
  profile: SplitProfile,
): ImportSummary {
  const errors = [...sheet.issues, ...plan.errors].sort((a, b) => a.row - b.row);
  const headers = sheet.headers ?? [];
  return {
    year,
    committed: false,
    rows: sheet.dataRows,
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
    errors: errors.slice(0, ERRORS_SHOWN),
    errorCount: errors.length,
    changes: [
      ...plan.creates.map((c) => ({
        row: c.row.row,
        code: c.project.code,
        name: c.project.name,
        kind: 'create' as const,
        fields: [],
        derived: derivedIn(c),
      })),
      ...plan.updates.map((u) => ({
        row: u.row.row,
        code: u.project.code,
        name: u.project.name,
        kind: 'update' as const,
        // the flag is shown as its own column, not as a changed field
        fields: [...u.projectFields, ...u.planFields.filter((f) => f !== 'monthlySplitDerived')],
        derived: derivedIn(u),
      })),
    ]
      .sort((a, b) => a.row - b.row)
      .slice(0, CHANGES_SHOWN),
    reasonRequired: active && (plan.creates.length > 0 || plan.updates.some((u) => u.planFields.length > 0)),
    versions,
    headers,
    unmapped: headers.filter((h) => h.target.kind === 'unmapped').map(({ letter, text }) => ({ letter, text })),
    split: { profile, derived: [...plan.creates, ...plan.updates].filter((c) => derivedIn(c) !== null).length },
  };
}

/**
 * Imports the rows of a parsed project sheet into one plan year: upsert by project code, in the caller's
 * transaction, all or nothing. A dry run (commit false) answers what would happen and changes nothing (it leaves
 * one project.importDryRun audit row naming the file and the counts). A commit with any error writes nothing
 * either; one that would change nothing writes no audit row, so importing the same file twice is a no-op. Only the
 * bureau and admins may import (project.write, all departments).
 */
export async function importProjects(ctx: WriteContext<ImportProjectsInput>): Promise<ImportSummary> {
  const { tx, actor, input } = ctx;
  requirePermission(actor, 'project.write');
  const { sheet } = input;
  const planYear = await tx.planYear.findUnique({ where: { year: input.year }, select: { id: true, year: true } });
  if (!planYear) throw new NotFoundError('plan year');
  const { status } = await assertPlanYearOpen(tx, planYear.id);

  const byName = await departmentsByName(tx);
  const existing = await loadExisting(
    tx,
    sheet.rows.map((r) => r.code),
    planYear.id,
  );
  const closedYears = await lastClosedYears(
    tx,
    [...existing.values()].map((p) => p.id),
  );
  const versions: Record<string, string> = {};
  for (const row of sheet.rows) {
    const current = existing.get(row.code);
    versions[row.code] = current ? `${current.id}:${current.plans[0]?.version ?? 'none'}` : 'new';
  }
  const split = await loadSplitSetting(tx, planYear.id);
  const plan = planImport(sheet.rows, { byName, existing, closedYears, split });
  const summary = summarise(planYear.year, sheet, plan, versions, status === 'ACTIVE', split.profile);
  const counts = {
    rows: summary.rows,
    unchanged: summary.unchanged,
    unmapped: summary.unmapped.map((u) => u.text),
    splitProfile: split.profile,
    derivedSplits: summary.split.derived,
  };

  if (!input.commit) {
    // A dry run changes nothing, but who checked which file against which year is kept, like any upload.
    await ctx.audit({
      action: 'project.importDryRun',
      entity: 'PlanYear',
      entityId: planYear.id,
      after: {
        year: planYear.year,
        file: input.fileName,
        ...counts,
        create: summary.create,
        update: summary.update,
        errors: summary.errorCount,
      },
    });
    return summary;
  }
  if (summary.errorCount > 0 || (!plan.creates.length && !plan.updates.length)) return summary;
  assertCheckedVersions(summary, input.versions, sheet.rows);
  if (summary.reasonRequired && !input.reason) throw new ValidationError({ reason: ['projectReasonRequired'] });

  const audits = [
    ...(await insertProjects(tx, planYear.id, plan.creates)),
    ...(await updateProjects(tx, planYear.id, plan.updates)),
  ];
  await ctx.audit({
    action: 'project.import',
    entity: 'PlanYear',
    entityId: planYear.id,
    after: {
      year: planYear.year,
      file: input.fileName,
      ...counts,
      created: summary.create,
      updated: summary.update,
    },
    reason: input.reason ?? null,
  });
  await auditProjects(tx, ctx, audits, input.reason ?? null);
  summary.committed = true;
  return summary;
}

/**
 * The commit names what its check saw; a row whose project was created, edited or re-planned since (by the form,
 * another import, an approval) refuses the whole import, naming the first rows, instead of overwriting it.
 */
function assertCheckedVersions(
  summary: ImportSummary,
  checked: Record<string, string> | null | undefined,
  rows: readonly ProjectSheetRow[],
) {
  if (!checked) throw new ConflictError('validation.importNotChecked');
  const seen = new Map(Object.entries(checked));
  const moved = rows.filter((r) => seen.get(r.code) !== summary.versions[r.code]).map((r) => r.row);
  if (moved.length === 0) return;
  throw new ConflictError('validation.importChangedSinceCheck', {
    count: moved.length,
    rows: moved.slice(0, 5).join(', '),
  });
}
