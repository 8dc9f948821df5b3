import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from './limits';

export { MAX_UPLOAD_BYTES };

export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** The format by file name; null for anything else. (Kept here, free of the readers, for the browser bundle.) */
export function formatOf(fileName: string): SheetFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'xls' || ext === 'csv' ? ext : null;
}

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
    .refine((f) => formatOf(f.name) !== null, { error: 'fileType' }),
});
export type ProjectImportUpload = z.output<typeof ZProjectImportUpload>;
