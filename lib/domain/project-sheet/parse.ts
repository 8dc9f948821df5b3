/**
 * Cells → typed project rows, with every problem reported by spreadsheet row, column header and message key.
 * Nothing here touches the database: whether a 责任单位 exists or a code is new is decided by the import.
 */
import type { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import Decimal from 'decimal.js';
import { parseAmountWan } from '@/lib/validations/report';
import { hasForbiddenCharacters } from '@/lib/validations/text';
import {
  COLUMN_BY_KEY,
  REQUIRED_COLUMNS,
  matchHeader,
  monthHeader,
  parseBuildType,
  parseDirection,
  parseInvestor,
  parseStage,
  type ColumnKey,
} from './columns';
import { MAX_DATA_ROWS } from './limits';
import type { CellValue, Grid } from './read-grid';

/** Message keys under projectImport.errors in messages/*.json. */
export type SheetIssueKey =
  | 'noHeader'
  | 'missingColumn'
  | 'required'
  | 'amountInvalid'
  | 'amountNegative'
  | 'amountTooManyDecimals'
  | 'amountTooLarge'
  | 'stageInvalid'
  | 'investorInvalid'
  | 'directionInvalid'
  | 'buildTypeInvalid'
  | 'dateInvalid'
  | 'datesOutOfOrder'
  | 'textTooLong'
  | 'codeInvalid'
  | 'duplicateCode'
  | 'preliminaryHasPlan'
  | 'annualPlanRequired'
  | 'monthlyPlanMismatch'
  | 'monthlyPlanMissing'
  | 'planExceedsTotal'
  | 'departmentUnknown'
  | 'departmentInactive'
  | 'tooManyRows'
  | 'unreadable'
  | 'textInvalid'
  | 'closedYearLocked';

export interface SheetIssue {
  /** spreadsheet row number (1-based), 0 for the file as a whole */
  row: number;
  /** the column's header as Keystone names it, '' for the whole row */
  column: string;
  message: SheetIssueKey;
  params?: Record<string, string>;
}

/**
 * A row as read. A field is `undefined` when its column is not in the sheet (the import then keeps what is
 * stored), and null or '' when the cell is blank. Money is exact 万元 text with two decimals; dates are YYYY-MM-DD.
 */
export interface ProjectSheetRow {
  row: number;
  code: string;
  name: string;
  department: string;
  stage: Stage;
  investorType: InvestorType;
  direction: Direction;
  totalInvestment: string;
  annualPlan: string | null;
  cumulativeBeforeYear: string | undefined;
  /** twelve amounts, January first; undefined when the sheet has no month columns */
  monthlyPlan: string[] | undefined;
  buildType: BuildType | undefined;
  ownerUnit: string | undefined;
  area: string | undefined;
  scope: string | undefined;
  plannedStart: string | null | undefined;
  plannedCompletion: string | null | undefined;
  leaderInCharge: string | null | undefined;
  milestoneTarget: string | null | undefined;
}

export interface ParsedSheet {
  /** the header row (1-based), 0 when none was found */
  headerRow: number;
  /** the columns recognised, by key, with the header text found */
  columns: Partial<Record<ColumnKey, string>>;
  hasMonths: boolean;
  rows: ProjectSheetRow[];
  issues: SheetIssue[];
  /** data rows read (valid or not), blank and subtotal rows excluded */
  dataRows: number;
}

const MAX_TEXT = 2000;
const MAX_SHORT = 200;
/** Only the first rows are searched for the header: titles and notes above it are short. */
const HEADER_SEARCH_ROWS = 30;

const header = (key: ColumnKey) => COLUMN_BY_KEY[key].header;

/**
 * A cell as the text a person sees. Numbers use at most 15 significant digits, as Excel displays them. Text is
 * NFC-normalised like every other input (lib/validations/text.ts); a character that rule refuses is reported by
 * the row (textInvalid), not removed.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const rounded = Number(value.toPrecision(15));
    return Math.abs(rounded) < 1e21 && Math.abs(rounded) >= 1e-6 ? new Decimal(rounded).toFixed() : String(rounded);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

interface HeaderLayout {
  row: number;
  /** column index → key */
  columns: Map<number, ColumnKey>;
  months: Map<number, number>;
  /** the first data row (0-based index) */
  dataStart: number;
}

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

/** Section and total rows of real 调度表 files: "一、完工项目（86个）", "合计". */
const SECTION_ROW = /^([一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|合计|小计|总计)/;

type AmountIssue = 'amountInvalid' | 'amountNegative' | 'amountTooManyDecimals' | 'amountTooLarge';
const AMOUNT_ISSUE: Record<string, AmountIssue> = {
  reportAmountInvalid: 'amountInvalid',
  reportAmountNegative: 'amountNegative',
  reportAmountTooManyDecimals: 'amountTooManyDecimals',
  reportAmountTooLarge: 'amountTooLarge',
};

/** Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug); serials are whole days. */
function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "2025年3月", "2025-03", or an Excel date serial. */
export function parseSheetDate(value: CellValue | undefined): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (typeof value === 'number') {
    const iso = serialToIso(value);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  const text = cellText(value).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (text === '') return { ok: true, value: null };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月?)$/.exec(text);
  if (!m) return { ok: false };
  const iso = isoDate(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  return iso ? { ok: true, value: iso } : { ok: false };
}

export function parseProjectSheet(grid: Grid): ParsedSheet {
  const issues: SheetIssue[] = [];
  const layout = detectHeader(grid);
  if (!layout) {
    return { headerRow: 0, columns: {}, hasMonths: false, rows: [], issues: [{ row: 0, column: '', message: 'noHeader' }], dataRows: 0 };
  }
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
  if (issues.length) return { headerRow: layout.row, columns, hasMonths, rows: [], issues, dataRows: 0 };

  const rows: ProjectSheetRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  let dataRows = 0;

  for (let i = layout.dataStart; i < grid.rows.length; i += 1) {
    const cells = grid.rows[i] ?? [];
    const rowNumber = i + 1;
    const get = (key: ColumnKey) => {
      const index = indexOf.get(key);
      return index === undefined ? undefined : cells[index];
    };
    const text = (key: ColumnKey) => cellText(get(key));
    const has = (key: ColumnKey) => indexOf.has(key);

    const code = text('code');
    const name = text('name');
    if (!code && !name) continue; // blank, or a title/notes row
    const firstCell = cellText(cells.find((c) => cellText(c) !== '') ?? null);
    if (!code && SECTION_ROW.test(name || firstCell)) continue;
    if (!code && SECTION_ROW.test(firstCell)) continue;
    dataRows += 1;
    if (dataRows > MAX_DATA_ROWS) {
      issues.push({ row: rowNumber, column: '', message: 'tooManyRows', params: { max: String(MAX_DATA_ROWS) } });
      break;
    }

    const rowIssues: SheetIssue[] = [];
    const fail = (key: ColumnKey | string, message: SheetIssueKey, params?: Record<string, string>) => {
      const column = key in COLUMN_BY_KEY ? header(key as ColumnKey) : key;
      rowIssues.push({ row: rowNumber, column, message, ...(params ? { params } : {}) });
    };

    const requiredText = (key: ColumnKey, max = MAX_SHORT) => {
      const value = text(key);
      if (!value) fail(key, 'required');
      else if (value.length > max) fail(key, 'textTooLong', { max: String(max) });
      return value;
    };
    const optionalText = (key: ColumnKey, max = MAX_SHORT): string | undefined => {
      if (!has(key)) return undefined;
      const value = text(key);
      if (value.length > max) fail(key, 'textTooLong', { max: String(max) });
      return value;
    };
    const amount = (key: ColumnKey | string, raw: CellValue | undefined, required: boolean): string | null => {
      const value = cellText(raw);
      if (value === '') {
        if (required) fail(key, 'required');
        return null;
      }
      const parsed = parseAmountWan(value);
      if (!parsed.ok) {
        fail(key, AMOUNT_ISSUE[parsed.error] ?? 'amountInvalid', { value });
        return null;
      }
      return parsed.value;
    };
    const enumValue = <E>(key: ColumnKey, parse: (t: string) => E | undefined, issue: SheetIssueKey): E | undefined => {
      const value = text(key);
      if (!value) {
        fail(key, 'required');
        return undefined;
      }
      const parsed = parse(value);
      if (parsed === undefined) fail(key, issue, { value });
      return parsed;
    };
    const date = (key: ColumnKey): string | null | undefined => {
      if (!has(key)) return undefined;
      const parsed = parseSheetDate(get(key));
      if (!parsed.ok) {
        fail(key, 'dateInvalid', { value: text(key) });
        return undefined;
      }
      return parsed.value;
    };

    // the shared text rule, once per cell the import reads
    for (const [index, key] of layout.columns) {
      const cell = cells[index];
      if (typeof cell === 'string' && hasForbiddenCharacters(cell)) fail(key, 'textInvalid');
    }
    for (const [index, month] of layout.months) {
      const cell = cells[index];
      if (typeof cell === 'string' && hasForbiddenCharacters(cell)) fail(monthHeader(month), 'textInvalid');
    }

    if (!code) fail('code', 'required');
    else if (!/^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/.test(code)) fail('code', 'codeInvalid', { value: code });
    else if (firstRowOfCode.has(code)) fail('code', 'duplicateCode', { value: code, row: String(firstRowOfCode.get(code)) });
    else firstRowOfCode.set(code, rowNumber);

    const nameValue = requiredText('name');
    const department = requiredText('department');
    const stage = enumValue('stage', parseStage, 'stageInvalid');
    const investorType = enumValue('investorType', parseInvestor, 'investorInvalid');
    const direction = enumValue('direction', parseDirection, 'directionInvalid');
    let buildType: BuildType | undefined;
    if (has('buildType') && text('buildType')) {
      buildType = parseBuildType(text('buildType'));
      if (!buildType) fail('buildType', 'buildTypeInvalid', { value: text('buildType') });
    }
    const totalInvestment = amount('totalInvestment', get('totalInvestment'), true);
    const annualPlan = has('annualPlan') ? amount('annualPlan', get('annualPlan'), false) : null;
    const cumulativeBeforeYear = has('cumulativeBeforeYear')
      ? (amount('cumulativeBeforeYear', get('cumulativeBeforeYear'), false) ?? '0.00')
      : undefined;

    let monthlyPlan: string[] | undefined;
    if (hasMonths) {
      monthlyPlan = [];
      for (let m = 1; m <= 12; m += 1) {
        monthlyPlan.push(amount(monthHeader(m), cells[monthIndex.get(m)!], false) ?? '0.00');
      }
    }

    const plannedStart = date('plannedStart');
    const plannedCompletion = date('plannedCompletion');
    if (plannedStart && plannedCompletion && plannedStart > plannedCompletion) fail('plannedCompletion', 'datesOutOfOrder');

    // plan invariants that need no database
    if (stage === 'PRELIMINARY') {
      if (annualPlan !== null && !new Decimal(annualPlan).isZero()) fail('annualPlan', 'preliminaryHasPlan');
      if (monthlyPlan?.some((v) => !new Decimal(v).isZero())) fail('annualPlan', 'preliminaryHasPlan');
    } else if (stage !== undefined && has('annualPlan') && annualPlan === null && !rowIssues.some((x) => x.column === header('annualPlan'))) {
      fail('annualPlan', 'annualPlanRequired');
    } else if (stage !== undefined && !has('annualPlan')) {
      fail('annualPlan', 'annualPlanRequired');
    }
    if (stage !== 'PRELIMINARY' && annualPlan !== null && monthlyPlan && !rowIssues.some((x) => /^\d+月$/.test(x.column))) {
      const sum = monthlyPlan.reduce((s, v) => s.plus(v), new Decimal(0));
      if (!sum.equals(annualPlan)) fail('annualPlan', 'monthlyPlanMismatch', { sum: sum.toFixed(2), plan: annualPlan });
    }
    if (totalInvestment !== null && annualPlan !== null && stage !== 'PRELIMINARY') {
      const room = new Decimal(totalInvestment).minus(cumulativeBeforeYear ?? '0');
      if (new Decimal(annualPlan).greaterThan(room)) fail('annualPlan', 'planExceedsTotal', { room: room.toFixed(2) });
    }

    const ownerUnit = optionalText('ownerUnit');
    const area = optionalText('area', 100);
    const scope = optionalText('scope', MAX_TEXT);
    const leader = optionalText('leaderInCharge', 100);
    const target = optionalText('milestoneTarget', MAX_TEXT);

    if (rowIssues.length || !stage || !investorType || !direction || totalInvestment === null) {
      issues.push(...rowIssues);
      continue;
    }
    rows.push({
      row: rowNumber,
      code,
      name: nameValue,
      department,
      stage,
      investorType,
      direction,
      totalInvestment,
      annualPlan: stage === 'PRELIMINARY' ? null : annualPlan,
      cumulativeBeforeYear,
      monthlyPlan: stage === 'PRELIMINARY' ? undefined : monthlyPlan,
      buildType,
      ownerUnit,
      area,
      scope,
      plannedStart,
      plannedCompletion,
      leaderInCharge: leader === undefined ? undefined : leader || null,
      milestoneTarget: target === undefined ? undefined : target || null,
    });
  }
  return { headerRow: layout.row, columns, hasMonths, rows, issues, dataRows };
}
