import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparisonForPeriod,
  currentPeriod,
  indicatorStatus,
  meets,
  type IndicatorRule,
} from '@/lib/domain/indicators/status';
import { parseActualNumber, parseTarget } from '@/lib/domain/indicators/target';

describe('parseTarget', () => {
  it.each([
    ['6左右', { op: 'about', value: '6' }],
    ['＞30', { op: 'gt', value: '30' }],
    ['＜0.01', { op: 'lt', value: '0.01' }],
    ['>29', { op: 'gt', value: '29' }],
    ['≥95', { op: 'ge', value: '95' }],
    ['>=95', { op: 'ge', value: '95' }],
    ['≤5', { op: 'le', value: '5' }],
    ['5.3以内', { op: 'le', value: '5.3' }],
    ['控制在3.5以内', { op: 'le', value: '3.5' }],
    ['3以下', { op: 'le', value: '3' }],
    ['100以上', { op: 'ge', value: '100' }],
    ['不低于90', { op: 'ge', value: '90' }],
    ['不超过2', { op: 'le', value: '2' }],
    ['700', { op: 'ge', value: '700' }],
    ['６左右', { op: 'about', value: '6' }],
    ['４．５％左右', { op: 'about', value: '4.5' }],
    ['5%', { op: 'ge', value: '5' }],
    ['3-5', { op: 'between', value: '3', upper: '5' }],
    ['3～5', { op: 'between', value: '3', upper: '5' }],
    ['3至5之间', { op: 'between', value: '3', upper: '5' }],
    [' 6 左右 ', { op: 'about', value: '6' }],
  ])('reads %j as %j', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each(['保持全市前列', '市计划', '保持Ⅱ类', '高于全市平均水平', '保持与经济发展同步', '', '5-3', '口径调整'])(
    'finds no comparison in %j (the bureau judges it)',
    (text) => {
      expect(parseTarget(text)).toBeNull();
    },
  );

  it('reads a full-width target exactly as its half-width spelling', () => {
    const fullWidth = (s: string) =>
      s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10)).replace('.', '．');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('>', '<', '≥', '≤', ''),
        fc.constantFrom('', '左右', '以内', '以上'),
        (whole, frac, sign, suffix) => {
          if (sign && suffix) return;
          const text = `${sign}${whole}.${frac}${suffix}`;
          const wide = fullWidth(text).replace('>', '＞').replace('<', '＜');
          expect(parseTarget(wide)).toEqual(parseTarget(text));
          expect(parseTarget(text)).not.toBeNull();
        },
      ),
    );
  });
});

describe('parseActualNumber', () => {
  it('reads a plain figure, full-width too, and nothing else', () => {
    expect(parseActualNumber('5.80')).toBe('5.8');
    expect(parseActualNumber('－1.2')).toBe('-1.2');
    expect(parseActualNumber('６')).toBe('6');
    expect(parseActualNumber('Ⅱ类')).toBeNull();
    expect(parseActualNumber('＞29')).toBeNull();
  });
});

const rule = (over: Partial<IndicatorRule> & { target: string }): IndicatorRule => ({
  nature: 'EXPECTED',
  frequency: 'ANNUAL',
  cumulative: false,
  comparison: parseTarget(over.target),
  ...over,
});
const actual = (value: string, period = 1, judgement: 'MET' | 'NOT_MET' | null = null) => ({
  period,
  value,
  judgement,
});

describe('indicatorStatus', () => {
  it('has no status without an approved actual', () => {
    expect(indicatorStatus(rule({ target: '6左右' }), null)).toBe('NO_DATA');
  });

  it('reaches "6左右" from 5.7 (6 less 5%); 5.69 is near for 预期性', () => {
    const r = rule({ target: '6左右' });
    expect(indicatorStatus(r, actual('5.7'))).toBe('MET');
    expect(indicatorStatus(r, actual('7.5'))).toBe('MET');
    expect(indicatorStatus(r, actual('5.69'))).toBe('NEAR');
  });

  it('a 预期性 target missed by at most 10% is near; by more, off', () => {
    const r = rule({ target: '240' });
    expect(indicatorStatus(r, actual('240'))).toBe('MET');
    expect(indicatorStatus(r, actual('216'))).toBe('NEAR');
    expect(indicatorStatus(r, actual('215.9'))).toBe('OFF');
  });

  it('a 约束性 target must hold: missed by a little is off', () => {
    const r = rule({ target: '＜0.01', nature: 'BINDING' });
    expect(indicatorStatus(r, actual('0.0055'))).toBe('MET');
    expect(indicatorStatus(r, actual('0.01'))).toBe('OFF');
    const green = rule({ target: '38.9左右', nature: 'BINDING' });
    expect(indicatorStatus(green, actual('36.955'))).toBe('MET');
    expect(indicatorStatus(green, actual('36.95'))).toBe('OFF');
  });

  it('a strict bound is strict: "＞30" is not met by 30', () => {
    expect(indicatorStatus(rule({ target: '＞30' }), actual('30'))).toBe('NEAR');
    expect(indicatorStatus(rule({ target: '＞30' }), actual('30.01'))).toBe('MET');
  });

  it('a ceiling is met from below: "5.3以内" by 5.3, near up to 5.83', () => {
    const r = rule({ target: '5.3以内' });
    expect(indicatorStatus(r, actual('5.3'))).toBe('MET');
    expect(indicatorStatus(r, actual('5.83'))).toBe('NEAR');
    expect(indicatorStatus(r, actual('5.84'))).toBe('OFF');
  });

  it('judges a cumulative indicator on pace: 700 by the year is 525 by Q3', () => {
    const r = rule({ target: '700', frequency: 'QUARTERLY', cumulative: true });
    expect(comparisonForPeriod(r, 3)).toEqual({ op: 'ge', value: '525' });
    expect(indicatorStatus(r, actual('525', 3))).toBe('MET');
    expect(indicatorStatus(r, actual('472.5', 3))).toBe('NEAR');
    expect(indicatorStatus(r, actual('472.4', 3))).toBe('OFF');
    expect(indicatorStatus(r, actual('699', 4))).toBe('NEAR');
  });

  it('judges a rate against the target itself in every period', () => {
    const r = rule({ target: '5左右', frequency: 'MONTHLY' });
    expect(comparisonForPeriod(r, 3)).toEqual({ op: 'about', value: '5' });
  });

  it('leaves a target that is not a comparison to the bureau', () => {
    const r = rule({ target: '保持Ⅱ类', nature: 'BINDING', frequency: 'MONTHLY' });
    expect(indicatorStatus(r, actual('Ⅱ类', 10))).toBe('TO_JUDGE');
    expect(indicatorStatus(r, actual('Ⅱ类', 10, 'MET'))).toBe('MET');
    expect(indicatorStatus(r, actual('Ⅲ类', 10, 'NOT_MET'))).toBe('OFF');
  });

  it('refuses a period the frequency does not have', () => {
    expect(() => comparisonForPeriod(rule({ target: '3', frequency: 'QUARTERLY' }), 5)).toThrow(RangeError);
  });

  it('never calls a 约束性 indicator near, and meeting the target is never worse than near (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('6左右', '＞30', '＜0.01', '5.3以内', '700', '3-5'),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (target, x) => {
          const value = x.toFixed(4);
          const binding = indicatorStatus(rule({ target, nature: 'BINDING' }), actual(value));
          expect(binding === 'MET' || binding === 'OFF').toBe(true);
          const expected = indicatorStatus(rule({ target }), actual(value));
          if (binding === 'MET') expect(expected).toBe('MET');
          if (meets(value, parseTarget(target)!)) expect(expected).toBe('MET');
        },
      ),
    );
  });
});

describe('currentPeriod', () => {
  it('is the month, the last complete quarter (at least the first), or the year', () => {
    expect(currentPeriod('MONTHLY', 11)).toBe(11);
    expect(currentPeriod('QUARTERLY', 11)).toBe(3);
    expect(currentPeriod('QUARTERLY', 2)).toBe(1);
    expect(currentPeriod('ANNUAL', 11)).toBe(1);
  });
});
