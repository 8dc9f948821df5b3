import { describe, expect, it } from 'vitest';
import { describeGap, paceGapPoints, pacePercent, percentOf } from '@/lib/domain/pace';

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

describe('paceGapPoints: from the unrounded figures, rounded once (as bulletins print it)', () => {
  it("domain.md's worked example: 612.9亿 of 640.0亿 after October is 95.765…% − 83.333…% = 12.43 → 12.4, not 95.8 − 83.3 = 12.5", () => {
    expect(paceGapPoints('6129000', '6400000', 10)).toBe('12.4');
  });

  it('after October (序时 83.333… rounds down to 83.3): 87.36% is 4.0 points ahead, not 87.4 − 83.3 = 4.1', () => {
    expect(paceGapPoints('87.36', '100', 10)).toBe('4.0');
  });

  it('after November (序时 91.666… rounds up to 91.7): 95.73% is 4.1 points ahead, not 95.7 − 91.7 = 4.0', () => {
    expect(paceGapPoints('95.73', '100', 11)).toBe('4.1');
  });

  it('behind: 70.06% after October is 13.3 points behind, not 70.1 − 83.3 = −13.2', () => {
    expect(paceGapPoints('70.06', '100', 10)).toBe('-13.3');
  });

  it('rounds an exact half away from zero, alike ahead and behind (after June, 序时 is exactly 50)', () => {
    expect(paceGapPoints('62.35', '100', 6)).toBe('12.4');
    expect(paceGapPoints('37.65', '100', 6)).toBe('-12.4');
    expect(paceGapPoints('62.3499', '100', 6)).toBe('12.3');
    expect(paceGapPoints('37.6501', '100', 6)).toBe('-12.3');
  });

  it('a half reached only through the unrounded 序时: 1,000.6 of 1,200 after October is exactly 0.05 → 0.1', () => {
    expect(paceGapPoints('1000.6', '1200', 10)).toBe('0.1');
    expect(paceGapPoints('1000.59', '1200', 10)).toBe('0.0');
  });

  it('more decimals on request (the warning lines use two), still rounded once', () => {
    expect(paceGapPoints('87.30', '100', 10, 2)).toBe('3.97');
  });

  it('is null without a plan, and refuses a month outside 0–12', () => {
    expect(paceGapPoints('10', '0', 10)).toBeNull();
    expect(paceGapPoints('10', '100', 0)).toBe('10.0');
    expect(paceGapPoints('100', '100', 12)).toBe('0.0');
    expect(() => paceGapPoints('10', '100', 13)).toThrow(RangeError);
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
