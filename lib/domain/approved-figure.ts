/**
 * The approved figure of a month: what official figures count for a project's month. It is the report's
 * `approvedInvested`: set when the report is approved, kept while a reopened report is corrected, replaced when
 * the correction is approved; null while the month was never approved.
 *
 * Not the report's status and `investedThisMonth`: a reopened month is no longer APPROVED and its
 * `investedThisMonth` is the correction being typed, yet until the correction is approved the month still counts
 * with the figure approved before. The sums in SQL (the project's approved total, the rollups, the project list,
 * bulletins, exports) add the same column, `"approvedInvested"`.
 */
export interface ReportFigures {
  month: number;
  /** 万元, exact; null while the month was never approved */
  approvedInvested: string | null;
}

export function approvedFigure(report: Pick<ReportFigures, 'approvedInvested'>): string | null {
  return report.approvedInvested;
}
