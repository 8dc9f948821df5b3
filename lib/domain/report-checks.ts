import Decimal from 'decimal.js';
import type { Stage } from '@/generated/prisma/enums';

/**
 * Checks made when a monthly report is entered (issue 5, "Checks at entry"). Pure: amounts arrive as exact
 * decimal strings in 万元 (already parsed by lib/domain/money-text.ts, so non-negative with at most two decimals),
 * dates as "YYYY-MM-DD"; nothing here touches Prisma or Next.
 *
 * Every check is a flag, never a refusal: the report is saved with its flags and the reviewer sees them in the
 * review queue. A figure that trips a check may still be the truth of the month (an over-run of 总投资 is settled
 * by revising the total, 调整概算, not by reporting less), so the flags in EXPLANATION_REQUIRED_FLAGS only ask the
 * department to say why (the report's 情况说明) before the report can be submitted.
 */

export interface ReportCheckInput {
  stage: Stage;
  /** 总投资 */
  totalInvestment: string;
  /** 截至上年底累计完成投资 */
  cumulativeBeforeYear: string;
  /** 年度计划投资; null when the project has none (前期 projects) */
  annualPlan: string | null;
  /** the month reported, 1–12 */
  month: number;
  /** 本月完成投资 */
  investedThisMonth: string;
  /**
   * This year's earlier months that have a report, with the amount each reported. Only months before `month`,
   * each at most once; a month without a report is simply absent (it is not the same as a month reporting 0).
   */
  priorMonths: readonly { month: number; invested: string }[];
  /** 实际开工时间, from the report or else the project; null while the project has not started */
  actualStart: string | null;
  /** 分月计划: this month's planned amount; null or absent when the plan has none for the month */
  plannedThisMonth?: string | null;
}

/** A year to date above this multiple of the annual plan is flagged; exactly 150% is not. */
export const YTD_ABOVE_PLAN_RATIO = '1.5';
/** A month above this multiple of the project's own average month is flagged; exactly 5× is not. */
export const MONTH_SPIKE_RATIO = '5';
/** Fewer prior reported months than this give no average worth comparing with. */
export const MONTH_SPIKE_MIN_PRIOR_MONTHS = 2;
/**
 * A month above this multiple of its own 分月计划 amount is flagged while the project has too few months for the
 * spike flag: a decimal point slipped in January has no average to stand out against, but it stands out against
 * the plan. Exactly 5× is not flagged.
 */
export const MONTH_ABOVE_PLAN_RATIO = '5';

/** Stored with the report (a Postgres enum / text[] column): append new codes, never rename or reorder. */
export const REPORT_FLAG_CODES = [
  'ytdAbovePlan',
  'investmentOnPreliminary',
  'monthSpike',
  'investedWithoutStart',
  'cumulativeAboveTotal',
  'repeatsLastMonth',
  'monthAbovePlan',
] as const;
export type ReportFlagCode = (typeof REPORT_FLAG_CODES)[number];

/**
 * Flags a report cannot be submitted with unless its 情况说明 says why the figure is right. Cumulative above 总投资
 * is one: the month's figure stands, and the bureau needs the reason (an 调整概算 under way, a mistaken total).
 */
export const EXPLANATION_REQUIRED_FLAGS: readonly ReportFlagCode[] = ['cumulativeAboveTotal'];

/** The flags among `flags` that need an explanation the report does not give (blank or only spaces). */
export function unexplainedFlags(flags: readonly string[], explanation: string | null | undefined): ReportFlagCode[] {
  if ((explanation ?? '').trim() !== '') return [];
  return EXPLANATION_REQUIRED_FLAGS.filter((code) => flags.includes(code));
}

export type ReportFlag =
  | {
      code: 'ytdAbovePlan';
      /**
       * ytd and annualPlan in 万元; percent = ytd ÷ plan × 100 rounded up to two decimals, so a flagged
       * report never shows "150.00"; limit = 150% of the plan rounded down to the cent, so it is always below ytd.
       */
      params: { ytd: string; annualPlan: string; percent: string; limit: string };
    }
  | { code: 'investmentOnPreliminary'; params: { invested: string } }
  | {
      code: 'monthSpike';
      /**
       * invested and average (rounded half up to the cent) in 万元; multiple = invested ÷ average rounded up
       * to one decimal (so never "5.0" on a flagged report); priorMonths = how many months the average covers.
       */
      params: { invested: string; average: string; multiple: string; priorMonths: number };
    }
  | { code: 'investedWithoutStart'; params: { ytd: string } }
  | {
      code: 'cumulativeAboveTotal';
      /** 开工以来累计 (cumulative since start), 总投资, and by how much the first exceeds the second; 万元 */
      params: { cumulative: string; total: string; excess: string };
    }
  /** the same non-zero amount, to the cent, as last month: most often last month's figure left in place */
  | { code: 'repeatsLastMonth'; params: { invested: string } }
  | {
      code: 'monthAbovePlan';
      /** invested and this month's 分月计划 in 万元; multiple = invested ÷ planned rounded up to one decimal */
      params: { invested: string; planned: string; multiple: string };
    };

export interface ReportCheckResult {
  /** in the order of REPORT_FLAG_CODES */
  flags: ReportFlag[];
}

/** 1-N月累计完成投资: the earlier months' reports plus this month. */
export function yearToDate(priorMonths: readonly { invested: string }[], investedThisMonth: string): Decimal {
  return priorMonths.reduce<Decimal>((sum, m) => sum.plus(m.invested), new Decimal(investedThisMonth));
}

/**
 * The months the spike flag compares with: the prior months that have a report, from the first month with any
 * investment on. The zeros a new start reports before it starts are not its "normal" month — counting them made
 * its first ordinary months look like spikes. Within that span a month reported as 0 counts; a month never
 * reported does not, so gaps do not dilute the average.
 */
export function spikeBaseMonths<T extends { month?: number; invested: string }>(priorMonths: readonly T[]): T[] {
  const ordered = [...priorMonths].sort((a, b) => (a.month ?? 0) - (b.month ?? 0));
  const first = ordered.findIndex((m) => new Decimal(m.invested).greaterThan(0));
  return first < 0 ? [] : ordered.slice(first);
}

/**
 * The project's own average month, for the spike flag: the mean over spikeBaseMonths. Null when there are fewer
 * than MONTH_SPIKE_MIN_PRIOR_MONTHS such months or the average is not positive — a project that has invested
 * nothing yet has no "normal" month to compare with.
 */
export function averagePriorMonth(priorMonths: readonly { month?: number; invested: string }[]): Decimal | null {
  const base = spikeBaseMonths(priorMonths);
  if (base.length < MONTH_SPIKE_MIN_PRIOR_MONTHS) return null;
  const sum = base.reduce<Decimal>((s, m) => s.plus(m.invested), new Decimal(0));
  if (!sum.greaterThan(0)) return null;
  return sum.dividedBy(base.length);
}

export function checkReport(input: ReportCheckInput): ReportCheckResult {
  assertWellFormed(input);
  const flags: ReportFlag[] = [];

  const invested = new Decimal(input.investedThisMonth);
  const ytd = yearToDate(input.priorMonths, input.investedThisMonth);
  const cumulative = ytd.plus(input.cumulativeBeforeYear);
  const total = new Decimal(input.totalInvestment);

  // Without a plan there is no 150% to exceed: 前期 projects have none, and a 0 plan would flag every yuan.
  if (input.annualPlan !== null && new Decimal(input.annualPlan).greaterThan(0)) {
    const plan = new Decimal(input.annualPlan);
    const limit = plan.times(YTD_ABOVE_PLAN_RATIO);
    if (ytd.greaterThan(limit)) {
      flags.push({
        code: 'ytdAbovePlan',
        params: {
          ytd: ytd.toFixed(2),
          annualPlan: plan.toFixed(2),
          percent: ytd.dividedBy(plan).times(100).toFixed(2, Decimal.ROUND_UP),
          limit: limit.toFixed(2, Decimal.ROUND_DOWN),
        },
      });
    }
  }

  if (input.stage === 'PRELIMINARY' && invested.greaterThan(0)) {
    flags.push({ code: 'investmentOnPreliminary', params: { invested: invested.toFixed(2) } });
  }

  const spikeBase = spikeBaseMonths(input.priorMonths);
  const average = averagePriorMonth(input.priorMonths);
  // invested > 5 × (sum ÷ n) compared as invested × n > 5 × sum: no division, so exact at the boundary.
  const priorSum = yearToDate(spikeBase, '0');
  if (average !== null && invested.times(spikeBase.length).greaterThan(priorSum.times(MONTH_SPIKE_RATIO))) {
    flags.push({
      code: 'monthSpike',
      params: {
        invested: invested.toFixed(2),
        average: average.toFixed(2, Decimal.ROUND_HALF_UP),
        multiple: invested.dividedBy(average).toFixed(1, Decimal.ROUND_UP),
        priorMonths: spikeBase.length,
      },
    });
  }

  // Year to date, not just this month: a new start that reported investment in an earlier month and still has
  // no start date is the same gap in the record.
  if (input.stage === 'NEW_START' && ytd.greaterThan(0) && !input.actualStart) {
    flags.push({ code: 'investedWithoutStart', params: { ytd: ytd.toFixed(2) } });
  }

  if (cumulative.greaterThan(total)) {
    flags.push({
      code: 'cumulativeAboveTotal',
      params: {
        cumulative: cumulative.toFixed(2),
        total: total.toFixed(2),
        excess: cumulative.minus(total).toFixed(2),
      },
    });
  }

  const lastMonth = input.priorMonths.find((m) => m.month === input.month - 1);
  if (lastMonth && invested.greaterThan(0) && invested.equals(lastMonth.invested)) {
    flags.push({ code: 'repeatsLastMonth', params: { invested: invested.toFixed(2) } });
  }

  // Only where the spike flag has no average yet: once it has, the project's own months are the better yardstick.
  const planned = new Decimal(input.plannedThisMonth ?? 0);
  if (average === null && planned.greaterThan(0) && invested.greaterThan(planned.times(MONTH_ABOVE_PLAN_RATIO))) {
    flags.push({
      code: 'monthAbovePlan',
      params: {
        invested: invested.toFixed(2),
        planned: planned.toFixed(2),
        multiple: invested.dividedBy(planned).toFixed(1, Decimal.ROUND_UP),
      },
    });
  }

  return { flags };
}

/**
 * Inconsistent input is a bug in the caller, not something to flag: a later month among the "prior" months, a
 * month twice, or a negative amount (money-text refuses those at entry) would make every figure above wrong.
 */
function assertWellFormed(input: ReportCheckInput): void {
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12) {
    throw new RangeError(`month must be 1–12: ${input.month}`);
  }
  const seen = new Set<number>();
  for (const prior of input.priorMonths) {
    if (!Number.isInteger(prior.month) || prior.month < 1 || prior.month >= input.month) {
      throw new RangeError(`prior month ${prior.month} is not before month ${input.month}`);
    }
    if (seen.has(prior.month)) throw new RangeError(`prior month ${prior.month} appears twice`);
    seen.add(prior.month);
    if (new Decimal(prior.invested).lessThan(0)) throw new RangeError(`month ${prior.month} is negative`);
  }
  if (new Decimal(input.investedThisMonth).lessThan(0)) throw new RangeError('investedThisMonth is negative');
}
