import Decimal from 'decimal.js';

/**
 * Exact money helpers. Amounts are 万元 with two decimals; inside generators and checks they are handled as whole
 * cents of 万元 (1 = 0.01万元 = 100 yuan). The largest figure Keystone deals with, a district's total investment of
 * about 2×10^9 cents, is far below Number.MAX_SAFE_INTEGER, so plain integers are exact and fast.
 */
export type Cents = number;

export const CENTS_PER_WAN = 100;

export function assertCents(value: number, what = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a whole number of cents: ${value}`);
  return value;
}

/** 123456 → "1234.56"; −5 → "-0.05". */
export function centsToWan(cents: Cents): string {
  assertCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** "1234.56" → 123456. Refuses more than two decimals rather than rounding a figure silently. */
export function wanToCents(wan: string | number | Decimal): Cents {
  const value = new Decimal(wan).times(CENTS_PER_WAN);
  if (!value.isInteger()) throw new RangeError(`${String(wan)} has more than two decimals`);
  return assertCents(value.toNumber());
}

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of `unit`, summing exactly to `total`
 * (largest-remainder method). Ties go to the earlier part, so the result is deterministic.
 * `total` must be a multiple of `unit`.
 */
export function allocateCents(total: Cents, weights: readonly number[], unit: Cents = 1): Cents[] {
  assertCents(total, 'total');
  if (total % unit !== 0) throw new RangeError(`total ${total} is not a multiple of ${unit}`);
  const weightSum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (weights.length === 0) throw new RangeError('no parts to allocate to');
  if (weightSum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot allocate a non-zero total over zero weights');
  }
  const units = total / unit;
  const exact = weights.map((w) => (Math.max(0, w) / weightSum) * units);
  const floors = exact.map((x) => Math.floor(x));
  let remaining = units - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remaining <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remaining -= 1;
  }
  return floors.map((u) => u * unit);
}
