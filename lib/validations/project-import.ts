import { z } from 'zod';
import { isWeight, SPLIT_PROFILES, weightsProblem, type SplitProfile } from '@/lib/domain/monthly-split';
import { MAX_DATA_ROWS } from '@/lib/domain/project-sheet/limits';
import { ZPlanChangeReason } from './project';
import { ZPlanYearField, ZSheetFile } from './sheet-upload';

/** Project code → "<project id>:<plan version>" as the check saw it ("new", "<id>:none" when there was none). */
const ZImportVersions = z
  .record(z.string().max(40), z.string().max(40))
  .refine((v) => Object.keys(v).length <= MAX_DATA_ROWS);

/**
 * The upload of the import actions: a file field and the plan year. Messages are keys under projectImport.upload
 * in messages/*.json (the page translates them).
 */
export const ZProjectImportUpload = z.object({
  year: ZPlanYearField,
  file: ZSheetFile,
  /** why the plans of a year already reported against change; the import requires it then, as the form does */
  reason: ZPlanChangeReason,
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
    year: ZPlanYearField,
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
