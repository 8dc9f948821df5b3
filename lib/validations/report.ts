import { z } from 'zod';
import { parseMoneyText, type MoneyTextProblem } from '@/lib/domain/money-text';

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

const reportText = z
  .string({ error: 'reportTextInvalid' })
  .trim()
  .max(REPORT_TEXT_MAX, { error: 'reportTextTooLong' })
  .default('');

/** A record id; coerced so a no-JavaScript form post (all strings) parses like a client call. */
const recordId = z.coerce
  .number({ error: 'reportRecordInvalid' })
  .int({ error: 'reportRecordInvalid' })
  .positive({ error: 'reportRecordInvalid' });

/** The version the user read: 0 for a report that did not exist yet. */
const readVersion = z.coerce
  .number({ error: 'reportRecordInvalid' })
  .int({ error: 'reportRecordInvalid' })
  .min(0, { error: 'reportRecordInvalid' });

/** The fields a department fills in each month. */
export const ZReportFields = z.object({
  investedThisMonth: ZAmountWan,
  progressText: reportText,
  problems: reportText,
  coordinationNeeded: reportText,
  nextSteps: reportText,
});

export const ZSaveReportDraft = ZReportFields.extend({
  projectPlanId: recordId,
  month: z.coerce
    .number({ error: 'reportMonthInvalid' })
    .int({ error: 'reportMonthInvalid' })
    .min(1, { error: 'reportMonthInvalid' })
    .max(12, { error: 'reportMonthInvalid' }),
  version: readVersion,
});
export type SaveReportDraftInput = z.input<typeof ZSaveReportDraft>;
export type SaveReportDraftValues = z.output<typeof ZSaveReportDraft>;

/** Submit, approve: a report as the user saw it. */
export const ZReportTransition = z.object({ reportId: recordId, version: readVersion });
export const ZSubmitReport = ZReportTransition;
export const ZApproveReport = ZReportTransition;

export const ZReturnReport = ZReportTransition.extend({
  comment: z
    .string({ error: 'reportReturnCommentRequired' })
    .trim()
    .min(1, { error: 'reportReturnCommentRequired' })
    .max(REVIEW_COMMENT_MAX, { error: 'reportCommentTooLong' }),
});
export type ReturnReportInput = z.input<typeof ZReturnReport>;
