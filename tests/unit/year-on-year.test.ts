import { describe, expect, it } from 'vitest';
import { describeYearOnYear, yearOnYearRate, yearOnYearZh } from '@/lib/domain/year-on-year';

describe('yearOnYearRate (同比增长率)', () => {
  it('is (this − previous) ÷ previous × 100, one decimal', () => {
    expect(yearOnYearRate('2163456.78', '2056000.00')).toBe('5.2');
    expect(yearOnYearRate('150', '100')).toBe('50.0');
    expect(yearOnYearRate('80', '100')).toBe('-20.0');
  });

  it('is exact to the fen on large sums (no float drift)', () => {
    // 0.05% of 2,000,000.00: exactly on the half, rounded up; a float would land either side
    expect(yearOnYearRate('2001000.00', '2000000.00')).toBe('0.1');
    expect(yearOnYearRate('2000999.99', '2000000.00')).toBe('0.0');
  });

  it('rounds half away from zero, growth and decline alike', () => {
    expect(yearOnYearRate('100.25', '100')).toBe('0.3');
    expect(yearOnYearRate('99.75', '100')).toBe('-0.3');
  });

  it('is null when the previous year is absent', () => {
    expect(yearOnYearRate('100', null)).toBeNull();
  });

  it('is null when the previous year completed nothing (or less) in those months', () => {
    expect(yearOnYearRate('100', '0')).toBeNull();
    expect(yearOnYearRate('100', '0.00')).toBeNull();
    expect(yearOnYearRate('100', '-5')).toBeNull();
  });

  it('is −100% when this year has nothing against a previous year that had', () => {
    expect(yearOnYearRate('0', '250.00')).toBe('-100.0');
  });
});

describe('describeYearOnYear and yearOnYearZh (the bulletin clause)', () => {
  it('says 同比增长 for growth', () => {
    expect(describeYearOnYear('5.2')).toEqual({ direction: 'up', percent: '5.2' });
    expect(yearOnYearZh('5.2')).toBe('同比增长5.2%');
  });

  it('says 同比下降 with the absolute figure for a decline', () => {
    expect(describeYearOnYear('-3')).toEqual({ direction: 'down', percent: '3.0' });
    expect(yearOnYearZh('-3.0')).toBe('同比下降3.0%');
  });

  it('says 与上年同期持平 when the rate rounds to 0.0, never "增长0.0%"', () => {
    expect(yearOnYearZh('0.0')).toBe('与上年同期持平');
    expect(yearOnYearZh('-0.04')).toBe('与上年同期持平');
    expect(yearOnYearZh('0.04')).toBe('与上年同期持平');
    expect(describeYearOnYear('-0.04')).toEqual({ direction: 'level', percent: '0.0' });
  });

  it('gives no clause without a rate', () => {
    expect(yearOnYearZh(null)).toBeNull();
  });
});
