import { describe, expect, it } from 'vitest';
import { describeGap, gapPoints, pacePercent, percentOf } from '@/lib/domain/pace';

describe('pacePercent (序时进度 = N/12)', () => {
  it('is N/12 × 100 with two decimals, half up', () => {
    expect(pacePercent(1)).toBe('8.33');
    expect(pacePercent(2)).toBe('16.67');
    expect(pacePercent(6)).toBe('50.00');
    expect(pacePercent(10)).toBe('83.33');
    expect(pacePercent(11)).toBe('91.67');
    expect(pacePercent(12)).toBe('100.00');
  });

  it('is 0 before any month is reported', () => {
    expect(pacePercent(0)).toBe('0.00');
  });

  it('gives the published one-decimal figure on request', () => {
    expect(pacePercent(1, 1)).toBe('8.3');
    expect(pacePercent(10, 1)).toBe('83.3');
    expect(pacePercent(11, 1)).toBe('91.7');
    expect(pacePercent(12, 1)).toBe('100.0');
  });

  it('refuses a month outside 0–12 or not whole', () => {
    expect(() => pacePercent(13)).toThrow(RangeError);
    expect(() => pacePercent(-1)).toThrow(RangeError);
    expect(() => pacePercent(1.5)).toThrow(RangeError);
    expect(() => pacePercent(10, -1)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('is exact, unrounded by default', () => {
    expect(percentOf('2163456.78', '2478000')).toBe('87.306569007263922518');
    expect(percentOf('1', '3')).toBe('33.333333333333333333');
    expect(percentOf('50', '200')).toBe('25');
    expect(percentOf('0', '200')).toBe('0');
  });

  it('rounds half up when asked', () => {
    expect(percentOf('2163456.78', '2478000', 2)).toBe('87.31');
    expect(percentOf('2163456.78', '2478000', 1)).toBe('87.3');
    // 0.125% → 0.13 (half up, not to even)
    expect(percentOf('1', '800', 2)).toBe('0.13');
  });

  it('is null when the whole is 0 (no plan)', () => {
    expect(percentOf('100', '0')).toBeNull();
    expect(percentOf('0', '0.00')).toBeNull();
  });
});

describe('gapPoints', () => {
  it('is % of plan − 序时 in points, signed, two decimals', () => {
    expect(gapPoints('87.30', '83.33')).toBe('3.97');
    expect(gapPoints('80', '83.33')).toBe('-3.33');
    expect(gapPoints('83.33', '83.33')).toBe('0.00');
    expect(gapPoints('97.2', '83.3')).toBe('13.90');
  });

  it('rounds half away from zero, alike on both sides', () => {
    expect(gapPoints('10.005', '0')).toBe('10.01');
    expect(gapPoints('0', '10.005')).toBe('-10.01');
    expect(gapPoints('10.0049', '0')).toBe('10.00');
  });
});

describe('describeGap', () => {
  it('ahead, behind, one decimal, half up', () => {
    expect(describeGap('3.97')).toEqual({ direction: 'ahead', points: '4.0' });
    expect(describeGap('-3.33')).toEqual({ direction: 'behind', points: '3.3' });
    expect(describeGap('13.9')).toEqual({ direction: 'ahead', points: '13.9' });
    expect(describeGap('-30.05')).toEqual({ direction: 'behind', points: '30.1' });
    expect(describeGap('30.05')).toEqual({ direction: 'ahead', points: '30.1' });
    expect(describeGap('-30.04')).toEqual({ direction: 'behind', points: '30.0' });
  });

  it('is level at 0 and whenever the gap rounds to 0.0', () => {
    expect(describeGap('0')).toEqual({ direction: 'level', points: '0.0' });
    expect(describeGap('0.04')).toEqual({ direction: 'level', points: '0.0' });
    expect(describeGap('-0.04')).toEqual({ direction: 'level', points: '0.0' });
    expect(describeGap('0.05')).toEqual({ direction: 'ahead', points: '0.1' });
    expect(describeGap('-0.05')).toEqual({ direction: 'behind', points: '0.1' });
  });
});
