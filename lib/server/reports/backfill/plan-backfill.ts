import 'server-only';
/**
 * The dry run of a backfill, also the commit's own check inside its transaction: which project each row of the
 * 调度表 names, its month's figures derived from the previous approved month (lib/domain/dispatch-sheet/derive.ts),
 * and what becomes of the month: created, restated (an approved figure differs), unchanged, or refused with why.
 */
import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { deriveMonth } from '@/lib/domain/dispatch-sheet/derive';
import type { DispatchIssue, DispatchRow, ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import type { Tx } from '@/lib/server/audit';
import { REPORT_TEXT_MAX } from '@/lib/validations/report';
import type { BackfillOutcome, BackfillRow, BackfillSummary, ExistingReport } from './types';

export interface BackfillPlanInput {
  planYearId: number;
  year: number;
  month: number;
  fileName: string;
  sha256: string;
  sheet: ParsedDispatchSheet;
}

interface PlanOfProject {
  planId: number;
  projectId: number;
  code: string;
  name: string;
  reports: Map<number, ExistingReport & { month: number }>;
}

/** Every plan of the year with its reports up to the month: the district's 421 projects are one query. */
async function loadPlans(tx: Tx, planYearId: number, month: number): Promise<PlanOfProject[]> {
  const plans = await tx.projectPlan.findMany({
    where: { planYearId },
    select: {
      id: true,
      project: { select: { id: true, code: true, name: true } },
      reports: {
        where: { month: { lte: month } },
        select: {
          id: true,
          month: true,
          version: true,
          status: true,
          investedThisMonth: true,
          approvedInvested: true,
          progressText: true,
        },
      },
    },
  });
  return plans.map((p) => ({
    planId: p.id,
    projectId: p.project.id,
    code: p.project.code,
    name: p.project.name.normalize('NFC').trim(),
    reports: new Map(
      p.reports.map((r) => [
        r.month,
        {
          ...r,
          investedThisMonth: r.investedThisMonth.toFixed(2),
          approvedInvested: r.approvedInvested?.toFixed(2) ?? null,
        },
      ]),
    ),
  }));
}

/** The file as a whole: the month and year it names against the ones chosen, and the parser's own problems. */
function fileIssuesOf(input: BackfillPlanInput): DispatchIssue[] {
  const { sheet, month, year } = input;
  const issues = sheet.issues.filter((i) => !sheet.rows.some((r) => r.row === i.row));
  if (sheet.headerMonth !== null && sheet.headerMonth !== month) {
    issues.push({
      row: sheet.headerRow,
      column: '',
      message: 'monthMismatch',
      params: { file: sheet.headerMonth, month },
    });
  }
  if (sheet.titleYear !== null && sheet.titleYear !== year) {
    issues.push({ row: 0, column: '', message: 'yearMismatch', params: { file: sheet.titleYear, year } });
  }
  return issues;
}

type Match = { plan: PlanOfProject } | { issue: DispatchIssue };

async function matcher(tx: Tx, plans: readonly PlanOfProject[], rows: readonly DispatchRow[]) {
  const byCode = new Map(plans.map((p) => [p.code, p]));
  const byName = new Map<string, PlanOfProject[]>();
  for (const p of plans) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  // a code or name of a project without a plan this year is told apart from one that does not exist
  const unknownCodes = rows.filter((r) => r.code && !byCode.has(r.code)).map((r) => r.code);
  const unknownNames = rows.filter((r) => !r.code && r.name && !byName.has(r.name)).map((r) => r.name);
  const elsewhere = await tx.project.findMany({
    where: { OR: [{ code: { in: unknownCodes } }, { name: { in: unknownNames } }] },
    select: { code: true, name: true },
  });
  const existsCode = new Set(elsewhere.map((p) => p.code));
  const existsName = new Set(elsewhere.map((p) => p.name));
  return (r: DispatchRow): Match => {
    const at = { row: r.row, column: r.code ? '项目代码' : '项目名称' };
    if (!r.code && !r.name) return { issue: { ...at, message: 'noProject' } };
    if (r.code) {
      const plan = byCode.get(r.code);
      if (plan) return { plan };
      const message = existsCode.has(r.code) ? 'noPlanInYear' : 'projectNotFound';
      return { issue: { ...at, message, params: { value: r.code } } };
    }
    const found = byName.get(r.name) ?? [];
    if (found.length === 1) return { plan: found[0]! };
    if (found.length > 1)
      return { issue: { ...at, message: 'nameAmbiguous', params: { value: r.name, count: found.length } } };
    const message = existsName.has(r.name) ? 'noPlanInYear' : 'projectNotFound';
    return { issue: { ...at, message, params: { value: r.name } } };
  };
}

function outcomeOf(
  existing: ExistingReport | undefined,
  thisMonth: string,
  progress: string,
  row: number,
): { outcome: BackfillOutcome; issue?: DispatchIssue } {
  if (!existing) return { outcome: 'create' };
  if (existing.status !== 'APPROVED') {
    return {
      outcome: 'refused',
      issue: { row, column: '', message: 'reportInProgress', params: { status: existing.status } },
    };
  }
  const same =
    new Decimal(existing.investedThisMonth).eq(thisMonth) && (progress === '' || progress === existing.progressText);
  return { outcome: same ? 'unchanged' : 'restate' };
}

function planRow(
  r: DispatchRow,
  match: Match,
  month: number,
  parseIssues: readonly DispatchIssue[],
  seen: Map<number, number>,
): BackfillRow & { report?: ExistingReport; planId?: number } {
  const base = { row: r.row, code: r.code, name: r.name, progress: r.progress, thisMonth: null, cumulative: null };
  const refused = (issues: DispatchIssue[], projectId: number | null = null, previousFigure: string | null = null) => ({
    ...base,
    projectId,
    outcome: 'refused' as const,
    previousFigure,
    issues,
  });
  if ('issue' in match) return refused([...parseIssues, match.issue]);
  const { plan } = match;
  const issues = [...parseIssues];
  const first = seen.get(plan.projectId);
  if (first !== undefined) issues.push({ row: r.row, column: '', message: 'duplicateProject', params: { row: first } });
  else seen.set(plan.projectId, r.row);
  if (r.progress.length > REPORT_TEXT_MAX) {
    issues.push({ row: r.row, column: '形象进度', message: 'textTooLong', params: { max: REPORT_TEXT_MAX } });
  }
  const existing = plan.reports.get(month);
  const previousFigure = existing?.approvedInvested ?? null;
  if (issues.length) return refused(issues, plan.projectId, previousFigure);
  let before = new Decimal(0);
  for (const [m, report] of plan.reports) if (m < month) before = before.plus(report.approvedInvested ?? 0);
  const derived = deriveMonth(
    month,
    { thisMonth: r.thisMonth, cumulative: r.cumulative },
    { previousApproved: plan.reports.get(month - 1)?.approvedInvested != null, cumulativeBefore: before.toFixed(2) },
  );
  if (!derived.ok) {
    return refused(
      [{ row: r.row, column: '', message: derived.issue, params: derived.params }],
      plan.projectId,
      previousFigure,
    );
  }
  const progress = r.progress || existing?.progressText || '';
  const { outcome, issue } = outcomeOf(existing, derived.thisMonth, r.progress, r.row);
  if (issue) return refused([issue], plan.projectId, previousFigure);
  return {
    ...base,
    projectId: plan.projectId,
    outcome,
    thisMonth: derived.thisMonth,
    cumulative: derived.cumulative,
    progress,
    previousFigure,
    issues: [],
    report: existing,
    planId: plan.planId,
  };
}

export type PlannedRow = ReturnType<typeof planRow>;

/** The dry run: every row's outcome and the file's problems; nothing is written. */
export async function planBackfill(
  tx: Tx,
  input: BackfillPlanInput,
): Promise<{ summary: BackfillSummary; planned: PlannedRow[] }> {
  const { sheet, month } = input;
  const plans = await loadPlans(tx, input.planYearId, month);
  const match = await matcher(tx, plans, sheet.rows);
  const seen = new Map<number, number>();
  const planned = sheet.rows.map((r) =>
    planRow(
      r,
      match(r),
      month,
      sheet.issues.filter((i) => i.row === r.row),
      seen,
    ),
  );
  const counts: BackfillSummary['counts'] = { create: 0, restate: 0, unchanged: 0, refused: 0 };
  for (const p of planned) counts[p.outcome] += 1;
  const digest = createHash('sha256')
    .update(input.sha256)
    .update(
      JSON.stringify(
        planned.map((p) => [
          p.row,
          p.projectId,
          p.outcome,
          p.thisMonth,
          p.progress,
          p.report?.id ?? null,
          p.report?.version ?? null,
        ]),
      ),
    )
    .digest('hex');
  const summary: BackfillSummary = {
    year: input.year,
    month,
    fileName: input.fileName,
    sha256: input.sha256,
    committed: false,
    backfillId: null,
    counts,
    rows: planned.map(({ report: _report, planId: _planId, ...row }) => row),
    skipped: sheet.skipped,
    totals: sheet.totals,
    columns: sheet.columns,
    fileIssues: fileIssuesOf(input),
    digest,
  };
  return { summary, planned };
}
