import Decimal from 'decimal.js';
import { z } from 'zod';

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

/** Decimal(18, 2): sixteen digits before the point. */
const MAX_WHOLE_DIGITS = 16;

/**
 * What people paste from spreadsheets and Chinese input methods: full-width digits and punctuation, thousands
 * separators, stray spaces. Mapped character by character so the figure itself is never reinterpreted.
 */
function toHalfWidth(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF0E\u3002]/g, '.') // ． and 。, which an IME produces for a decimal point
    .replace(/[\uFF0C\u3001]/g, ',') // ， and 、
    .replace(/[\uFF0D\u2212\u2012\u2013]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\s\u3000]/g, '');
}

export type ParsedAmount = { ok: true; value: string } | { ok: false; error: ReportMessageKey };

/**
 * A 万元 amount typed by a person → the exact two-decimal string stored, or the reason it is refused.
 * Works on the text throughout (decimal.js only pads the result), so no figure ever passes through a float.
 */
export function parseAmountWan(raw: string): ParsedAmount {
  const text = toHalfWidth(raw);
  if (text === '') return { ok: false, error: 'reportAmountRequired' };
  const match = /^([+-]?)(\d+(?:,\d{3})*|\d*)(?:\.(\d*))?$/.exec(text);
  const [, sign = '', whole = '', fraction] = match ?? [];
  // Separators must group by thousands ("1,234.50"); "12,34" is more likely a typo for 12.34 than a figure.
  if (!match || (whole === '' && !fraction) || (whole.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(whole))) {
    return { ok: false, error: 'reportAmountInvalid' };
  }
  const digits = whole.replace(/,/g, '') || '0';
  const value = new Decimal(`${digits}.${fraction || '0'}`);
  if (sign === '-' && !value.isZero()) return { ok: false, error: 'reportAmountNegative' };
  if ((fraction ?? '').replace(/0+$/, '').length > 2) return { ok: false, error: 'reportAmountTooManyDecimals' };
  if (digits.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) return { ok: false, error: 'reportAmountTooLarge' };
  return { ok: true, value: value.toFixed(2) };
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
