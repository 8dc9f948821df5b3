import Decimal from 'decimal.js';
import { approvedFigure, type ReportFigures } from './approved-figure';

export interface CumulativeSeries {
  /** cumulative 分月计划 at the end of each month 1–12, 万元 */
  planned: string[];
  /** cumulative approved figures at the end of each month, null after the last month with one */
  actual: (string | null)[];
}

/**
 * The S-curve of one project's year: its monthly plan split summed month by month beside the approved figure of
 * each month (approved-figure.ts) summed the same way, so the curve ends where the project's approved total is,
 * a reopened month included. Exact decimals; the chart only scales them for drawing.
 */
export function cumulativeSeries(
  monthlyPlan: readonly { month: number; amount: string }[],
  reports: readonly ReportFigures[],
): CumulativeSeries {
  const planByMonth = new Map(monthlyPlan.map((m) => [m.month, new Decimal(m.amount)]));
  const approved = new Map<number, Decimal>();
  for (const report of reports) {
    const figure = approvedFigure(report);
    if (figure !== null) approved.set(report.month, new Decimal(figure));
  }
  const lastApproved = Math.max(0, ...approved.keys());
  let plan = new Decimal(0);
  let actual = new Decimal(0);
  const planned: string[] = [];
  const actualSeries: (string | null)[] = [];
  for (let month = 1; month <= 12; month++) {
    plan = plan.plus(planByMonth.get(month) ?? 0);
    planned.push(plan.toFixed(2));
    if (month <= lastApproved) {
      actual = actual.plus(approved.get(month) ?? 0);
      actualSeries.push(actual.toFixed(2));
    } else {
      actualSeries.push(null);
    }
  }
  return { planned, actual: actualSeries };
}
