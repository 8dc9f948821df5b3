/**
 * What the parser of a month's 调度表 (a district's monthly dispatch sheet) makes of it: the project rows with their
 * figures as given, the rows it recognised and skipped, and the 合计 check. Pure: no Prisma, no Next.
 */

/** The columns a backfill reads; everything else in the sheet is ignored. */
export type DispatchColumn =
  'seq' | 'code' | 'name' | 'department' | 'annualPlan' | 'cumulative' | 'thisMonth' | 'progress';

/** The amounts a 合计 row is checked on. */
export type DispatchMoneyColumn = 'annualPlan' | 'cumulative' | 'thisMonth';
export const DISPATCH_MONEY_COLUMNS: readonly DispatchMoneyColumn[] = ['annualPlan', 'cumulative', 'thisMonth'];

/** Message keys under backfill.issues in messages/*.json. */
export type DispatchIssueKey =
  | 'unreadable'
  | 'noHeader'
  | 'noFigureColumn'
  | 'unitNotWan'
  | 'headerMonthsDisagree'
  | 'tooManyRows'
  | 'amountInvalid'
  | 'amountNegative'
  | 'amountTooManyDecimals'
  | 'amountTooLarge'
  | 'textInvalid'
  | 'textTooLong'
  | 'totalMismatch'
  // decided against the database (lib/server/reports/backfill), listed here so every refusal has one vocabulary
  | 'monthMismatch'
  | 'yearMismatch'
  | 'noProject'
  | 'projectNotFound'
  | 'nameAmbiguous'
  | 'noPlanInYear'
  | 'duplicateProject'
  | 'noFigure'
  | 'previousMonthMissing'
  | 'cumulativeBelowPrevious'
  | 'figuresDisagree'
  | 'reportInProgress';

export interface DispatchIssue {
  /** spreadsheet row (1-based); 0 for the file as a whole */
  row: number;
  /** the column's header as the file names it, '' for the whole row */
  column: string;
  message: DispatchIssueKey;
  params?: Record<string, string | number>;
}

/** A project's row as the file gives it; amounts are exact 万元 strings, null when the cell is blank. */
export interface DispatchRow {
  row: number;
  code: string;
  name: string;
  department: string;
  annualPlan: string | null;
  cumulative: string | null;
  thisMonth: string | null;
  /** '' when the file has no 形象进度 or the cell is blank */
  progress: string;
}

export type SkippedKind = 'subtotal' | 'total' | 'heading' | 'footnote';

export interface SkippedRow {
  row: number;
  kind: SkippedKind;
  /** the row's label as the file shows it (e.g. "区住房城乡建委小计") */
  text: string;
}

export interface TotalMismatch {
  row: number;
  column: string;
  /** the 合计 row's figure */
  file: string;
  /** the sum of the project rows, exact */
  sum: string;
}

export interface ParsedDispatchSheet {
  /** 1-based; 0 when no header was found */
  headerRow: number;
  /** the columns recognised, with the file's own label (an upper and a lower header joined by " | ") */
  columns: { key: DispatchColumn; label: string }[];
  /** the month the header names ("1-8月", "其中：8月"); null when it names none */
  headerMonth: number | null;
  /** the year the title names ("2025年1-8月…"); null when it names none */
  titleYear: number | null;
  rows: DispatchRow[];
  skipped: SkippedRow[];
  /** the 合计 rows' figures beside the sums of the project rows; a mismatch is listed in `issues` too */
  totals: { row: number; checked: number; mismatches: TotalMismatch[] }[];
  /** problems of the file and of single rows; any refuses the commit */
  issues: DispatchIssue[];
}
