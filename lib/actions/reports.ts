'use server';

/**
 * Monthly report actions: a department saves drafts and submits; the bureau approves, returns or reopens —
 * one report or many at once. Each action is the wrapper's checks around a write in lib/server/reports: saving a
 * draft in save-report-draft.ts, the state machine and its set-based writes in workflow.ts; the entry checks are
 * in lib/domain/report-checks.ts.
 */
import { defineAction } from '@/lib/actions/safe-action';
import { saveReportDraft as saveDraft } from '@/lib/server/reports/save-report-draft';
import { transitionReports } from '@/lib/server/reports/workflow';
import {
  ZApproveReport,
  ZReopenReport,
  ZReportBatch,
  ZReturnReport,
  ZReturnReports,
  ZSaveReportDraft,
  ZSubmitReport,
} from '@/lib/validations/report';

export type { SaveReportResult } from '@/lib/server/reports/save-report-draft';

const REVALIDATE = ['/projects', '/reports', '/plan'];

/** Creates the month's report or updates its draft. A submitted or approved report is no longer the department's to change. */
export const saveReportDraft = defineAction({
  name: 'report.saveDraft',
  permission: 'report.edit',
  input: ZSaveReportDraft,
  revalidate: REVALIDATE,
  run: saveDraft,
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
