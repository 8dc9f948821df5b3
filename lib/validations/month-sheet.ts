import { z } from 'zod';
import { ZMonthField, ZPlanYearField, ZSheetFile } from './sheet-upload';

/**
 * The upload of a department's month (月报填报表): the file, and the plan year and month of the page it was
 * uploaded on; the file's own identity must name the same month. The fields are every sheet upload's
 * (./sheet-upload.ts).
 */
export const ZMonthSheetUpload = z.object({
  year: ZPlanYearField,
  month: ZMonthField,
  file: ZSheetFile,
});
export type MonthSheetUpload = z.output<typeof ZMonthSheetUpload>;
