import { z } from 'zod';
import { isWeight, SPLIT_PROFILES, weightsProblem, type SplitProfile } from '@/lib/domain/monthly-split';
import { formatOf } from '@/lib/domain/project-sheet/upload';
import { MAX_DATA_ROWS, MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { hasForbiddenCharacters } from '@/lib/domain/text-rule';
import { PLAN_CHANGE_REASON_MAX } from './project';

/** Project code → "<project id>:<plan version>" as the check saw it ("new", "<id>:none" when there was none). */
const ZImportVersions = z
  .record(z.string().max(40), z.string().max(40))
  .refine((v) => Object.keys(v).length <= MAX_DATA_ROWS);

/**
 * The upload of the import actions: a file field and the plan year. Messages are keys under projectImport.upload
 * in messages/*.json (the page translates them).
 */
export const ZProjectImportUpload = z.object({
  year: z.coerce
    .number({ error: 'yearInvalid' })
    .int({ error: 'yearInvalid' })
    .min(2000, { error: 'yearInvalid' })
    .max(2100, { error: 'yearInvalid' }),
  file: z
    .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { error: 'fileRequired' })
    .refine((f) => f.size > 0, { error: 'fileEmpty' })
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, { error: 'fileTooLarge' })
    .refine((f) => formatOf(f.name) !== null, { error: 'fileType' })
    // the name is written to the audit trail: the shared text rule, and a bound
    .refine((f) => f.name.length <= 255 && !hasForbiddenCharacters(f.name), { error: 'fileNameInvalid' }),
  /** why the plans of a year already reported against change; the import requires it then, as the form does */
  reason: z
    .string()
    .trim()
    .max(PLAN_CHANGE_REASON_MAX, { error: 'projectReasonTooLong' })
    .nullish()
    .transform((v) => (v ? v : null)),
  /**
   * The commit's proof of what the check saw: the check's `versions` (project code → version stamp) sent back as
   * JSON. A row whose project changed since is refused, as the form refuses a stale plan version.
   */
  versions: z
    .string()
    .max(4_000_000, { error: 'importNotChecked' })
    .nullish()
    .transform((text, ctx) => {
      if (!text) return null;
      const parsed = ZImportVersions.safeParse(safeJson(text));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: 'importNotChecked' });
      return z.NEVER;
    }),
});
export type ProjectImportUpload = z.output<typeof ZProjectImportUpload>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A plan year's monthly-split profile (the import page's 分月方案). Weights are relative: percentages, or parts of
 * one, normalised by their sum (lib/domain/monthly-split.ts). Messages are keys under projectImport.split.errors.
 */
export const ZSplitProfile = z
  .object({
    year: z.coerce
      .number({ error: 'yearInvalid' })
      .int({ error: 'yearInvalid' })
      .min(2000, { error: 'yearInvalid' })
      .max(2100, { error: 'yearInvalid' }),
    profile: z.enum(SPLIT_PROFILES as [SplitProfile, ...SplitProfile[]], { error: 'profileInvalid' }),
    // each weight is checked where it is, so the form can point at the month
    weights: z
      .array(z.string({ error: 'weightInvalid' }).trim().refine(isWeight, { error: 'weightInvalid' }), {
        error: 'weightsCount',
      })
      .max(12, { error: 'weightsCount' }),
  })
  .superRefine((value, ctx) => {
    const problem = weightsProblem(value.weights);
    // a bad weight has its own message already
    if (problem && problem !== 'weightInvalid') ctx.addIssue({ code: 'custom', path: ['weights'], message: problem });
  });
export type SplitProfileValues = z.output<typeof ZSplitProfile>;
