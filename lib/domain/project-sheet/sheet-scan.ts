/**
 * The first worksheet of an .xlsx, measured before SheetJS builds it: its declared `<dimension>` and the row and
 * column of every cell reference, read straight from the XML bytes (no string, no DOM), so a 1.6 KB file naming
 * cell XFD1048576 is refused in microseconds instead of asking for 17 billion cells.
 */
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SheetLimitError } from './limits';

export interface SheetBounds {
  maxRows: number;
  maxColumns: number;
}

export const SHEET_BOUNDS: SheetBounds = { maxRows: MAX_SHEET_ROWS, maxColumns: MAX_SHEET_COLUMNS };

/** "XFD1048576" → column 16384, row 1048576 (1-based); null for anything else. */
export function decodeCellRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

/**
 * The path inside the zip of the workbook's first sheet (the one SheetJS reads with `sheets: 0`), from
 * xl/workbook.xml and its relationships; null when the parts are not where Excel puts them.
 */
export function firstSheetPath(workbookXml: string, relsXml: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0];
  const id = sheet && /\s[\w]+:id\s*=\s*["']([^"']+)["']/.exec(sheet)?.[1];
  if (!id) return null;
  for (const rel of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (attribute(rel, 'Id') !== id) continue;
    const target = attribute(rel, 'Target');
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
  }
  return null;
}

const LT = 0x3c;
const GT = 0x3e;

function tagName(xml: Uint8Array, from: number): { name: string; end: number } {
  let i = from;
  let name = '';
  while (i < xml.length && name.length < 16) {
    const b = xml[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f || b === GT) break;
    name += String.fromCharCode(b);
    i += 1;
  }
  const colon = name.indexOf(':');
  return { name: colon >= 0 ? name.slice(colon + 1) : name, end: i };
}

function tagText(xml: Uint8Array, from: number): { text: string; end: number } {
  let i = from;
  let text = '';
  while (i < xml.length && xml[i] !== GT && text.length < 512) text += String.fromCharCode(xml[i++]!);
  return { text, end: i };
}

/**
 * Refuses the sheet when its declared range or any cell lies beyond the bounds. Cells written without an `r`
 * attribute (allowed, rare) are not seen here; the grid built afterwards is checked again.
 */
export function assertSheetXmlWithinBounds(xml: Uint8Array, bounds: SheetBounds = SHEET_BOUNDS): void {
  let maxRow = 0;
  let maxColumn = 0;
  for (let i = xml.indexOf(LT); i >= 0 && i < xml.length; i = xml.indexOf(LT, i + 1)) {
    const { name, end } = tagName(xml, i + 1);
    if (name !== 'c' && name !== 'dimension') continue;
    const { text, end: close } = tagText(xml, end);
    i = close;
    if (name === 'dimension') {
      const ref = attribute(text, 'ref');
      const last = ref && decodeCellRef(ref.split(':').pop() ?? '');
      if (ref && last && (last.row > bounds.maxRows || last.column > bounds.maxColumns)) {
        throw new SheetLimitError('sheetRangeTooLarge', {
          ref,
          rows: last.row,
          columns: last.column,
          maxRows: bounds.maxRows,
          maxColumns: bounds.maxColumns,
        });
      }
      continue;
    }
    const cell = decodeCellRef(attribute(text, 'r') ?? '');
    if (!cell) continue;
    if (cell.row > maxRow) maxRow = cell.row;
    if (cell.column > maxColumn) maxColumn = cell.column;
    if (maxRow > bounds.maxRows) throw new SheetLimitError('sheetTooManyRows', { row: maxRow, max: bounds.maxRows });
    if (maxColumn > bounds.maxColumns) {
      throw new SheetLimitError('sheetTooManyColumns', { row: cell.row, columns: maxColumn, max: bounds.maxColumns });
    }
  }
}
