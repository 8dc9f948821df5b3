import type { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import type { ColumnKey } from './columns';
import type { SheetHeader } from './header';

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
  | 'planExceedsTotal'
  | 'cumulativeExceedsTotal'
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
  /** every header cell of the file and what it was read as, unmapped ones included (absent: file unreadable) */
  headers?: SheetHeader[];
  rows: ProjectSheetRow[];
  issues: SheetIssue[];
  /** data rows read (valid or not), blank and subtotal rows excluded */
  dataRows: number;
}
