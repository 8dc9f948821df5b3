import { z } from 'zod';
import { hasForbiddenCharacters } from '@/lib/validations/text';

export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** The format by file name; null for anything else. (Kept here, free of the readers, for the browser bundle.) */
export function formatOf(fileName: string): SheetFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'xls' || ext === 'csv' ? ext : null;
}

/** Larger than any real 调度表 (10,000 rows of .xlsx are about 1–2 MB), small enough to parse in one request. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = '.xlsx,.xls,.csv';

/**
 * The upload of the import actions: a file field and the plan year. Messages are keys under projectImport.upload
 * in messages/*.json (the page translates them).
 */
export const ZProjectImportUpload = z.object({
  year: z.coerce.number({ error: 'yearInvalid' }).int({ error: 'yearInvalid' }).min(2000, { error: 'yearInvalid' }).max(2100, { error: 'yearInvalid' }),
  file: z
    .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { error: 'fileRequired' })
    .refine((f) => f.size > 0, { error: 'fileEmpty' })
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, { error: 'fileTooLarge' })
    .refine((f) => formatOf(f.name) !== null, { error: 'fileType' })
    // the name is written to the audit trail: the shared text rule, and a bound
    .refine((f) => f.name.length <= 255 && !hasForbiddenCharacters(f.name), { error: 'fileNameInvalid' }),
});
export type ProjectImportUpload = z.output<typeof ZProjectImportUpload>;
