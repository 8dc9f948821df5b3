import 'server-only';
import type { ReportStatus } from '@/generated/prisma/enums';
import { closedThrough } from '@/lib/domain/closed-years';
import { fromDateOnly } from '@/lib/domain/date-only';
import type { ReportFlag } from '@/lib/domain/report-checks';
import { diffRecords, toAuditRecord } from '@/lib/server/audit';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/server/errors';
import { closedYearFactConflict } from '@/lib/server/projects/closed-year-guard';
import type { WriteContext } from '@/lib/server/write-context';
import type { SaveReportDraftValues } from '@/lib/validations/report';
import { entryChecks } from './entry-checks';
import { EDITABLE, refuse, requireOpenYears } from './report-guards';

export interface SaveReportResult {
  reportId: number;
  version: number;
  status: ReportStatus;
  /** the entry checks' warnings: saved with the report and shown to the reviewer */
  flags: ReportFlag[];
}

/** The fields the trail records for a report; `version` and timestamps of the row itself would only add noise. */
const AUDITED = {
  planId: true,
  month: true,
  investedThisMonth: true,
  progressText: true,
  problems: true,
  coordinationNeeded: true,
  nextSteps: true,
  explanation: true,
  percentComplete: true,
  actualStart: true,
  actualCompletion: true,
  blockers: true,
  readyToStart: true,
  milestoneUpdates: true,
  flags: true,
  status: true,
  submittedById: true,
  submittedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewComment: true,
} as const;

/**
 * Creates the month's report or updates its draft, in the caller's transaction. A submitted or approved report is
 * no longer the department's to change; a stale version is refused, naming who saved in between.
 */
export async function saveReportDraft(ctx: WriteContext<SaveReportDraftValues>): Promise<SaveReportResult> {
  const { tx, input } = ctx;
  const plan = await tx.projectPlan.findUnique({
    where: { id: input.projectPlanId },
    select: {
      id: true,
      stage: true,
      cumulativeBeforeYear: true,
      annualPlan: true,
      project: { select: { id: true, departmentId: true, totalInvestment: true, actualStart: true } },
      planYear: { select: { id: true } },
    },
  });
  const owner: { departmentId: number } | null = plan ? { departmentId: plan.project.departmentId } : null;
  ctx.authorize(owner, 'plan');
  if (!plan) throw new NotFoundError('plan');

  const planYear = (await requireOpenYears(tx, [plan.planYear.id])).get(plan.planYear.id)!;
  if (input.month > planYear.currentMonth) {
    await refuse(tx, { kind: 'futureMonth', month: input.month, currentMonth: planYear.currentMonth });
  }

  // Saves of one project's months run one at a time: each checks cumulative since start against the others,
  // so two months saved together must not both pass against each other's old figures.
  await tx.$executeRaw`SELECT 1 FROM "ProjectPlan" WHERE id = ${plan.id} FOR UPDATE`;
  const existing = await tx.monthlyReport.findUnique({
    where: { planId_month: { planId: plan.id, month: input.month } },
    select: { id: true, version: true, ...AUDITED },
  });
  // A locked or stale report is refused for that reason first: checking figures nobody may save helps no one.
  if (existing && !EDITABLE.includes(existing.status)) await refuse(tx, { kind: 'locked', status: existing.status });
  if (existing && existing.version !== input.version) await refuse(tx, { kind: 'stale', reportId: existing.id });
  const checks = await entryChecks(tx, plan, input);
  // a date the report states becomes the project's on approval; one that a closed year counts cannot change
  const closed = await closedYearFactConflict(tx, [
    {
      projectId: plan.project.id,
      actualStart: input.actualStart,
      actualCompletion: input.actualCompletion,
      milestones: input.milestoneUpdates,
    },
  ]);
  if (closed) {
    throw new ValidationError(
      { [closed.field]: ['projectClosedYearDate'] },
      { year: closed.year, through: closedThrough(closed.year) },
    );
  }
  const fields = { ...reportFields(input), flags: checks.flags };

  if (!existing) {
    // Version 0 says "I saw no report"; anything else means the report the user read is gone.
    if (input.version !== 0) throw new NotFoundError('report');
    const created = await tx.monthlyReport
      .create({
        data: { planId: plan.id, month: input.month, ...fields, status: 'DRAFT', version: 1 },
        select: { id: true, version: true, ...AUDITED },
      })
      .catch(async (error: unknown) => {
        // A colleague created the same month's report between our read and our insert.
        if (isUniqueViolation(error)) return refuse(tx, { kind: 'stale', reportId: null });
        throw error;
      });
    const { id, version, ...audited } = created;
    await ctx.audit({
      action: 'report.saveDraft',
      entity: 'MonthlyReport',
      entityId: id,
      before: null,
      after: toAuditRecord(audited),
    });
    return { reportId: id, version, status: created.status, flags: checks.details };
  }

  const { count } = await tx.monthlyReport.updateMany({
    where: { id: existing.id, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (count !== 1) await refuse(tx, { kind: 'stale', reportId: existing.id });
  const updated = await tx.monthlyReport.findUniqueOrThrow({
    where: { id: existing.id },
    select: { id: true, version: true, ...AUDITED },
  });

  const { id: _sameId, version: _readVersion, ...beforeAudited } = existing;
  const { id, version, ...afterAudited } = updated;
  const diff = diffRecords(beforeAudited, afterAudited);
  await ctx.audit({
    action: 'report.saveDraft',
    entity: 'MonthlyReport',
    entityId: id,
    before: diff.before,
    after: diff.after,
  });
  // A returned report stays RETURNED while it is fixed, so the bureau's comment stays beside it.
  return { reportId: id, version, status: updated.status, flags: checks.details };
}

function reportFields(input: SaveReportDraftValues) {
  return {
    investedThisMonth: input.investedThisMonth,
    progressText: input.progressText,
    problems: input.problems,
    coordinationNeeded: input.coordinationNeeded,
    nextSteps: input.nextSteps,
    explanation: input.explanation,
    percentComplete: input.percentComplete,
    actualStart: fromDateOnly(input.actualStart),
    actualCompletion: fromDateOnly(input.actualCompletion),
    blockers: input.blockers,
    readyToStart: input.readyToStart,
    milestoneUpdates: input.milestoneUpdates,
  };
}
