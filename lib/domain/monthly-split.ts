import Decimal from 'decimal.js';

/**
 * The monthly split (分月计划) of an annual plan that a plan file does not carry, derived from the profile the
 * bureau chose for the plan year. Pure and exact: amounts are 万元 strings with two decimals, and the twelve always
 * add up to the annual plan to the fen, so a derived split passes the same rule as a typed one
 * (plan-invariants.ts, projectMonthlySplitMismatch).
 */
export type SplitProfile = 'EVEN' | 'S_CURVE';
export const SPLIT_PROFILES: readonly SplitProfile[] = ['EVEN', 'S_CURVE'];

/**
 * A typical construction year in Chongqing: slow through the Spring Festival, building up to the summer, steady
 * through the autumn and easing off as winter sets in (the cumulative curve is an S: 14% after March, 41% after
 * June, 73% after September). In percent; the bureau may change them per year.
 */
export const DEFAULT_S_WEIGHTS: readonly string[] = ['3', '4', '7', '8', '9', '10', '10', '11', '11', '10', '9', '8'];

/** Weights are at most this and have at most four decimals; their sum must be positive. */
export const WEIGHT_MAX = 1000;
const WEIGHT = /^\d{1,4}(\.\d{1,4})?$/;

/** Room for a Decimal(18,2) plan times a weight sum without losing a digit (decimal.js's default is 20). */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type WeightsProblem = 'weightsCount' | 'weightInvalid' | 'weightsZero';

/** One weight: a number from 0 to WEIGHT_MAX with at most four decimals. */
export const isWeight = (w: string) => WEIGHT.test(w) && new Exact(w).lte(WEIGHT_MAX);

/**
 * Why twelve weights cannot be used, or null. Weights need not add up to 1 (or 100): they are normalised by their
 * sum, so the bureau may type percentages, parts per thousand or any relative figures.
 */
export function weightsProblem(weights: readonly string[]): WeightsProblem | null {
  if (weights.length !== 12) return 'weightsCount';
  if (!weights.every(isWeight)) return 'weightInvalid';
  if (weights.reduce((sum, w) => sum.plus(w), new Exact(0)).isZero()) return 'weightsZero';
  return null;
}

/**
 * Annual plan ÷ 12 rounded down to the fen for January to November, and what is left in December, so the twelve
 * add up exactly. Rounding down (not to nearest) keeps December from going negative: 0.10 ÷ 12 rounded to nearest
 * is 0.01, and eleven of those are more than the plan.
 */
export function evenSplit(annualPlan: string): string[] {
  const plan = new Exact(annualPlan);
  const month = plan.div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return [...Array.from({ length: 11 }, () => month.toFixed(2)), plan.minus(month.times(11)).toFixed(2)];
}

/**
 * Weighted split: the cumulative plan after each month is rounded (half up, to the fen) and each month is the
 * difference of two cumulative figures. So the twelve add up to the plan exactly, none is negative (the cumulative
 * curve never falls), and no single month carries all the rounding.
 */
export function weightedSplit(annualPlan: string, weights: readonly string[]): string[] {
  const problem = weightsProblem(weights);
  if (problem) throw new RangeError(`monthly split weights: ${problem}`);
  const plan = new Exact(annualPlan);
  const total = weights.reduce((sum, w) => sum.plus(w), new Exact(0));
  const amounts: string[] = [];
  let share = new Exact(0);
  let before = new Exact(0);
  for (const weight of weights) {
    share = share.plus(weight);
    const cumulative = plan.times(share).div(total).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    amounts.push(cumulative.minus(before).toFixed(2));
    before = cumulative;
  }
  return amounts;
}

/** The split of `annualPlan` (万元, two decimals, not negative) under a year's profile. */
export function deriveMonthlySplit(annualPlan: string, profile: SplitProfile, weights: readonly string[]): string[] {
  return profile === 'EVEN' ? evenSplit(annualPlan) : weightedSplit(annualPlan, weights);
}
