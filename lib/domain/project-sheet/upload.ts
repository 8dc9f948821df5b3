import { MAX_UPLOAD_BYTES } from './limits';

export { MAX_UPLOAD_BYTES };

export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** The format by file name; null for anything else. (Kept here, free of the readers, for the browser bundle.) */
export function formatOf(fileName: string): SheetFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'xls' || ext === 'csv' ? ext : null;
}

export const ACCEPTED_EXTENSIONS = '.xlsx,.xls,.csv';
