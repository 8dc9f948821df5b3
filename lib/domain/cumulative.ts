import Decimal from 'decimal.js';

export interface CumulativeSeries {
  /** cumulative 分月计划 at the end of each month 1–12, 万元 */
  planned: string[];
  /** cumulative approved investment at the end of each month, null after the last approved month */
  actual: (string | null)[];
}

/**
 * The S-curve of one project's year: its monthly plan split summed month by month beside the approved
 * monthly investment summed the same way. Exact decimals; the chart only scales them for drawing.
 */
export function cumulativeSeries(
  monthlyPlan: readonly { month: number; amount: string }[],
  reports: readonly { month: number; investedThisMonth: string; status: string }[],
): CumulativeSeries {
  const planByMonth = new Map(monthlyPlan.map((m) => [m.month, new Decimal(m.amount)]));
  const approved = new Map(
    reports.filter((r) => r.status === 'APPROVED').map((r) => [r.month, new Decimal(r.investedThisMonth)]),
  );
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
