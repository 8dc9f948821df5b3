/**
 * A spreadsheet file's bytes → the cells of its first sheet, row by row. .xlsx and .xls go through SheetJS
 * (@e965/xlsx, which also reads WPS and old Excel files); .csv through papaparse after decoding UTF-8 (with or
 * without a BOM) or GBK, which is what Excel on a Chinese Windows saves.
 *
 * Every reader stays within lib/domain/project-sheet/limits.ts: the zip is measured before it is inflated
 * (zip-guard.ts), the first sheet's range and cells before SheetJS builds them (sheet-scan.ts), only the first
 * sheet is parsed, in SheetJS's dense mode (a far-away cell costs one array slot, not a grid up to it), and rows
 * and columns are counted while the grid is built. A limit broken throws SheetLimitError; anything unreadable
 * throws some other error. The server runs all this in a worker thread (lib/server/projects/parse-upload.ts).
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SheetLimitError } from './limits';
import { assertSheetXmlWithinBounds, firstSheetPath } from './sheet-scan';
import type { SheetFormat } from './upload';
import { inflateZipWithinLimits, isZip } from './zip-guard';

export { formatOf, type SheetFormat } from './upload';

export type CellValue = string | number | boolean | null;

export interface Grid {
  /** rows of cells; `rows[i]` is spreadsheet row `i + 1` */
  rows: CellValue[][];
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function tooManyColumns(row: number, columns: number): SheetLimitError {
  return new SheetLimitError('sheetTooManyColumns', { row, columns, max: MAX_SHEET_COLUMNS });
}

/** Rows and columns are counted line by line, and parsing stops at the first line past a limit. */
export function readCsv(bytes: Uint8Array): Grid {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  // papaparse's own delimiter guess reads the whole text once per candidate (seconds for 4 MB of blank lines), so
  // it guesses from the first lines with content only
  const delimiter = Papa.parse(text.slice(0, 64 * 1024).trimStart(), { preview: 30 }).meta.delimiter || ',';
  const rows: CellValue[][] = [];
  let refusal: SheetLimitError | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const cells = result.data;
      if (rows.length >= MAX_SHEET_ROWS)
        refusal = new SheetLimitError('sheetTooManyRows', { row: rows.length + 1, max: MAX_SHEET_ROWS });
      else if (cells.length > MAX_SHEET_COLUMNS) refusal = tooManyColumns(rows.length + 1, cells.length);
      if (refusal) {
        parser.abort();
        return;
      }
      rows.push(cells.map((c) => (c === '' ? null : c)));
    },
  });
  if (refusal) throw refusal;
  return { rows };
}

/** Measures the zip and the first sheet's XML before SheetJS sees them; returns nothing, throws past a limit. */
function guardXlsx(bytes: Uint8Array) {
  const parts = inflateZipWithinLimits(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(name),
  );
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return;
  const path = firstSheetPath(decodeText(workbook), decodeText(rels));
  const sheet = path ? parts.get(path) : undefined;
  if (sheet) assertSheetXmlWithinBounds(sheet);
}

/** A SheetJS cell as the raw value the parser expects, as `sheet_to_json(…, { raw: true })` gave it. */
function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  if (cell.t === 'n' || cell.t === 's' || cell.t === 'b') return (cell.v as CellValue) ?? null;
  return null;
}

/**
 * Cells as raw values: numbers stay numbers (money is turned into exact text later) and dates stay Excel serial
 * numbers, which avoids the time-zone shifts of JavaScript Date objects. Merged cells hold their value in the
 * top-left cell only, which is what header detection expects of a merged title row.
 */
export function readWorkbook(bytes: Uint8Array): Grid {
  if (isZip(bytes)) guardXlsx(bytes);
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    sheets: 0,
    // one row past the limit, so that a longer sheet is refused below rather than silently cut
    sheetRows: MAX_SHEET_ROWS + 1,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellNF: false,
    bookVBA: false,
  });
  const first = wb.SheetNames[0];
  const sheet = first === undefined ? undefined : wb.Sheets[first];
  const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (data.length > MAX_SHEET_ROWS)
    throw new SheetLimitError('sheetTooManyRows', { row: data.length, max: MAX_SHEET_ROWS });
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r += 1) {
    const cells = data[r] ?? [];
    if (cells.length > MAX_SHEET_COLUMNS) throw tooManyColumns(r + 1, cells.length);
    const row: CellValue[] = new Array<CellValue>(cells.length);
    for (let c = 0; c < cells.length; c += 1) row[c] = cellValue(cells[c]);
    rows.push(row);
  }
  return { rows };
}

export function readGrid(bytes: Uint8Array, format: SheetFormat): Grid {
  return format === 'csv' ? readCsv(bytes) : readWorkbook(bytes);
}
