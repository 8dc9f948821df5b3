import { z } from 'zod';
import { RECORD_ID_MAX } from './record-id';
import { text } from './text';

/**
 * Plan indicator inputs (附件2 actuals), shared by the entry and review forms (zodResolver) and the actions in
 * lib/actions/indicators.ts. Messages are keys under `validation` in messages/*.json.
 *
 * Whether the value must be a number depends on the indicator's target (a comparison needs a figure to compare),
 * which the schema cannot see: lib/server/indicators checks that against the record, with the same message key.
 */

export const INDICATOR_VALUE_MAX = 40;
export const INDICATOR_SOURCE_MAX = 60;
export const INDICATOR_NOTE_MAX = 500;
export const INDICATOR_REASON_MAX = 1000;

const recordId = z.coerce
  .number({ error: 'indicatorRecordInvalid' })
  .int({ error: 'indicatorRecordInvalid' })
  .positive({ error: 'indicatorRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'indicatorRecordInvalid' });

/** The version the user read: 0 for an actual that did not exist yet. */
const readVersion = z.coerce
  .number({ error: 'indicatorRecordInvalid' })
  .int({ error: 'indicatorRecordInvalid' })
  .min(0, { error: 'indicatorRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'indicatorRecordInvalid' });

/** "true"/"false" from a form post, or a boolean from a client call. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');

/** A department (or the bureau) enters the actual of one period; `submit` hands it to the bureau at once. */
export const ZEnterIndicatorActual = z.object({
  indicatorId: recordId,
  /** 1–12 (month), 1–4 (quarter) or 1 (year) by the indicator's frequency: checked against it by the server */
  period: z.coerce
    .number({ error: 'indicatorPeriodInvalid' })
    .int({ error: 'indicatorPeriodInvalid' })
    .min(1, { error: 'indicatorPeriodInvalid' })
    .max(12, { error: 'indicatorPeriodInvalid' }),
  version: readVersion,
  value: text(
    z.string().min(1, { error: 'indicatorValueRequired' }).max(INDICATOR_VALUE_MAX, { error: 'indicatorValueTooLong' }),
  ),
  source: text(
    z
      .string()
      .min(1, { error: 'indicatorSourceRequired' })
      .max(INDICATOR_SOURCE_MAX, { error: 'indicatorTextTooLong' }),
  ),
  note: text(z.string().max(INDICATOR_NOTE_MAX, { error: 'indicatorTextTooLong' })).default(''),
  submit: flag,
});
export type EnterIndicatorActualInput = z.input<typeof ZEnterIndicatorActual>;

export const ZIndicatorActualTransition = z.object({ actualId: recordId, version: readVersion });

/** Approving; for a target that is not a comparison the bureau says whether it is met (checked by the server). */
export const ZApproveIndicatorActual = ZIndicatorActualTransition.extend({
  judgement: z
    .enum(['MET', 'NOT_MET', ''], { error: 'indicatorJudgementInvalid' })
    // null is what the form's own parse hands the action when no verdict was chosen
    .nullish()
    .transform((v) => (v === 'MET' || v === 'NOT_MET' ? v : null)),
});
export type ApproveIndicatorActualInput = z.input<typeof ZApproveIndicatorActual>;

/** Returning to the department: the reason is required, and shown beside the entry form. */
export const ZReturnIndicatorActual = ZIndicatorActualTransition.extend({
  reason: text(
    z
      .string()
      .min(1, { error: 'indicatorReturnReasonRequired' })
      .max(INDICATOR_REASON_MAX, { error: 'indicatorTextTooLong' }),
  ),
});
export type ReturnIndicatorActualInput = z.input<typeof ZReturnIndicatorActual>;
