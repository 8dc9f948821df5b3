'use server';

/**
 * Monthly report workflow: a department saves drafts and submits; the bureau approves or returns.
 *   missing ─save→ DRAFT ─submit→ SUBMITTED ─approve→ APPROVED
 *                  RETURNED ─submit→ ┘      └─return→ RETURNED
 * Every write names the version the user read (optimistic lock), so two people editing one report never
 * overwrite each other silently.
 */
import type { Prisma } from '@/generated/prisma/client';
import type { ReportStatus } from '@/generated/prisma/enums';
import { defineAction, type ActionContext } from '@/lib/actions/safe-action';
import { getRequestContext } from '@/lib/auth/request-context';
import { diffRecords, toAuditRecord, type Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { reportConflict, type ReportConflict } from '@/lib/server/reports/report-conflict';
import {
  ZApproveReport,
  ZReturnReport,
  ZSaveReportDraft,
  ZSubmitReport,
  type SaveReportDraftValues,
} from '@/lib/validations/report';
import type { z } from 'zod';

export interface ReportActionResult {
  reportId: number;
  version: number;
  status: ReportStatus;
}

const REVALIDATE = ['/projects'];

/** The fields the trail records for a report; `version` and timestamps of the row itself would only add noise. */
const AUDITED = {
  planId: true,
  month: true,
  investedThisMonth: true,
  progressText: true,
  problems: true,
  coordinationNeeded: true,
  nextSteps: true,
  status: true,
  submittedById: true,
  submittedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewComment: true,
} as const;

const EDITABLE: readonly ReportStatus[] = ['DRAFT', 'RETURNED'];

async function refuse(tx: Tx, conflict: ReportConflict): Promise<never> {
  const { locale } = await getRequestContext();
  throw await reportConflict(tx, locale, conflict);
}

/** Reports are written against an open plan year only: a closed year's figures are final. */
async function requireOpenYear(tx: Tx, planYear: { year: number; status: string }) {
  if (planYear.status === 'CLOSED') await refuse(tx, { kind: 'yearClosed', year: planYear.year });
  if (planYear.status !== 'ACTIVE') await refuse(tx, { kind: 'yearNotOpen', year: planYear.year });
}

/**
 * Loads a report with what authorization needs and authorizes it before anything else is looked at: another
 * department's report is answered as not found, exactly like a missing one.
 */
async function loadAuthorizedReport<I>(ctx: ActionContext<I>, reportId: number) {
  const report = await ctx.tx.monthlyReport.findUnique({
    where: { id: reportId },
    select: {
      ...AUDITED,
      id: true,
      version: true,
      plan: {
        select: {
          project: { select: { departmentId: true } },
          planYear: { select: { year: true, status: true } },
        },
      },
    },
  });
  const owner: { departmentId: number } | null = report ? { departmentId: report.plan.project.departmentId } : null;
  ctx.authorize(owner, 'report');
  if (!report) throw new NotFoundError('report');
  return report;
}

/**
 * Moves a report from one of `from` to a new state, guarded by the version the user read, and writes the trail.
 * The update's `where` repeats the version so a change committed between our read and our write is refused too.
 */
async function transition<I extends z.output<typeof ZSubmitReport>>(
  ctx: ActionContext<I>,
  spec: {
    from: readonly ReportStatus[];
    refusal: 'notSubmittable' | 'notReviewable';
    data: Prisma.MonthlyReportUncheckedUpdateManyInput & { status: ReportStatus };
    action: string;
    reason?: string;
  },
): Promise<ReportActionResult> {
  const { tx, input } = ctx;
  const { plan, id, version: storedVersion, ...before } = await loadAuthorizedReport(ctx, input.reportId);
  await requireOpenYear(tx, plan.planYear);
  if (!spec.from.includes(before.status)) await refuse(tx, { kind: spec.refusal, status: before.status });
  if (storedVersion !== input.version) await refuse(tx, { kind: 'stale', reportId: id });

  const { count } = await tx.monthlyReport.updateMany({
    where: { id, version: input.version },
    data: { ...spec.data, version: { increment: 1 } },
  });
  if (count !== 1) await refuse(tx, { kind: 'stale', reportId: id });
  const { version, ...after } = await tx.monthlyReport.findUniqueOrThrow({
    where: { id },
    select: { ...AUDITED, version: true },
  });
  const diff = diffRecords(before, after);
  await ctx.audit({
    action: spec.action,
    entity: 'MonthlyReport',
    entityId: id,
    before: diff.before,
    after: diff.after,
    reason: spec.reason ?? null,
  });
  return { reportId: id, version, status: after.status };
}

/** Creates the month's report or updates its draft. A submitted or approved report is no longer the department's to change. */
export const saveReportDraft = defineAction({
  name: 'report.saveDraft',
  permission: 'report.edit',
  input: ZSaveReportDraft,
  revalidate: REVALIDATE,
  // annotated: `ctx.authorize` is an assertion, which TypeScript only honours on an explicitly typed target
  run: async (ctx: ActionContext<SaveReportDraftValues>): Promise<ReportActionResult> => {
    const { tx, input } = ctx;
    const plan = await tx.projectPlan.findUnique({
      where: { id: input.projectPlanId },
      select: {
        id: true,
        project: { select: { departmentId: true } },
        planYear: { select: { year: true, status: true, currentMonth: true } },
      },
    });
    const owner: { departmentId: number } | null = plan ? { departmentId: plan.project.departmentId } : null;
    ctx.authorize(owner, 'plan');
    if (!plan) throw new NotFoundError('plan');

    await requireOpenYear(tx, plan.planYear);
    if (input.month > plan.planYear.currentMonth) {
      await refuse(tx, { kind: 'futureMonth', month: input.month, currentMonth: plan.planYear.currentMonth });
    }

    const fields = reportFields(input);
    const existing = await tx.monthlyReport.findUnique({
      where: { planId_month: { planId: plan.id, month: input.month } },
      select: { id: true, version: true, ...AUDITED },
    });

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
      return { reportId: id, version, status: created.status };
    }

    if (!EDITABLE.includes(existing.status)) await refuse(tx, { kind: 'locked', status: existing.status });
    if (existing.version !== input.version) await refuse(tx, { kind: 'stale', reportId: existing.id });

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
    return { reportId: id, version, status: updated.status };
  },
});

/** Hands a draft (or a returned report, fixed) to the bureau. */
export const submitReport = defineAction({
  name: 'report.submit',
  permission: 'report.submit',
  input: ZSubmitReport,
  revalidate: REVALIDATE,
  run: (ctx) =>
    transition(ctx, {
      from: EDITABLE,
      refusal: 'notSubmittable',
      data: { status: 'SUBMITTED', submittedById: ctx.actor.id, submittedAt: new Date() },
      action: 'report.submit',
    }),
});

export const approveReport = defineAction({
  name: 'report.approve',
  permission: 'report.review',
  input: ZApproveReport,
  revalidate: REVALIDATE,
  run: (ctx) =>
    transition(ctx, {
      from: ['SUBMITTED'],
      refusal: 'notReviewable',
      // The comment of an earlier return has been answered; the trail keeps it.
      data: { status: 'APPROVED', reviewedById: ctx.actor.id, reviewedAt: new Date(), reviewComment: null },
      action: 'report.approve',
    }),
});

/** Sends a submitted report back to its department with the reason, which the department sees beside the form. */
export const returnReport = defineAction({
  name: 'report.return',
  permission: 'report.review',
  input: ZReturnReport,
  revalidate: REVALIDATE,
  run: (ctx) =>
    transition(ctx, {
      from: ['SUBMITTED'],
      refusal: 'notReviewable',
      data: {
        status: 'RETURNED',
        reviewedById: ctx.actor.id,
        reviewedAt: new Date(),
        reviewComment: ctx.input.comment,
      },
      action: 'report.return',
      reason: ctx.input.comment,
    }),
});

function reportFields(input: SaveReportDraftValues) {
  return {
    investedThisMonth: input.investedThisMonth,
    progressText: input.progressText,
    problems: input.problems,
    coordinationNeeded: input.coordinationNeeded,
    nextSteps: input.nextSteps,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
