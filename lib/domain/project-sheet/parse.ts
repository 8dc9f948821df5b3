/**
 * Cells → typed project rows, with every problem reported by spreadsheet row, column header and message key.
 * Nothing here touches the database: whether a 责任单位 exists or a code is new is decided by the import.
 *
 *   detectHeader (header.ts) → each data row through readProjectRow (read-row.ts: cells.ts for values,
 *   plan-issues.ts for the plan rules the project form checks too)
 */
import { COLUMN_BY_KEY, REQUIRED_COLUMNS, monthHeader, type ColumnKey } from './columns';
import { cellText } from './cells';
import { describeHeader, detectHeader } from './header';
import { MAX_DATA_ROWS } from './limits';
import { readProjectRow } from './read-row';
import type { Grid } from './read-grid';
import type { ParsedSheet, ProjectSheetRow, SheetIssue } from './sheet-types';

export type { ParsedSheet, ProjectSheetRow, SheetIssue, SheetIssueKey } from './sheet-types';
export { cellText, parseSheetDate } from './cells';
export { columnLetter, describeHeader, detectHeader, type HeaderLayout, type SheetHeader } from './header';

/** Section and total rows of real 调度表 files: "一、完工项目（86个）", "合计". */
const SECTION_ROW = /^([一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|合计|小计|总计)/;

const header = (key: ColumnKey) => COLUMN_BY_KEY[key].header;

export function parseProjectSheet(grid: Grid): ParsedSheet {
  const issues: SheetIssue[] = [];
  const layout = detectHeader(grid);
  if (!layout) {
    return {
      headerRow: 0,
      columns: {},
      hasMonths: false,
      headers: [],
      rows: [],
      issues: [{ row: 0, column: '', message: 'noHeader' }],
      dataRows: 0,
    };
  }
  const headers = describeHeader(grid, layout);
  const indexOf = new Map<ColumnKey, number>();
  layout.columns.forEach((key, index) => indexOf.set(key, index));
  const columns: Partial<Record<ColumnKey, string>> = {};
  for (const key of indexOf.keys()) columns[key] = header(key);

  for (const key of REQUIRED_COLUMNS) {
    if (!indexOf.has(key)) issues.push({ row: layout.row, column: header(key), message: 'missingColumn' });
  }
  const monthIndex = new Map<number, number>();
  layout.months.forEach((month, index) => monthIndex.set(month, index));
  const hasMonths = monthIndex.size > 0;
  if (hasMonths && monthIndex.size < 12) {
    for (let m = 1; m <= 12; m += 1) {
      if (!monthIndex.has(m)) issues.push({ row: layout.row, column: monthHeader(m), message: 'missingColumn' });
    }
  }
  if (issues.length) return { headerRow: layout.row, columns, hasMonths, headers, rows: [], issues, dataRows: 0 };

  const sheet = { columns: layout.columns, months: layout.months, indexOf, monthIndex };
  const rows: ProjectSheetRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  let dataRows = 0;

  for (let i = layout.dataStart; i < grid.rows.length; i += 1) {
    const cells = grid.rows[i] ?? [];
    const rowNumber = i + 1;
    const code = cellText(cells[indexOf.get('code') ?? -1]);
    const name = cellText(cells[indexOf.get('name') ?? -1]);
    if (!code && !name) continue; // blank, or a title/notes row
    const firstCell = cellText(cells.find((c) => cellText(c) !== '') ?? null);
    if (!code && SECTION_ROW.test(name || firstCell)) continue;
    if (!code && SECTION_ROW.test(firstCell)) continue;
    dataRows += 1;
    if (dataRows > MAX_DATA_ROWS) {
      issues.push({ row: rowNumber, column: '', message: 'tooManyRows', params: { max: String(MAX_DATA_ROWS) } });
      break;
    }
    const read = readProjectRow(cells, rowNumber, sheet, firstRowOfCode);
    if (read.row) rows.push(read.row);
    else issues.push(...read.issues);
  }
  return { headerRow: layout.row, columns, hasMonths, headers, rows, issues, dataRows };
}
