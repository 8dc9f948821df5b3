import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { formatOf } from '@/lib/domain/project-sheet/upload';
import { hasForbiddenCharacters } from '@/lib/domain/text-rule';

/**
 * The fields every spreadsheet upload shares (the registry import, the bureau's backfill, a department's month
 * sheet): one rule each, so the three uploads cannot drift apart. The file's and the year's messages are keys under
 * projectImport.upload in messages/*.json (components/uploads translates them); the month's is under `validation`.
 */

/** A plan year, as a form field sends it. */
export const ZPlanYearField = z.coerce
  .number({ error: 'yearInvalid' })
  .int({ error: 'yearInvalid' })
  .min(2000, { error: 'yearInvalid' })
  .max(2100, { error: 'yearInvalid' });

/** A month of the plan year, 1–12. */
export const ZMonthField = z.coerce
  .number({ error: 'monthInvalid' })
  .int({ error: 'monthInvalid' })
  .min(1, { error: 'monthInvalid' })
  .max(12, { error: 'monthInvalid' });

/** The uploaded workbook: present, not empty, within the size limit, of a type we read, with a name we can keep. */
export const ZSheetFile = z
  .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { error: 'fileRequired' })
  .refine((f) => f.size > 0, { error: 'fileEmpty' })
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, { error: 'fileTooLarge' })
  .refine((f) => formatOf(f.name) !== null, { error: 'fileType' })
  // the name is written to the audit trail and shown on project pages: the shared text rule, and a bound
  .refine((f) => f.name.length <= 255 && !hasForbiddenCharacters(f.name), { error: 'fileNameInvalid' });
