'use server';

/**
 * Monthly report actions: a department saves drafts and submits; the bureau approves, returns or reopens —
 * one report or many at once. The state machine and its set-based writes are in lib/server/reports/workflow.ts;
 * the entry checks in lib/domain/report-checks.ts.
 */
import type { ReportStatus } from '@/generated/prisma/enums';
import { defineAction, type ActionContext } from '@/lib/actions/safe-action';
import { diffRecords, toAuditRecord } from '@/lib/server/audit';
import { closedThrough } from '@/lib/domain/closed-years';
import { AppError, NotFoundError } from '@/lib/server/errors';
import { closedYearFactConflict } from '@/lib/server/projects/closed-year-guard';
import { entryChecks } from '@/lib/server/reports/entry-checks';
import type { ReportFlag } from '@/lib/domain/report-checks';
import { EDITABLE, refuse, requireOpenYears, transitionReports } from '@/lib/server/reports/workflow';
import {
  ZApproveReport,
  ZReopenReport,
  ZReportBatch,
  ZReturnReport,
  ZReturnReports,
  ZSaveReportDraft,
  ZSubmitReport,
  type SaveReportDraftValues,
} from '@/lib/validations/report';

export interface ReportActionResult {
  reportId: number;
  version: number;
  status: ReportStatus;
}

export interface SaveReportResult extends ReportActionResult {
  /** the entry checks' warnings: saved with the report and shown to the reviewer */
  flags: ReportFlag[];
}

const REVALIDATE = ['/projects', '/reports', '/plan'];

/** The fields the trail records for a report; `version` and timestamps of the row itself would only add noise. */
const AUDITED = {
  planId: true,
  month: true,
  investedThisMonth: true,
  progressText: true,
  problems: true,
  coordinationNeeded: true,
  nextSteps: true,
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

/** Creates the month's report or updates its draft. A submitted or approved report is no longer the department's to change. */
export const saveReportDraft = defineAction({
  name: 'report.saveDraft',
  permission: 'report.edit',
  input: ZSaveReportDraft,
  revalidate: REVALIDATE,
  // annotated: `ctx.authorize` is an assertion, which TypeScript only honours on an explicitly typed target
  run: async (ctx: ActionContext<SaveReportDraftValues>): Promise<SaveReportResult> => {
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
      { projectId: plan.project.id, actualStart: input.actualStart, actualCompletion: input.actualCompletion, milestones: input.milestoneUpdates },
    ]);
    if (closed) {
      throw new AppError('VALIDATION', undefined, { year: closed.year, through: closedThrough(closed.year) }, { [closed.field]: ['projectClosedYearDate'] });
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
  },
});

/** Hands a draft (or a returned report, fixed) to the bureau. */
export const submitReport = defineAction({
  name: 'report.submit',
  permission: 'report.submit',
  input: ZSubmitReport,
  revalidate: REVALIDATE,
  run: async (ctx) => (await transitionReports(ctx, 'submit', [ctx.input]))[0]!,
});

/** Submits several of the department's reports at once: all of them, or none if any cannot go. */
export const submitReports = defineAction({
  name: 'report.submitMany',
  permission: 'report.submit',
  input: ZReportBatch,
  revalidate: REVALIDATE,
  run: (ctx) => transitionReports(ctx, 'submit', ctx.input.reports),
});

export const approveReport = defineAction({
  name: 'report.approve',
  permission: 'report.review',
  input: ZApproveReport,
  revalidate: REVALIDATE,
  run: async (ctx) => (await transitionReports(ctx, 'approve', [ctx.input]))[0]!,
});

/** Approves a batch from the review queue: all of them, or none if any was changed meanwhile. */
export const approveReports = defineAction({
  name: 'report.approveMany',
  permission: 'report.review',
  input: ZReportBatch,
  revalidate: REVALIDATE,
  run: (ctx) => transitionReports(ctx, 'approve', ctx.input.reports),
});

/** Sends a submitted report back to its department with the reason, which the department sees beside the form. */
export const returnReport = defineAction({
  name: 'report.return',
  permission: 'report.review',
  input: ZReturnReport,
  revalidate: REVALIDATE,
  run: async (ctx) => (await transitionReports(ctx, 'return', [ctx.input], ctx.input.comment))[0]!,
});

/** Returns several reports with one comment. */
export const returnReports = defineAction({
  name: 'report.returnMany',
  permission: 'report.review',
  input: ZReturnReports,
  revalidate: REVALIDATE,
  run: (ctx) => transitionReports(ctx, 'return', ctx.input.reports, ctx.input.comment),
});

/**
 * Reopens an approved report so its department can correct it. The approved version is kept as a revision and
 * stays the official figure until the correction is approved.
 */
export const reopenReport = defineAction({
  name: 'report.reopen',
  permission: 'report.review',
  input: ZReopenReport,
  revalidate: REVALIDATE,
  run: async (ctx) => (await transitionReports(ctx, 'reopen', [ctx.input], ctx.input.reason))[0]!,
});

function reportFields(input: SaveReportDraftValues) {
  return {
    investedThisMonth: input.investedThisMonth,
    progressText: input.progressText,
    problems: input.problems,
    coordinationNeeded: input.coordinationNeeded,
    nextSteps: input.nextSteps,
    percentComplete: input.percentComplete,
    actualStart: input.actualStart ? new Date(`${input.actualStart}T00:00:00Z`) : null,
    actualCompletion: input.actualCompletion ? new Date(`${input.actualCompletion}T00:00:00Z`) : null,
    blockers: input.blockers,
    readyToStart: input.readyToStart,
    milestoneUpdates: input.milestoneUpdates,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
