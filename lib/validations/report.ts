import { z } from 'zod';
import { isDateOnly } from '@/lib/domain/date-only';
import { MilestoneKind } from '@/generated/prisma/enums';
import { parseMoneyText, toHalfWidth, type MoneyTextProblem } from '@/lib/domain/money-text';
import { RECORD_ID_MAX } from './record-id';
import { text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG } from './text';

/**
 * Monthly report inputs, shared by the report form (zodResolver) and the actions in lib/actions/reports.ts.
 * Messages are keys under `validation` in messages/*.json, so one schema speaks both languages.
 */
export const REPORT_MESSAGES = {
  reportAmountRequired: 'reportAmountRequired',
  reportAmountInvalid: 'reportAmountInvalid',
  reportAmountNegative: 'reportAmountNegative',
  reportAmountTooManyDecimals: 'reportAmountTooManyDecimals',
  reportAmountTooLarge: 'reportAmountTooLarge',
  reportTextTooLong: 'reportTextTooLong',
  reportTextInvalid: 'reportTextInvalid',
  reportMonthInvalid: 'reportMonthInvalid',
  reportRecordInvalid: 'reportRecordInvalid',
  reportReturnCommentRequired: 'reportReturnCommentRequired',
  reportCommentTooLong: 'reportCommentTooLong',
  reportDateInvalid: 'reportDateInvalid',
  reportDatesOrder: 'reportDatesOrder',
  reportPercentInvalid: 'reportPercentInvalid',
  reportMilestoneInvalid: 'reportMilestoneInvalid',
  reportMilestoneDuplicate: 'reportMilestoneDuplicate',
  reportExplanationRequired: 'reportExplanationRequired',
  reportReopenReasonRequired: 'reportReopenReasonRequired',
  reportBatchEmpty: 'reportBatchEmpty',
  reportBatchTooLarge: 'reportBatchTooLarge',
  [TEXT_INVALID_CHARACTERS]: TEXT_INVALID_CHARACTERS,
  [TEXT_TOO_LONG]: TEXT_TOO_LONG,
} as const;

export type ReportMessageKey = keyof typeof REPORT_MESSAGES;

export function isReportMessageKey(value: unknown): value is ReportMessageKey {
  return typeof value === 'string' && Object.hasOwn(REPORT_MESSAGES, value);
}

/** The longest narrative a field takes; a month's 形象进度 is a paragraph, not a document. */
export const REPORT_TEXT_MAX = 2000;
export const REVIEW_COMMENT_MAX = 1000;

export type ParsedAmount = { ok: true; value: string } | { ok: false; error: ReportMessageKey };

const REPORT_AMOUNT_MESSAGE: Record<MoneyTextProblem, ReportMessageKey> = {
  required: 'reportAmountRequired',
  invalid: 'reportAmountInvalid',
  negative: 'reportAmountNegative',
  tooManyDecimals: 'reportAmountTooManyDecimals',
  tooLarge: 'reportAmountTooLarge',
};

/** A 万元 amount typed by a person → the exact two-decimal string stored, or the message key saying why not. */
export function parseAmountWan(raw: string): ParsedAmount {
  const parsed = parseMoneyText(raw);
  return parsed.ok ? parsed : { ok: false, error: REPORT_AMOUNT_MESSAGE[parsed.problem] };
}

/** 本月完成投资 in 万元: any text a person may type, out as "1234.50". */
export const ZAmountWan = z.string({ error: 'reportAmountRequired' }).transform((raw, ctx) => {
  const parsed = parseAmountWan(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

const reportText = text(z.string().max(REPORT_TEXT_MAX, { error: 'reportTextTooLong' }), {
  typeError: 'reportTextInvalid',
}).default('');

/** A record id; coerced so a no-JavaScript form post (all strings) parses like a client call. */
const recordId = z.coerce
  .number({ error: 'reportRecordInvalid' })
  .int({ error: 'reportRecordInvalid' })
  .positive({ error: 'reportRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'reportRecordInvalid' });

/** The version the user read: 0 for a report that did not exist yet. */
const readVersion = z.coerce
  .number({ error: 'reportRecordInvalid' })
  .int({ error: 'reportRecordInvalid' })
  .min(0, { error: 'reportRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'reportRecordInvalid' });

/** A calendar date "YYYY-MM-DD" (what <input type="date"> sends), or empty for "not yet". */
const optionalDate = z
  .string({ error: 'reportDateInvalid' })
  .nullish()
  .transform((raw, ctx) => {
    const text = raw?.trim() ?? '';
    if (text === '') return null;
    if (!isDateOnly(text)) {
      ctx.addIssue({ code: 'custom', message: 'reportDateInvalid' });
      return z.NEVER;
    }
    return text;
  });

/** 形象进度 as a percentage, 0–100 with up to two decimals; empty when the department does not estimate it. */
const optionalPercent = z
  .string({ error: 'reportPercentInvalid' })
  .nullish()
  .transform((raw, ctx) => {
    const text = toHalfWidth(raw ?? '').replace(/[%％\s]/g, '');
    if (text === '') return null;
    const n = /^\d{1,3}(\.\d{1,2})?$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= 0 && n <= 100)) {
      ctx.addIssue({ code: 'custom', message: 'reportPercentInvalid' });
      return z.NEVER;
    }
    return n.toFixed(2);
  });

/** "是/否/未说明" from a select ("true" | "false" | "") or a boolean from a client call. */
const optionalBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '']), z.null()])
  .optional()
  .transform((v) => (v === 'true' || v === true ? true : v === 'false' || v === false ? false : null));

export const MILESTONE_KINDS = Object.values(MilestoneKind);

/** 前期 projects: a milestone reached this month and the day it was reached. */
export const ZMilestoneUpdate = z.object({
  kind: z.enum(MilestoneKind, { error: 'reportMilestoneInvalid' }),
  date: z.string({ error: 'reportDateInvalid' }).trim().refine(isDateOnly, { error: 'reportDateInvalid' }),
});
export type MilestoneUpdate = z.output<typeof ZMilestoneUpdate>;

/** The JSON stored in MonthlyReport.milestoneUpdates, read back through the schema that wrote it. */
export function milestoneUpdatesOf(value: unknown): MilestoneUpdate[] {
  const parsed = ZMilestoneUpdate.array().safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The fields a department fills in each month. */
export const ZReportFields = z.object({
  investedThisMonth: ZAmountWan,
  progressText: reportText,
  problems: reportText,
  coordinationNeeded: reportText,
  nextSteps: reportText,
  /** 情况说明: why a flagged figure is right (lib/domain/report-checks.ts EXPLANATION_REQUIRED_FLAGS) */
  explanation: reportText,
  percentComplete: optionalPercent,
  actualStart: optionalDate,
  actualCompletion: optionalDate,
  blockers: reportText,
  readyToStart: optionalBoolean,
  milestoneUpdates: z.array(ZMilestoneUpdate).max(MILESTONE_KINDS.length).default([]),
});

const reportFieldRules = <T extends z.output<typeof ZReportFields>>(value: T, ctx: z.RefinementCtx) => {
  if (value.actualStart && value.actualCompletion && value.actualCompletion < value.actualStart) {
    ctx.addIssue({ code: 'custom', path: ['actualCompletion'], message: 'reportDatesOrder' });
  }
  const kinds = value.milestoneUpdates.map((m) => m.kind);
  if (new Set(kinds).size !== kinds.length) {
    ctx.addIssue({ code: 'custom', path: ['milestoneUpdates'], message: 'reportMilestoneDuplicate' });
  }
};

const ZSaveReportDraftObject = ZReportFields.extend({
  projectPlanId: recordId,
  month: z.coerce
    .number({ error: 'reportMonthInvalid' })
    .int({ error: 'reportMonthInvalid' })
    .min(1, { error: 'reportMonthInvalid' })
    .max(12, { error: 'reportMonthInvalid' }),
  version: readVersion,
});
export const ZSaveReportDraft = ZSaveReportDraftObject.superRefine(reportFieldRules);
export type SaveReportDraftInput = z.input<typeof ZSaveReportDraft>;
export type SaveReportDraftValues = z.output<typeof ZSaveReportDraft>;

/** Submit, approve: a report as the user saw it. */
export const ZReportTransition = z.object({ reportId: recordId, version: readVersion });
export const ZSubmitReport = ZReportTransition;
export const ZApproveReport = ZReportTransition;

export const ZReturnReport = ZReportTransition.extend({
  comment: text(
    z
      .string()
      .min(1, { error: 'reportReturnCommentRequired' })
      .max(REVIEW_COMMENT_MAX, { error: 'reportCommentTooLong' }),
    { typeError: 'reportReturnCommentRequired' },
  ),
});

/** Reopening an approved report for correction: the bureau says why; the approved version is kept. */
export const ZReopenReport = ZReportTransition.extend({
  reason: text(
    z
      .string()
      .min(1, { error: 'reportReopenReasonRequired' })
      .max(REVIEW_COMMENT_MAX, { error: 'reportCommentTooLong' }),
    { typeError: 'reportReopenReasonRequired' },
  ),
});

/** The most reports one bulk action takes: a whole district month is ~420, a city's ~1,100. */
export const REPORT_BATCH_MAX = 2000;

/** Submit or approve several reports at once, each as the user saw it; all or nothing. */
export const ZReportBatch = z.object({
  reports: z
    .array(ZReportTransition)
    .min(1, { error: 'reportBatchEmpty' })
    .max(REPORT_BATCH_MAX, { error: 'reportBatchTooLarge' }),
});

/** Return several reports with one comment. */
export const ZReturnReports = ZReportBatch.extend({ comment: ZReturnReport.shape.comment });
