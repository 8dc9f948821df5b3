import { z } from 'zod';
import { ZProjectImportUpload } from './project-import';

/**
 * The upload of a department's month (月报填报表): the file, and the plan year and month of the page it was
 * uploaded on; the file's own identity must name the same month. The file's checks are the registry import's
 * (size, type, name), with its messages (projectImport.upload in messages/*.json).
 */
export const ZMonthSheetUpload = z.object({
  year: ZProjectImportUpload.shape.year,
  month: z.coerce
    .number({ error: 'monthInvalid' })
    .int({ error: 'monthInvalid' })
    .min(1, { error: 'monthInvalid' })
    .max(12, { error: 'monthInvalid' }),
  file: ZProjectImportUpload.shape.file,
});
export type MonthSheetUpload = z.output<typeof ZMonthSheetUpload>;
