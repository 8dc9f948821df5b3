import 'server-only';
import { setImmediate } from 'node:timers/promises';
import type { MilestoneKind, ReportStatus } from '@/generated/prisma/enums';
import type { Message, MessageKey } from '@/i18n/translate-message';
import { toDateOnly } from '@/lib/domain/date-only';
import {
  MILESTONE_ORDER,
  MONTH_SHEET_COLUMN_INDEX,
  MONTH_SHEET_COLUMNS,
  type MonthSheetKey,
} from '@/lib/domain/month-sheet/columns';
import type { MonthSheetEntry, ParsedMonthSheet } from '@/lib/domain/month-sheet/parse';
import type { ReportFlagCode } from '@/lib/domain/report-checks';
import { NO_PROGRESS, progressCounter, writtenCounter, type OnProgress } from '@/lib/domain/upload-progress';
import { departmentScope } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import { milestoneUpdatesOf, ZSaveReportDraft, type SaveReportDraftValues } from '@/lib/validations/report';
import { entryChecksOf, loadYearsForChecks } from '../entry-checks';
import { reportConflict } from '../report-conflict';
import { EDITABLE, refuse, requireOpenYears } from '../report-guards';
import { saveReportDrafts } from '../save-report-drafts';
import { compareToSaved, type FieldChange, type SavedFields } from './month-sheet-diff';

export interface ImportMonthSheetInput {
  year: number;
  month: number;
  sheet: ParsedMonthSheet;
  commit: boolean;
  /** for the trail */
  fileName: string;
}

export type MonthSheetOutcome = 'create' | 'update' | 'unchanged' | 'skipped' | 'refused';

export interface MonthSheetProblem {
  /** the column's header, '' for the row */
  column: string;
  message: Message;
}

export interface MonthSheetRowResult {
  row: number;
  code: string;
  /** the project's name; null for a row whose code names none of the department's projects */
  name: string | null;
  outcome: MonthSheetOutcome;
  changes: FieldChange[];
  problems: MonthSheetProblem[];
  /** the entry checks' warnings, saved with the draft as the screen saves them */
  flags: ReportFlagCode[];
}

export interface MonthSheetSummary {
  committed: boolean;
  /** what refuses the whole file (another month's, no header …) */
  fileProblems: Message[];
  rows: MonthSheetRowResult[];
  counts: Record<MonthSheetOutcome, number>;
}

const HEADER = (key: MonthSheetKey) => MONTH_SHEET_COLUMNS[MONTH_SHEET_COLUMN_INDEX[key]]!.header(1);
/** The form's field → the sheet's column, for the messages of the form's own schema. */
const COLUMN_OF_FIELD: Record<string, MonthSheetKey> = {
  investedThisMonth: 'invested',
  milestoneUpdates: 'milestone.APPROVAL',
};

function summarize(rows: MonthSheetRowResult[], fileProblems: Message[], committed: boolean): MonthSheetSummary {
  const counts: Record<MonthSheetOutcome, number> = { create: 0, update: 0, unchanged: 0, skipped: 0, refused: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return { committed, fileProblems, rows: rows.sort((a, b) => a.row - b.row), counts };
}

async function loadPlans(ctx: WriteContext<ImportMonthSheetInput>, planYearId: number, departmentId: number) {
  const codes = ctx.input.sheet.entries.map((e) => e.code);
  return ctx.tx.projectPlan.findMany({
    // the department's own projects only: a code of another department's reads exactly like an unknown one
    where: { planYearId, project: { departmentId, code: { in: codes } } },
    select: {
      id: true,
      stage: true,
      cumulativeBeforeYear: true,
      annualPlan: true,
      project: {
        select: {
          id: true,
          code: true,
          name: true,
          totalInvestment: true,
          actualStart: true,
          milestones: { select: { kind: true, status: true } },
        },
      },
      reports: {
        where: { month: ctx.input.month },
        select: {
          id: true,
          version: true,
          status: true,
          investedThisMonth: true,
          progressText: true,
          percentComplete: true,
          actualStart: true,
          actualCompletion: true,
          problems: true,
          coordinationNeeded: true,
          nextSteps: true,
          explanation: true,
          blockers: true,
          readyToStart: true,
          milestoneUpdates: true,
        },
      },
    },
  });
}
type LoadedPlan = Awaited<ReturnType<typeof loadPlans>>[number];

function savedOf(report: LoadedPlan['reports'][number] | undefined): SavedFields | null {
  if (!report) return null;
  return {
    investedThisMonth: report.investedThisMonth.toFixed(2),
    progressText: report.progressText,
    percentComplete: report.percentComplete?.toFixed(2) ?? null,
    actualStart: toDateOnly(report.actualStart),
    actualCompletion: toDateOnly(report.actualCompletion),
    problems: report.problems,
    coordinationNeeded: report.coordinationNeeded,
    nextSteps: report.nextSteps,
    explanation: report.explanation,
    blockers: report.blockers,
    readyToStart: report.readyToStart,
    milestoneUpdates: milestoneUpdatesOf(report.milestoneUpdates),
  };
}

/** The form's input for a row: a non-前期 row keeps what is saved of the 前期 fields, whatever the sheet says. */
function draftInput(entry: MonthSheetEntry, plan: LoadedPlan, saved: SavedFields | null, month: number) {
  const f = entry.fields;
  const preliminary = plan.stage === 'PRELIMINARY';
  const done = new Set<MilestoneKind>(plan.project.milestones.filter((m) => m.status === 'DONE').map((m) => m.kind));
  // a milestone already done is not the sheet's to change (its cell is locked): the saved update stands
  const kept = (saved?.milestoneUpdates ?? []).filter((m) => !preliminary || done.has(m.kind));
  const given = preliminary
    ? MILESTONE_ORDER.filter((k) => !done.has(k) && f.milestones[k]).map((kind) => ({
        kind,
        date: f.milestones[kind]!,
      }))
    : [];
  return {
    projectPlanId: plan.id,
    month,
    version: entry.version,
    investedThisMonth: f.investedThisMonth,
    progressText: f.progressText,
    percentComplete: f.percentComplete,
    actualStart: f.actualStart,
    actualCompletion: f.actualCompletion,
    problems: f.problems,
    coordinationNeeded: f.coordinationNeeded,
    nextSteps: f.nextSteps,
    explanation: f.explanation,
    blockers: preliminary ? f.blockers : (saved?.blockers ?? ''),
    readyToStart: preliminary ? f.readyToStart : saved?.readyToStart == null ? '' : String(saved.readyToStart),
    milestoneUpdates: [...kept, ...given],
  };
}

function schemaProblems(issues: { path: PropertyKey[]; message: string }[]): MonthSheetProblem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const key = (COLUMN_OF_FIELD[field] ?? field) as MonthSheetKey;
    const column = key in MONTH_SHEET_COLUMN_INDEX ? HEADER(key) : '';
    return { column, message: { key: `validation.${issue.message}` as MessageKey } };
  });
}

const LOCKED_REASON: Partial<Record<ReportStatus, MessageKey>> = {
  SUBMITTED: 'reports.errors.lockedSubmitted',
  APPROVED: 'reports.errors.lockedApproved',
};

/**
 * A department's month from its spreadsheet: each row checked with the report form's rules (the same zod schema,
 * the same entry checks), compared with what is saved, and — on commit, and only when no row is refused — every
 * changed row saved as a draft through saveReportDrafts, in the caller's one transaction. Submitted and approved
 * reports are skipped; an unchanged row is not written (a second upload of the same file changes nothing).
 */
export async function importMonthSheet(
  ctx: WriteContext<ImportMonthSheetInput>,
  progress: OnProgress = NO_PROGRESS,
): Promise<MonthSheetSummary> {
  const { tx, input } = ctx;
  const { departmentId } = departmentScope(ctx.actor, 'report.edit');
  if (departmentId === undefined) throw new NotFoundError('department');
  const planYear = await tx.planYear.findUnique({ where: { year: input.year }, select: { id: true } });
  if (!planYear) throw new NotFoundError('planYear');

  const { identity } = input.sheet;
  const fileProblems: Message[] = [];
  if (!identity) fileProblems.push({ key: 'monthSheet.errors.noIdentity' });
  else if (identity.departmentId !== departmentId) fileProblems.push({ key: 'monthSheet.errors.otherDepartment' });
  else if (identity.year !== input.year || identity.month !== input.month) {
    fileProblems.push({
      key: 'monthSheet.errors.otherMonth',
      params: {
        fileYear: String(identity.year),
        fileMonth: identity.month,
        year: String(input.year),
        month: input.month,
      },
    });
  }
  if (input.sheet.headerRow === 0) fileProblems.length = 0;
  if (fileProblems.length) return summarize([], fileProblems, false);

  const year = (await requireOpenYears(tx, [planYear.id])).get(planYear.id)!;
  if (input.month > year.currentMonth) {
    await refuse(tx, { kind: 'futureMonth', month: input.month, currentMonth: year.currentMonth });
  }

  const results: MonthSheetRowResult[] = [];
  const byRow = new Map<number, MonthSheetRowResult>();
  for (const issue of input.sheet.issues) {
    if (issue.row === 0) {
      fileProblems.push({ key: issue.key, params: issue.params });
      continue;
    }
    let r = byRow.get(issue.row);
    if (!r) {
      r = { row: issue.row, code: '', name: null, outcome: 'refused', changes: [], problems: [], flags: [] };
      byRow.set(issue.row, r);
      results.push(r);
    }
    r.problems.push({ column: issue.column, message: { key: issue.key, params: issue.params } });
  }

  const plans = new Map((await loadPlans(ctx, planYear.id, departmentId)).map((p) => [p.project.code, p]));
  // the rest of the year for every row's checks, in two queries rather than two per row
  const yearOf = await loadYearsForChecks(
    tx,
    [...plans.values()].map((p) => p.id),
    input.month,
  );
  const writes: SaveReportDraftValues[] = [];
  // every row the reader passed is checked; a row's `continue` below ends its checks, and it counts as checked.
  // The checks are synchronous work (seconds at 10,000 rows): at each report the event loop gets a turn, so that
  // the upload route sends the line now rather than with the result.
  const checked = progressCounter(progress, 'checked', input.sheet.entries.length);
  for (const entry of input.sheet.entries) {
    if (checked.add(1)) await setImmediate();
    const plan = plans.get(entry.code);
    const result: MonthSheetRowResult = {
      row: entry.row,
      code: entry.code,
      name: plan?.project.name ?? null,
      outcome: 'refused',
      changes: [],
      problems: [],
      flags: [],
    };
    results.push(result);
    if (!plan) {
      result.problems.push({
        column: HEADER('code'),
        message: { key: 'monthSheet.errors.unknownCode', params: { code: entry.code } },
      });
      continue;
    }
    const report = plan.reports[0];
    const locked = report && !EDITABLE.includes(report.status) ? LOCKED_REASON[report.status] : undefined;
    if (locked) {
      result.outcome = 'skipped';
      result.problems.push({ column: '', message: { key: locked } });
      continue;
    }
    if (!report && entry.fields.investedThisMonth === '') {
      result.outcome = 'skipped';
      result.problems.push({ column: HEADER('invested'), message: { key: 'monthSheet.errors.notFilled' } });
      continue;
    }
    const saved = savedOf(report);
    const parsed = ZSaveReportDraft.safeParse(draftInput(entry, plan, saved, input.month));
    if (!parsed.success) {
      result.problems.push(...schemaProblems(parsed.error.issues));
      continue;
    }
    result.changes = compareToSaved(saved, parsed.data);
    if (result.changes.length === 0) {
      result.outcome = 'unchanged';
      continue;
    }
    // the file was made from another version of this report than the one saved now: someone saved in between
    if ((report ? report.version : 0) !== entry.version) {
      const conflict = await reportConflict(tx, { kind: 'stale', reportId: report?.id ?? null });
      result.problems.push({ column: '', message: conflict.userMessage });
      continue;
    }
    result.flags = entryChecksOf(plan, parsed.data, yearOf(plan.id)).flags;
    result.outcome = report ? 'update' : 'create';
    writes.push(parsed.data);
  }

  checked.finish();

  const refused = results.some((r) => r.outcome === 'refused') || fileProblems.length > 0;
  if (!input.commit) {
    // a check changes nothing, but who checked which file against which month is kept, like any upload
    const summary = summarize(results, fileProblems, false);
    await ctx.audit({
      action: 'report.monthSheetCheck',
      entity: 'PlanYear',
      entityId: planYear.id,
      after: { year: input.year, month: input.month, file: input.fileName, ...summary.counts },
    });
    return summary;
  }
  if (refused) return summarize(results, fileProblems, false);
  // the screen's own save for all rows at once (saveReportDrafts), in this one transaction: a refusal undoes every row
  await saveReportDrafts(ctx, writes, { onWritten: writtenCounter(progress, writes.length) });
  return summarize(results, fileProblems, true);
}
