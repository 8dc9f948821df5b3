import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_S_WEIGHTS,
  deriveMonthlySplit,
  evenSplit,
  weightedSplit,
  weightsProblem,
} from '@/lib/domain/monthly-split';

const sum = (amounts: string[]) => amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
const allTwoDecimals = (amounts: string[]) => amounts.every((a) => /^\d+\.\d{2}$/.test(a));

describe('evenSplit (plan ÷ 12, the remainder in December)', () => {
  it('splits 1200 into twelve hundreds', () => {
    expect(evenSplit('1200.00')).toEqual(Array.from({ length: 12 }, () => '100.00'));
  });

  it('puts the rounding remainder in December: 1000 → eleven 83.33 and 83.37', () => {
    const split = evenSplit('1000.00');
    expect(split.slice(0, 11)).toEqual(Array.from({ length: 11 }, () => '83.33'));
    expect(split[11]).toBe('83.37');
    expect(sum(split)).toBe('1000.00');
  });

  it('rounds down so December never goes negative: 0.10 → eleven 0.00 and 0.10', () => {
    const split = evenSplit('0.10');
    expect(split.slice(0, 11).every((a) => a === '0.00')).toBe(true);
    expect(split[11]).toBe('0.10');
  });

  it('an annual plan of 0 is twelve zeros', () => {
    expect(evenSplit('0.00')).toEqual(Array.from({ length: 12 }, () => '0.00'));
  });

  it('an annual plan of 0.01 is all in December', () => {
    expect(evenSplit('0.01')).toEqual([...Array.from({ length: 11 }, () => '0.00'), '0.01']);
  });

  it('a huge plan (the largest numeric(18,2)) still sums to the fen', () => {
    const plan = '9999999999999999.99';
    const split = evenSplit(plan);
    expect(sum(split)).toBe(plan);
    expect(allTwoDecimals(split)).toBe(true);
  });

  it('sums exactly for every plan from 0.00 to 2.00', () => {
    for (let fen = 0; fen <= 200; fen += 1) {
      const plan = (fen / 100).toFixed(2);
      const split = evenSplit(plan);
      expect(sum(split)).toBe(plan);
      expect(split.every((a) => !a.startsWith('-'))).toBe(true);
    }
  });
});

describe('weightedSplit (the S-profile)', () => {
  it('the default weights give an S: 14% after March, 41% after June, 73% after September', () => {
    const split = weightedSplit('10000.00', DEFAULT_S_WEIGHTS);
    const after = (n: number) => sum(split.slice(0, n));
    expect(after(3)).toBe('1400.00');
    expect(after(6)).toBe('4100.00');
    expect(after(9)).toBe('7300.00');
    expect(sum(split)).toBe('10000.00');
  });

  it('normalises the weights: percentages and fractions of one give the same split', () => {
    const fractions = DEFAULT_S_WEIGHTS.map((w) => new Decimal(w).div(100).toString());
    expect(weightedSplit('2478.31', fractions)).toEqual(weightedSplit('2478.31', DEFAULT_S_WEIGHTS));
  });

  it('sums exactly where every month rounds: 1000 over weights 1…12', () => {
    const weights = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const split = weightedSplit('1000.00', weights);
    expect(sum(split)).toBe('1000.00');
    expect(split[0]).toBe('12.82');
  });

  it('an annual plan of 0 is twelve zeros; 0.01 lands in one month and nowhere negative', () => {
    expect(weightedSplit('0.00', DEFAULT_S_WEIGHTS)).toEqual(Array.from({ length: 12 }, () => '0.00'));
    const split = weightedSplit('0.01', DEFAULT_S_WEIGHTS);
    expect(sum(split)).toBe('0.01');
    expect(split.filter((a) => a === '0.01')).toHaveLength(1);
    expect(split.every((a) => a === '0.00' || a === '0.01')).toBe(true);
  });

  it('a huge plan still sums to the fen', () => {
    const plan = '9999999999999999.99';
    const split = weightedSplit(plan, DEFAULT_S_WEIGHTS);
    expect(sum(split)).toBe(plan);
    expect(allTwoDecimals(split)).toBe(true);
  });

  it('a month of weight 0 gets nothing', () => {
    const weights = ['0', ...Array.from({ length: 11 }, () => '1')];
    expect(weightedSplit('110.00', weights)[0]).toBe('0.00');
  });

  it('sums exactly and never goes negative for every plan from 0.00 to 2.00', () => {
    for (let fen = 0; fen <= 200; fen += 1) {
      const plan = (fen / 100).toFixed(2);
      const split = weightedSplit(plan, DEFAULT_S_WEIGHTS);
      expect(sum(split)).toBe(plan);
      expect(split.every((a) => !a.startsWith('-'))).toBe(true);
    }
  });
});

describe('weightsProblem', () => {
  it('accepts the default weights', () => {
    expect(weightsProblem(DEFAULT_S_WEIGHTS)).toBeNull();
  });

  it('wants twelve', () => {
    expect(weightsProblem(DEFAULT_S_WEIGHTS.slice(0, 11))).toBe('weightsCount');
  });

  it('refuses a negative, a non-number, five decimals and more than 1000', () => {
    for (const bad of ['-1', 'abc', '0.00001', '1000.5', '']) {
      expect(weightsProblem([bad, ...DEFAULT_S_WEIGHTS.slice(1)])).toBe('weightInvalid');
    }
  });

  it('refuses weights that are all zero (nothing to normalise by)', () => {
    expect(weightsProblem(Array.from({ length: 12 }, () => '0'))).toBe('weightsZero');
  });
});

describe('deriveMonthlySplit', () => {
  it('follows the profile', () => {
    expect(deriveMonthlySplit('1000.00', 'EVEN', DEFAULT_S_WEIGHTS)).toEqual(evenSplit('1000.00'));
    expect(deriveMonthlySplit('1000.00', 'S_CURVE', DEFAULT_S_WEIGHTS)).toEqual(
      weightedSplit('1000.00', DEFAULT_S_WEIGHTS),
    );
  });

  it('refuses weights it cannot use rather than dividing by zero', () => {
    expect(() =>
      deriveMonthlySplit(
        '1.00',
        'S_CURVE',
        Array.from({ length: 12 }, () => '0'),
      ),
    ).toThrow(RangeError);
  });
});
