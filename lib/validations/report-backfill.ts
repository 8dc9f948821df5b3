import { z } from 'zod';
import { ZMonthField, ZPlanYearField, ZSheetFile } from './sheet-upload';
import { text } from './text';

/** The reason is kept in the audit log and on the project page: the length of a review comment's order. */
export const BACKFILL_REASON_MAX = 500;

/**
 * The bureau's backfill upload (lib/actions/report-backfill.ts): the year and month the file is for, the 调度表,
 * and for the commit the reason and the dry run's digest. Messages are keys under `validation` (and the file's
 * under projectImport.upload, shared with the registry import's upload).
 */
export const ZReportBackfillUpload = z.object({
  year: ZPlanYearField,
  month: ZMonthField,
  file: ZSheetFile,
  /** under the shared text rule (./text.ts), as every text the audit trail keeps */
  reason: text(z.string().max(BACKFILL_REASON_MAX, { error: 'backfillReasonTooLong' }), {
    typeError: 'backfillReasonTooLong',
  })
    .nullish()
    .transform((v) => (v ? v : null)),
  /** the dry run's digest, sent back by the commit */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'backfillNotChecked' })
    .nullish()
    .transform((v) => v ?? null),
});
export type ReportBackfillUpload = z.output<typeof ZReportBackfillUpload>;
