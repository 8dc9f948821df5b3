import type { ReportStatus } from '@/generated/prisma/enums';
import type { DispatchIssue, ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';

/** What a row of the 调度表 does to its project's month. */
export type BackfillOutcome = 'create' | 'restate' | 'unchanged' | 'refused';

export interface BackfillRow {
  row: number;
  code: string;
  name: string;
  /** the project the row names; null when none or several match */
  projectId: number | null;
  outcome: BackfillOutcome;
  /** the month's figures once derived (null when refused) */
  thisMonth: string | null;
  cumulative: string | null;
  /** 形象进度 as it will stand */
  progress: string;
  /** the month's approved figure before the backfill, for a restatement or an unchanged row */
  previousFigure: string | null;
  /** why the row is refused */
  issues: DispatchIssue[];
}

/** What a backfill would do (dry run) or did (commit). */
export interface BackfillSummary {
  year: number;
  month: number;
  fileName: string;
  sha256: string;
  committed: boolean;
  /** the batch written by a commit that changed something */
  backfillId: number | null;
  counts: Record<BackfillOutcome, number>;
  rows: BackfillRow[];
  skipped: ParsedDispatchSheet['skipped'];
  totals: ParsedDispatchSheet['totals'];
  columns: ParsedDispatchSheet['columns'];
  /** problems of the file as a whole (no header, the month or year it names, a 合计 that does not add up …) */
  fileIssues: DispatchIssue[];
  /**
   * What the check saw, as a digest of every row's outcome, figures and report version: the commit sends it back and
   * is refused if its own check inside the transaction differs (someone approved or changed a month meanwhile).
   */
  digest: string;
}

/** A report the plan found for the month, with what a restatement needs. */
export interface ExistingReport {
  id: number;
  version: number;
  status: ReportStatus;
  investedThisMonth: string;
  approvedInvested: string | null;
  progressText: string;
}
