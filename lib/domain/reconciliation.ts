/**
 * Plan reconciliation: the figures published in the plan report beside the same figures summed from the
 * database. Amounts are decimal strings in 万元 (two decimals); shares are percent strings.
 */
export type PlanCutName = 'TOTAL' | 'STAGE' | 'INVESTOR' | 'DIRECTION';

export interface FigureValues {
  projectCount: number | null;
  amount: string | null; // 万元
  sharePercent: string | null;
}

export interface ReconciliationLine {
  cut: PlanCutName;
  /** enum value within the cut (e.g. "COMPLETION"), or "ALL" for TOTAL */
  key: string;
  published: FigureValues;
  actual: { projectCount: number; amount: string; sharePercent: string };
  /** every published value (count, amount, share) equals the actual one */
  matches: boolean;
}

export interface PlanReconciliation {
  year: number;
  title: string;
  /** 万元 */
  approvedInvestment: string;
  /** all projects with a plan this year, 前期 included */
  projectCount: number;
  /** 总投资 of all of them, 万元 */
  totalInvestment: string;
  lines: ReconciliationLine[];
  matches: boolean;
}
