/**
 * Every bound on an uploaded spreadsheet, in one place (docs and messages quote these). A hostile file of a few
 * kilobytes can otherwise ask the readers for billions of cells: an .xlsx naming cell XFD1048576, a declared
 * `<dimension ref="A1:XFD1048576">`, a zip whose entries inflate to gigabytes, a CSV of millions of blank lines.
 * The readers check each bound before doing the work it bounds; the parse then runs in a worker thread with a
 * memory and a time limit (lib/server/projects/parse-upload.ts), so even a blow-up nobody foresaw ends that
 * worker only, never the server. Kept free of Node and of the readers: the upload form imports it too.
 *
 * The values sit far above any real 调度表: the district's 421 projects, or a province's 10,000, are 1–2 MB of
 * .xlsx, 10–20 MB inflated, 30 columns.
 */

/** Bytes of the uploaded file (the server action's body limit in next.config.js sits just above it). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Bytes of all the entries of an .xlsx (a zip) once inflated, counted as they inflate; 20,000 real rows are ~18 MB. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/** Entries in an .xlsx's zip directory; a workbook has a dozen, a few hundred with pictures. */
export const MAX_ZIP_ENTRIES = 1000;

/** Rows of the sheet, blank and title rows included: a sheet's declared range, its cells, a CSV's lines. */
export const MAX_SHEET_ROWS = 50_000;

/** Columns of the sheet: the 调度表 has about 30. */
export const MAX_SHEET_COLUMNS = 200;

/** Data rows (projects) of one import; more is refused with a row-level message asking for batches. */
export const MAX_DATA_ROWS = 20_000;

/** The parse of one file in its worker: a 20,000-row .xlsx takes about 2 s here. */
export const PARSE_TIME_LIMIT_MS = 30_000;

/** The worker's JavaScript heap: a 20,000-row .xlsx needs about 60 MB, the largest file within the limits above ~300 MB. */
export const PARSE_MEMORY_LIMIT_MB = 512;

/** Files parsed at the same time; so that a burst of uploads cannot take the server's memory (2 × 512 MB). */
export const MAX_CONCURRENT_PARSES = 2;

/** Uploads waiting for a parse slot; more are refused with "try again shortly". */
export const MAX_QUEUED_PARSES = 8;

/** Message keys (under `validation` in messages/*.json) of a file refused for a limit; each names the limit. */
export type SheetLimitKey =
  | 'sheetInflatedTooLarge'
  | 'sheetTooManyEntries'
  | 'sheetRangeTooLarge'
  | 'sheetTooManyRows'
  | 'sheetTooManyColumns'
  | 'sheetParseTimeout'
  | 'sheetParseMemory'
  | 'sheetParseBusy';

/** A file refused because it breaks one of the limits above; `params` fill the message (numbers, a range). */
export class SheetLimitError extends Error {
  constructor(
    readonly key: SheetLimitKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'SheetLimitError';
  }
}
