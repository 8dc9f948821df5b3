/**
 * One data row of a project sheet → a typed row, or every problem it has, by column. The plan rules are the
 * shared ones (plan-issues.ts); only what needs no database is decided here.
 */
import Decimal from 'decimal.js';
import type { BuildType } from '@/generated/prisma/enums';
import { hasForbiddenCharacters } from '@/lib/domain/text-rule';
import { cellText, parseSheetDate, sheetAmount } from './cells';
import {
  COLUMN_BY_KEY,
  monthHeader,
  parseBuildType,
  parseDirection,
  parseInvestor,
  parseStage,
  type ColumnKey,
} from './columns';
import { planIssues, type PlanInput } from './plan-issues';
import type { CellValue } from './read-grid';
import type { ProjectSheetRow, SheetIssue, SheetIssueKey } from './sheet-types';

const MAX_TEXT = 2000;
const MAX_SHORT = 200;
const CODE = /^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/;

/** Where each column of the sheet is. */
export interface SheetColumns {
  /** column index → key */
  columns: ReadonlyMap<number, ColumnKey>;
  /** column index → month */
  months: ReadonlyMap<number, number>;
  indexOf: ReadonlyMap<ColumnKey, number>;
  /** month → column index */
  monthIndex: ReadonlyMap<number, number>;
}

const header = (key: ColumnKey) => COLUMN_BY_KEY[key].header;

/**
 * Reads the row numbered `rowNumber` (1-based). `firstRowOfCode` remembers each code's first row across the
 * sheet, so a repeated code names the row it repeats.
 */
export function readProjectRow(
  cells: readonly CellValue[],
  rowNumber: number,
  sheet: SheetColumns,
  firstRowOfCode: Map<string, number>,
): { row: ProjectSheetRow; issues: [] } | { row: null; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  /** the columns (keys, or month headers) whose value could not be read */
  const failed = new Set<string>();
  const get = (key: ColumnKey) => {
    const index = sheet.indexOf.get(key);
    return index === undefined ? undefined : cells[index];
  };
  const text = (key: ColumnKey) => cellText(get(key));
  const has = (key: ColumnKey) => sheet.indexOf.has(key);
  const fail = (key: ColumnKey | string, message: SheetIssueKey, params?: Record<string, string>) => {
    failed.add(key);
    const column = key in COLUMN_BY_KEY ? header(key as ColumnKey) : key;
    issues.push({ row: rowNumber, column, message, ...(params ? { params } : {}) });
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
    const parsed = sheetAmount(value);
    if (!parsed.ok) {
      fail(key, parsed.issue, { value });
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
  for (const [index, key] of sheet.columns) {
    const cell = cells[index];
    if (typeof cell === 'string' && hasForbiddenCharacters(cell)) fail(key, 'textInvalid');
  }
  for (const [index, month] of sheet.months) {
    const cell = cells[index];
    if (typeof cell === 'string' && hasForbiddenCharacters(cell)) fail(monthHeader(month), 'textInvalid');
  }

  const code = text('code');
  if (!code) fail('code', 'required');
  else if (!CODE.test(code)) fail('code', 'codeInvalid', { value: code });
  else if (firstRowOfCode.has(code))
    fail('code', 'duplicateCode', { value: code, row: String(firstRowOfCode.get(code)) });
  else firstRowOfCode.set(code, rowNumber);

  const name = requiredText('name');
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
  const hasMonths = sheet.monthIndex.size > 0;
  const monthlyPlan = hasMonths
    ? Array.from(
        { length: 12 },
        (_, i) => amount(monthHeader(i + 1), cells[sheet.monthIndex.get(i + 1)!], false) ?? '0.00',
      )
    : undefined;
  const plannedStart = date('plannedStart');
  const plannedCompletion = date('plannedCompletion');

  // The plan rules, on what could be read: a cell that could not is stood in for, and the rules reading it skipped.
  const unread = new Set<PlanInput>(
    (
      ['stage', 'totalInvestment', 'cumulativeBeforeYear', 'annualPlan', 'plannedStart', 'plannedCompletion'] as const
    ).filter((k) => failed.has(k)),
  );
  if (!monthlyPlan || Array.from({ length: 12 }, (_, i) => monthHeader(i + 1)).some((m) => failed.has(m)))
    unread.add('monthly');
  // a 前期 row may carry a zero in the plan column: that is no plan
  const preliminaryZero = stage === 'PRELIMINARY' && annualPlan !== null && new Decimal(annualPlan).isZero();
  issues.push(
    ...planIssues(
      rowNumber,
      {
        stage: stage ?? 'ONGOING',
        totalInvestment: totalInvestment ?? '0.00',
        cumulativeBeforeYear: cumulativeBeforeYear ?? '0.00',
        annualPlan: preliminaryZero ? null : annualPlan,
        monthly: monthlyPlan ?? [],
        plannedStart: plannedStart ?? null,
        plannedCompletion: plannedCompletion ?? null,
        actualStart: null,
        actualCompletion: null,
      },
      unread,
    ),
  );

  const ownerUnit = optionalText('ownerUnit');
  const area = optionalText('area', 100);
  const scope = optionalText('scope', MAX_TEXT);
  const leader = optionalText('leaderInCharge', 100);
  const target = optionalText('milestoneTarget', MAX_TEXT);

  if (issues.length || !stage || !investorType || !direction || totalInvestment === null) return { row: null, issues };
  const preliminary = stage === 'PRELIMINARY';
  return {
    row: {
      row: rowNumber,
      code,
      name,
      department,
      stage,
      investorType,
      direction,
      totalInvestment,
      annualPlan: preliminary ? null : annualPlan,
      cumulativeBeforeYear,
      monthlyPlan: preliminary ? undefined : monthlyPlan,
      buildType,
      ownerUnit,
      area,
      scope,
      plannedStart,
      plannedCompletion,
      leaderInCharge: leader === undefined ? undefined : leader || null,
      milestoneTarget: target === undefined ? undefined : target || null,
    },
    issues: [],
  };
}
