/** Where the header of a project sheet is, and which column holds what. */
import { COLUMN_BY_KEY, matchHeader, normalizeHeader, type ColumnKey } from './columns';
import type { CellValue, Grid } from './read-grid';

export interface HeaderLayout {
  row: number;
  /** column index → key */
  columns: Map<number, ColumnKey>;
  /** column index → month 1–12 */
  months: Map<number, number>;
  /** the first data row (0-based index) */
  dataStart: number;
}

/** Only the first rows are searched for the header: titles and notes above it are short. */
const HEADER_SEARCH_ROWS = 30;

function scanRow(cells: CellValue[] | undefined) {
  const columns = new Map<number, ColumnKey>();
  const months = new Map<number, number>();
  (cells ?? []).forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const match = matchHeader(cell);
    if (!match) return;
    if (match.kind === 'month') months.set(index, match.month);
    else if (![...columns.values()].includes(match.key)) columns.set(index, match.key);
  });
  return { columns, months };
}

/**
 * The header is the row among the first thirty that names the most known columns (a merged title row names
 * none). Month columns may sit on the row below, under a merged "分月计划" cell, as in two-row 调度表 headers.
 */
export function detectHeader(grid: Grid): HeaderLayout | null {
  let best: HeaderLayout | null = null;
  let bestScore = 0;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const { columns, months } = scanRow(grid.rows[i]);
    const keys = new Set(columns.values());
    if (!keys.has('code') && !keys.has('name')) continue;
    if (columns.size < 3 || columns.size <= bestScore) continue;
    let dataStart = i + 1;
    if (months.size === 0) {
      const below = scanRow(grid.rows[i + 1]);
      if (below.months.size >= 6) {
        below.months.forEach((m, idx) => months.set(idx, m));
        dataStart = i + 2;
      }
    }
    best = { row: i + 1, columns, months, dataStart };
    bestScore = columns.size;
  }
  return best;
}

/**
 * What one header cell of the file was read as: a Keystone column (`imported` false for the columns a plan import
 * ignores, e.g. 1-N月累计完成, which come from the monthly reports), a month of the split, or nothing: an unmapped
 * column, which the dry run lists instead of dropping it silently (`duplicate` when an earlier column already
 * holds that field).
 */
export interface SheetHeader {
  /** the spreadsheet column letter, "A" … */
  letter: string;
  /** the header text as in the file, whitespace collapsed */
  text: string;
  target:
    | { kind: 'column'; key: ColumnKey; imported: boolean }
    | { kind: 'month'; month: number }
    | { kind: 'unmapped'; duplicate: boolean };
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** The merged cell above a two-row header's month columns. */
const MONTH_GROUP = /^分月(投资)?计划(投资)?$/;

const headerText = (cell: CellValue | undefined) =>
  typeof cell === 'string' || typeof cell === 'number' ? String(cell).replace(/\s+/g, ' ').trim() : '';

/** Every non-empty header cell of the layout's header row (and the month row below it), left to right. */
export function describeHeader(grid: Grid, layout: HeaderLayout): SheetHeader[] {
  const top = grid.rows[layout.row - 1] ?? [];
  // row is 1-based and dataStart 0-based: a two-row header starts its data two rows below the header row
  const below = layout.dataStart === layout.row + 1 ? (grid.rows[layout.row] ?? []) : [];
  const described: SheetHeader[] = [];
  const width = Math.max(top.length, below.length);
  for (let index = 0; index < width; index += 1) {
    for (const [cell, isTop] of [
      [top[index], true],
      [below[index], false],
    ] as const) {
      const text = headerText(cell);
      if (!text) continue;
      const letter = columnLetter(index);
      const key = layout.columns.get(index);
      const month = layout.months.get(index);
      if (key && isTop) {
        described.push({ letter, text, target: { kind: 'column', key, imported: COLUMN_BY_KEY[key].imported } });
      } else if (month && matchHeader(text)?.kind === 'month') {
        described.push({ letter, text, target: { kind: 'month', month } });
      } else if (isTop && below.length && MONTH_GROUP.test(normalizeHeader(text))) {
        continue; // the title over the months, which are listed one by one
      } else {
        const match = matchHeader(text);
        described.push({ letter, text, target: { kind: 'unmapped', duplicate: match?.kind === 'column' } });
      }
    }
  }
  return described;
}
