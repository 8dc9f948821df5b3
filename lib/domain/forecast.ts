import Decimal from 'decimal.js';
import { assertMonth } from '@/lib/domain/pace';

/**
 * Year-end forecast for the S-curve (issue 6, "S-curve"). Pure, exact decimals; money in 万元 as strings.
 *
 * Method: forecast = actual YTD + (plan for the remaining months) × (actual YTD ÷ planned YTD). The months still
 * to come are assumed to go at the same run rate against the plan as the months so far, and to follow the plan's
 * own seasonality (its monthly split). When nothing was planned up to month N (month 0, or a back-loaded plan),
 * there is no run rate to go by: the ratio is reported as null and the remaining months are taken at plan
 * (ratio 1), so the forecast is actual YTD + remaining plan.
 *
 * Forecasts do not add up: a department's or the district's forecast is computed on its own summed monthly
 * series, which weights projects by their plan, and differs from the sum of its projects' forecasts.
 */

export const FORECAST_METHOD_ZH =
  '年底预计完成投资 = 1-N月累计完成投资 + 剩余月份分月计划之和 ×（1-N月累计完成投资 ÷ 1-N月累计计划投资），即按目前的完成节奏和年度计划本身的分月安排推算全年；1-N月计划为零时按剩余月份计划全额推算。';
export const FORECAST_METHOD_EN =
  "Year-end forecast = investment to date + the plan for the remaining months × (investment to date ÷ plan to date): the rest of the year is assumed to follow the plan's own monthly split at the run rate achieved so far; when nothing was planned to date, the remaining months are taken at plan.";

export interface ForecastInput {
  /** 分月计划 for months 1–12, 万元; null = nothing planned that month */
  plannedByMonth: readonly (string | null)[];
  /**
   * Approved investment of months 1–12 (or at least 1–month), 万元; null = no approved report, counted as 0.
   * Entries after `month` are ignored.
   */
  actualByMonth: readonly (string | null)[];
  /** N: the last month with actual figures, 0–12 */
  month: number;
}

export interface YearEndForecast {
  /** forecast cumulative investment at the end of December, 万元, 2 decimals (half up) */
  forecast: string;
  /**
   * run rate: actual YTD ÷ planned YTD, 4 decimals (half up); null when planned YTD is 0 (the forecast then takes
   * the remaining months at plan)
   */
  ratio: string | null;
  /** forecast ÷ annual plan × 100, 2 decimals (half up); null when the annual plan is 0 */
  percentOfPlan: string | null;
  /** the annual plan (sum of the monthly split), actual YTD and planned YTD, 万元, 2 decimals */
  annualPlan: string;
  actualYtd: string;
  plannedYtd: string;
}

interface Totals {
  planned: Decimal[];
  actual: Decimal[];
  plannedYtd: Decimal;
  actualYtd: Decimal;
  annualPlan: Decimal;
  /** exact ratio used for the forecast (1 when planned YTD is 0) */
  rate: Decimal;
}

function totals(input: ForecastInput): Totals {
  assertMonth(input.month, 0);
  if (input.plannedByMonth.length !== 12) {
    throw new RangeError(`plannedByMonth must have 12 months: ${input.plannedByMonth.length}`);
  }
  if (input.actualByMonth.length < input.month || input.actualByMonth.length > 12) {
    throw new RangeError(
      `actualByMonth must cover months 1–${input.month} (and at most 12): ${input.actualByMonth.length}`,
    );
  }
  const amount = (v: string | null | undefined, what: string): Decimal => {
    const d = new Decimal(v ?? 0);
    if (d.isNegative()) throw new RangeError(`${what} is negative: ${v}`);
    return d;
  };
  const planned = input.plannedByMonth.map((v, i) => amount(v, `plan of month ${i + 1}`));
  const actual = Array.from({ length: input.month }, (_, i) =>
    amount(input.actualByMonth[i], `actual of month ${i + 1}`),
  );
  const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));
  const plannedYtd = sum(planned.slice(0, input.month));
  const actualYtd = sum(actual);
  return {
    planned,
    actual,
    plannedYtd,
    actualYtd,
    annualPlan: sum(planned),
    rate: plannedYtd.isZero() ? new Decimal(1) : actualYtd.dividedBy(plannedYtd),
  };
}

/** The year-end forecast of one series (a project, a department, the district). */
export function forecastYearEnd(input: ForecastInput): YearEndForecast {
  const t = totals(input);
  const remaining = t.annualPlan.minus(t.plannedYtd);
  const forecast = t.actualYtd.plus(remaining.times(t.rate));
  return {
    forecast: forecast.toFixed(2, Decimal.ROUND_HALF_UP),
    ratio: t.plannedYtd.isZero() ? null : t.rate.toFixed(4, Decimal.ROUND_HALF_UP),
    percentOfPlan: t.annualPlan.isZero()
      ? null
      : forecast.times(100).dividedBy(t.annualPlan).toFixed(2, Decimal.ROUND_HALF_UP),
    annualPlan: t.annualPlan.toFixed(2),
    actualYtd: t.actualYtd.toFixed(2),
    plannedYtd: t.plannedYtd.toFixed(2),
  };
}

export interface SCurvePoint {
  /** 1–12 */
  month: number;
  /** cumulative plan at the end of the month, 万元 */
  planned: string;
  /** cumulative actual at the end of the month; null after month N */
  actual: string | null;
  /**
   * cumulative forecast from month N on (equal to actual at N, so the lines join; equal to forecastYearEnd's
   * forecast at 12); null before N. With N = 0 every month is forecast, i.e. the plan.
   */
  forecast: string | null;
}

/** Month-by-month cumulative plan, actual and forecast, for the S-curve. Amounts 2 decimals, half up. */
export function cumulativeSeries(input: ForecastInput): SCurvePoint[] {
  const t = totals(input);
  const points: SCurvePoint[] = [];
  let planned = new Decimal(0);
  let actual = new Decimal(0);
  let plannedAfterN = new Decimal(0);
  for (let month = 1; month <= 12; month++) {
    const plan = t.planned[month - 1] as Decimal;
    planned = planned.plus(plan);
    if (month <= input.month) actual = actual.plus(t.actual[month - 1] as Decimal);
    else plannedAfterN = plannedAfterN.plus(plan);
    points.push({
      month,
      planned: planned.toFixed(2),
      actual: month <= input.month ? actual.toFixed(2) : null,
      forecast:
        month >= input.month ? t.actualYtd.plus(plannedAfterN.times(t.rate)).toFixed(2, Decimal.ROUND_HALF_UP) : null,
    });
  }
  return points;
}

export interface ShortfallRow<T> {
  project: T;
  annualPlan: string;
  forecast: string;
  /** annual plan − forecast, 万元, > 0 */
  shortfall: string;
  percentOfPlan: string | null;
}

/**
 * The projects most likely to miss their annual plan: those whose forecast falls short of the plan (sum of the
 * monthly split), by shortfall (annual plan − forecast, from the rounded forecast) descending, then by annual
 * plan descending, then in the order given; at most `limit`. A project on or above plan is not listed.
 */
export function likelyToMiss<T extends ForecastInput>(projects: readonly T[], limit: number): ShortfallRow<T>[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0: ${limit}`);
  const rows = projects
    .map((project, index) => {
      const f = forecastYearEnd(project);
      const shortfall = new Decimal(f.annualPlan).minus(f.forecast);
      return { project, index, f, shortfall };
    })
    .filter((r) => r.shortfall.greaterThan(0));
  rows.sort(
    (a, b) =>
      b.shortfall.comparedTo(a.shortfall) ||
      new Decimal(b.f.annualPlan).comparedTo(a.f.annualPlan) ||
      a.index - b.index,
  );
  return rows.slice(0, limit).map((r) => ({
    project: r.project,
    annualPlan: r.f.annualPlan,
    forecast: r.f.forecast,
    shortfall: r.shortfall.toFixed(2),
    percentOfPlan: r.f.percentOfPlan,
  }));
}
