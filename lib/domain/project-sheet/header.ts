/** Where the header of a project sheet is, and which column holds what. */
import { matchHeader, type ColumnKey } from './columns';
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
