import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { formatOf } from '@/lib/domain/project-sheet/upload';
import { hasForbiddenCharacters } from '@/lib/domain/text-rule';

/** The reason is kept in the audit log and on the project page: the length of a review comment's order. */
export const BACKFILL_REASON_MAX = 500;

/**
 * The bureau's backfill upload (lib/actions/report-backfill.ts): the year and month the file is for, the 调度表,
 * and for the commit the reason and the dry run's digest. Messages are keys under `validation` (and the file's
 * under projectImport.upload, shared with the registry import's upload).
 */
export const ZReportBackfillUpload = z.object({
  year: z.coerce
    .number({ error: 'yearInvalid' })
    .int({ error: 'yearInvalid' })
    .min(2000, { error: 'yearInvalid' })
    .max(2100, { error: 'yearInvalid' }),
  month: z.coerce
    .number({ error: 'backfillMonthInvalid' })
    .int({ error: 'backfillMonthInvalid' })
    .min(1, { error: 'backfillMonthInvalid' })
    .max(12, { error: 'backfillMonthInvalid' }),
  file: z
    .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { error: 'fileRequired' })
    .refine((f) => f.size > 0, { error: 'fileEmpty' })
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, { error: 'fileTooLarge' })
    .refine((f) => formatOf(f.name) !== null, { error: 'fileType' })
    // the name is written to the audit trail and shown on project pages: the shared text rule, and a bound
    .refine((f) => f.name.length <= 255 && !hasForbiddenCharacters(f.name), { error: 'fileNameInvalid' }),
  reason: z
    .string()
    .trim()
    .max(BACKFILL_REASON_MAX, { error: 'backfillReasonTooLong' })
    .refine((v) => !hasForbiddenCharacters(v), { error: 'backfillReasonInvalid' })
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
