/**
 * A month's 调度表 → its project rows with the figures as given, the rows recognised and skipped, and the 合计
 * check, every problem by spreadsheet row and column. What the rows mean for the database (which project, the
 * previous month, derivation) is decided by the backfill (lib/server/reports/backfill, with derive.ts).
 */
import Decimal from 'decimal.js';
import { cellText, sheetAmount } from '@/lib/domain/project-sheet/cells';
import { MAX_DATA_ROWS } from '@/lib/domain/project-sheet/limits';
import type { CellValue, Grid } from '@/lib/domain/project-sheet/read-grid';
import { hasForbiddenCharacters } from '@/lib/domain/text-rule';
import { detectDispatchHeader, type DispatchLayout } from './header';
import { classifyRow } from './rows';
import {
  DISPATCH_MONEY_COLUMNS,
  type DispatchColumn,
  type DispatchIssue,
  type DispatchIssueKey,
  type DispatchMoneyColumn,
  type DispatchRow,
  type ParsedDispatchSheet,
} from './types';

export type * from './types';

/** What a blank amount looks like in these sheets: a dash or a slash for "nothing to report". */
const BLANK_AMOUNT = /^[-—－/／\\]+$/;

function emptySheet(issue: DispatchIssueKey): ParsedDispatchSheet {
  return {
    headerRow: 0,
    columns: [],
    headerMonth: null,
    titleYear: null,
    rows: [],
    skipped: [],
    totals: [],
    issues: [{ row: 0, column: '', message: issue }],
  };
}

type Amounts = Record<DispatchMoneyColumn, string | null>;

/** The row's amounts, exact; a cell that is not an amount is an issue of its row and column. */
function readAmounts(cells: readonly CellValue[], layout: DispatchLayout, row: number, issues: DispatchIssue[]) {
  const amounts: Amounts = { annualPlan: null, cumulative: null, thisMonth: null };
  let given = false;
  for (const key of DISPATCH_MONEY_COLUMNS) {
    const column = layout.columns.get(key);
    if (!column) continue;
    const text = cellText(cells[column.index]);
    if (text === '' || BLANK_AMOUNT.test(text)) continue;
    given = true;
    const parsed = sheetAmount(text);
    if (parsed.ok) amounts[key] = parsed.value;
    else issues.push({ row, column: column.label, message: parsed.issue as DispatchIssueKey, params: { value: text } });
  }
  return { amounts, given };
}

function readProgress(cells: readonly CellValue[], layout: DispatchLayout, row: number, issues: DispatchIssue[]) {
  const column = layout.columns.get('progress');
  if (!column) return '';
  const text = cellText(cells[column.index]);
  // its length is the report form's rule, checked with the report (lib/server/reports/backfill)
  if (hasForbiddenCharacters(text)) issues.push({ row, column: column.label, message: 'textInvalid' });
  return text;
}

/** The 合计 row's figures against the exact sums of the project rows, column by column. */
function checkTotals(
  totals: { row: number; amounts: Amounts }[],
  rows: readonly DispatchRow[],
  layout: DispatchLayout,
  issues: DispatchIssue[],
): ParsedDispatchSheet['totals'] {
  return totals.map(({ row, amounts }) => {
    const mismatches = [];
    let checked = 0;
    for (const key of DISPATCH_MONEY_COLUMNS) {
      const file = amounts[key];
      const column = layout.columns.get(key);
      if (file === null || !column) continue;
      checked += 1;
      const sum = rows.reduce((acc, r) => acc.plus(r[key] ?? 0), new Decimal(0)).toFixed(2);
      if (!new Decimal(file).eq(sum)) {
        mismatches.push({ row, column: column.label, file, sum });
        issues.push({ row, column: column.label, message: 'totalMismatch', params: { file, sum } });
      }
    }
    return { row, checked, mismatches };
  });
}

export function parseDispatchSheet(grid: Grid): ParsedDispatchSheet {
  const layout = detectDispatchHeader(grid);
  if (!layout) return emptySheet('noHeader');
  const issues: DispatchIssue[] = [];
  const headerRow = layout.headerIndex + 1;
  const at = (key: DispatchColumn) => layout.columns.get(key)?.index ?? -1;
  if (!layout.columns.has('cumulative') && !layout.columns.has('thisMonth')) {
    issues.push({ row: headerRow, column: '', message: 'noFigureColumn' });
  }
  if (layout.title.unit !== null && layout.title.unit !== '万元') {
    issues.push({ row: 0, column: '', message: 'unitNotWan', params: { unit: layout.title.unit } });
  }
  const headerMonths = new Set(layout.months.map((m) => m.month));
  if (headerMonths.size > 1) {
    issues.push({
      row: headerRow,
      column: layout.months.map((m) => m.label).join('、'),
      message: 'headerMonthsDisagree',
    });
  }
  const base = {
    headerRow,
    columns: [...layout.columns].map(([key, c]) => ({ key, label: c.label })),
    headerMonth: layout.months[0]?.month ?? layout.title.month,
    titleYear: layout.title.year,
  };
  if (issues.length) return { ...base, rows: [], skipped: [], totals: [], issues };

  const rows: DispatchRow[] = [];
  const skipped: ParsedDispatchSheet['skipped'] = [];
  const totals: { row: number; amounts: Amounts }[] = [];
  let footnotes = false;
  for (let i = layout.dataStart; i < grid.rows.length; i += 1) {
    const cells = grid.rows[i] ?? [];
    const row = i + 1;
    const labels = {
      seq: cellText(cells[at('seq')]),
      code: cellText(cells[at('code')]),
      name: cellText(cells[at('name')]),
    };
    if (footnotes) {
      if (cells.some((c) => cellText(c) !== ''))
        skipped.push({ row, kind: 'footnote', text: cellText(cells.find((c) => cellText(c) !== '')) });
      continue;
    }
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const rowIssues: DispatchIssue[] = [];
    const { amounts, given } = readAmounts(cells, layout, row, rowIssues);
    const kind = classifyRow(cells, labels, given);
    if (kind) {
      const text = labels.name || labels.code || labels.seq || cellText(cells.find((c) => cellText(c) !== ''));
      skipped.push({ row, kind, text });
      if (kind === 'footnote') footnotes = true;
      if (kind === 'total') {
        issues.push(...rowIssues);
        totals.push({ row, amounts });
      }
      continue;
    }
    if (rows.length >= MAX_DATA_ROWS) {
      issues.push({ row, column: '', message: 'tooManyRows', params: { max: MAX_DATA_ROWS } });
      break;
    }
    const progress = readProgress(cells, layout, row, rowIssues);
    issues.push(...rowIssues);
    rows.push({
      row,
      code: labels.code,
      name: labels.name,
      department: cellText(cells[at('department')]),
      ...amounts,
      progress,
    });
  }
  return { ...base, rows, skipped, totals: checkTotals(totals, rows, layout, issues), issues };
}
