/**
 * A spreadsheet file's bytes → the cells of its first sheet, row by row. .xlsx and .xls go through SheetJS
 * (@e965/xlsx, which also reads WPS and old Excel files); .csv through papaparse after decoding UTF-8 (with or
 * without a BOM) or GBK, which is what Excel on a Chinese Windows saves.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { SheetFormat } from './upload';

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

export function readCsv(bytes: Uint8Array): Grid {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return { rows: parsed.data.map((r) => r.map((c) => (c === '' ? null : c))) };
}

/**
 * Cells as raw values: numbers stay numbers (money is turned into exact text later) and dates stay Excel serial
 * numbers, which avoids the time-zone shifts of JavaScript Date objects. Merged cells hold their value in the
 * top-left cell only, which is what header detection expects of a merged title row.
 */
export function readWorkbook(bytes: Uint8Array): Grid {
  const wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
  const first = wb.SheetNames[0];
  const sheet = first === undefined ? undefined : wb.Sheets[first];
  if (!sheet || !sheet['!ref']) return { rows: [] };
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const data = XLSX.utils.sheet_to_json<CellValue[]>(sheet, { header: 1, raw: true, blankrows: true, defval: null });
  // sheet_to_json starts at the used range; pad so that rows[i] is spreadsheet row i + 1 and column A is index 0
  const pad: CellValue[][] = Array.from({ length: range.s.r }, () => []);
  const lead: CellValue[] = Array.from({ length: range.s.c }, () => null);
  return { rows: [...pad, ...data.map((r) => (range.s.c ? [...lead, ...r] : r))] };
}

export function readGrid(bytes: Uint8Array, format: SheetFormat): Grid {
  return format === 'csv' ? readCsv(bytes) : readWorkbook(bytes);
}
