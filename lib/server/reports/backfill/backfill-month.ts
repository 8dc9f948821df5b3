import 'server-only';
/**
 * The bureau's backfill of a past month from a district 调度表 (docs/backfill.md). A dry run answers what each row
 * would do; a commit does it in the action's one transaction, all or nothing:
 *   - a month without a report: the report is created SUBMITTED by the bureau, then approved like any other
 *     (transitionReports 'approve': the approved figure, the approval's effects, its audit rows);
 *   - a month already approved with another figure: reopened with the reason (transitionReports 'reopen' keeps the
 *     approved version in the restatement trail), corrected, and approved again;
 *   - the same figure: unchanged, nothing written, so the same file twice changes nothing.
 * Every report it writes points to one ReportBackfill row (file name, SHA-256, reason), which the project page shows.
 */
import type { ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import { now as clockNow } from '@/lib/server/clock';
import { ConflictError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import { requireOpenYears } from '../report-guards';
import { transitionReports } from '../workflow';
import { planBackfill, type PlannedRow } from './plan-backfill';
import type { BackfillSummary } from './types';

export interface BackfillMonthInput {
  year: number;
  month: number;
  fileName: string;
  sha256: string;
  sheet: ParsedDispatchSheet;
  commit: boolean;
  /** why: required by a commit */
  reason: string | null;
  /** the dry run's digest: required by a commit */
  digest: string | null;
}

/** The plan year, open, and a month it has already passed: only past months are backfilled. */
async function openYear<I>(ctx: WriteContext<I>, year: number, month: number) {
  const planYear = await ctx.tx.planYear.findUnique({ where: { year }, select: { id: true, currentMonth: true } });
  if (!planYear) throw new ValidationError({ year: ['backfillYearUnknown'] }, { year: String(year) });
  // the same lock and refusals as every report write: a closed year's figures are final
  await requireOpenYears(ctx.tx, [planYear.id]);
  if (month >= planYear.currentMonth) {
    throw new ValidationError({ month: ['backfillMonthNotPast'] }, { month, currentMonth: planYear.currentMonth });
  }
  return planYear;
}

export async function backfillMonth<I>(ctx: WriteContext<I>, input: BackfillMonthInput): Promise<BackfillSummary> {
  const { tx, actor } = ctx;
  const planYear = await openYear(ctx, input.year, input.month);
  if (input.commit) {
    // the months the plan reads stay as they are until commit: no approval or reopening slips in between
    await tx.$queryRaw`
      SELECT r.id FROM "MonthlyReport" r JOIN "ProjectPlan" p ON p.id = r."planId"
       WHERE p."planYearId" = ${planYear.id} AND r.month <= ${input.month} ORDER BY r.id FOR UPDATE OF r`;
  }
  const { summary, planned } = await planBackfill(tx, { ...input, planYearId: planYear.id });
  const counts = summary.counts;

  if (!input.commit) {
    await ctx.audit({
      action: 'report.backfillDryRun',
      entity: 'PlanYear',
      entityId: planYear.id,
      before: null,
      after: { month: input.month, fileName: input.fileName, sha256: input.sha256, ...counts },
      reason: null,
    });
    return summary;
  }
  const problems = counts.refused + summary.fileIssues.length;
  if (problems > 0) throw new ConflictError('backfill.errors.notClean', { count: problems });
  if (input.digest !== summary.digest) throw new ConflictError('backfill.errors.changedSinceCheck');
  const reason = input.reason?.trim() ?? '';
  if (!reason) throw new ValidationError({ reason: ['backfillReasonRequired'] });
  // the same file again, or a file that agrees with what is approved: nothing to write, no batch, no audit row
  if (counts.create + counts.restate === 0) return summary;

  const now = await clockNow(tx);
  const batch = await tx.reportBackfill.create({
    data: {
      planYearId: planYear.id,
      month: input.month,
      fileName: input.fileName,
      sha256: input.sha256,
      reason,
      created: counts.create,
      restated: counts.restate,
      unchanged: counts.unchanged,
      createdById: actor.id,
    },
    select: { id: true },
  });
  const restated = planned.filter((p) => p.outcome === 'restate');
  const reopened = restated.length
    ? await transitionReports(
        ctx,
        'reopen',
        restated.map((p) => ({ reportId: p.report!.id, version: p.report!.version })),
        reason,
      )
    : [];
  const versionOf = new Map(reopened.map((r) => [r.reportId, r.version]));
  const toApprove: { reportId: number; version: number }[] = [];
  const audits = [];
  for (const p of planned) {
    if (p.outcome !== 'create' && p.outcome !== 'restate') continue;
    const fields = {
      investedThisMonth: p.thisMonth!,
      progressText: p.progress,
      status: 'SUBMITTED' as const,
      submittedById: actor.id,
      submittedAt: now,
      backfillId: batch.id,
    };
    const written = p.report
      ? await tx.monthlyReport.update({
          where: { id: p.report.id, version: versionOf.get(p.report.id)! },
          data: { ...fields, version: { increment: 1 }, flags: [] },
          select: { id: true, version: true },
        })
      : await tx.monthlyReport.create({
          data: { ...fields, planId: p.planId!, month: input.month },
          select: { id: true, version: true },
        });
    toApprove.push({ reportId: written.id, version: written.version });
    audits.push(auditOf(p, written.id, fields, input.fileName, reason));
  }
  await ctx.auditMany(audits);
  await transitionReports(ctx, 'approve', toApprove);
  await ctx.audit({
    action: 'report.backfill',
    entity: 'ReportBackfill',
    entityId: batch.id,
    before: null,
    after: { year: input.year, month: input.month, fileName: input.fileName, sha256: input.sha256, ...counts },
    reason,
  });
  return { ...summary, committed: true, backfillId: batch.id };
}

function auditOf(
  p: PlannedRow,
  reportId: number,
  fields: { investedThisMonth: string; progressText: string; backfillId: number },
  fileName: string,
  reason: string,
) {
  return {
    action: 'report.backfill',
    entity: 'MonthlyReport',
    entityId: reportId,
    before: p.report
      ? { status: p.report.status, investedThisMonth: p.report.investedThisMonth, progressText: p.report.progressText }
      : null,
    after: {
      investedThisMonth: fields.investedThisMonth,
      progressText: fields.progressText,
      backfillId: fields.backfillId,
      fileName,
      row: p.row,
    },
    reason,
  };
}
