import { describe, expect, it } from 'vitest';
import {
  cumulativeSeries,
  FORECAST_METHOD_EN,
  FORECAST_METHOD_ZH,
  forecastYearEnd,
  likelyToMiss,
} from '@/lib/domain/forecast';

const months = (...values: (string | null)[]) => values;
const repeat = (value: string | null, n: number) => Array.from({ length: n }, () => value);
const FLAT = repeat('100.00', 12); // 1200 a year
const FRONT = [...repeat('150.00', 6), ...repeat('50.00', 6)]; // 1200, 900 of it by June

describe('forecastYearEnd: actual YTD + remaining plan × (actual YTD ÷ planned YTD)', () => {
  it('flat plan, behind: 90% run rate → 90% of plan', () => {
    expect(forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: repeat('90', 6), month: 6 })).toEqual({
      forecast: '1080.00',
      ratio: '0.9000',
      percentOfPlan: '90.00',
      annualPlan: '1200.00',
      actualYtd: '540.00',
      plannedYtd: '600.00',
    });
  });

  it('flat plan, ahead: 120% run rate → 120% of plan', () => {
    const f = forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: repeat('120', 6), month: 6 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['1440.00', '1.2000', '120.00']);
  });

  it('front-loaded plan follows its own seasonality, not a straight line', () => {
    // 810 of 900 planned by June (ratio 0.9); only 300 planned for the second half → 810 + 270.
    // A straight line (810 ÷ 6 × 12) would say 1620.
    const f = forecastYearEnd({ plannedByMonth: FRONT, actualByMonth: repeat('135', 6), month: 6 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['1080.00', '0.9000', '90.00']);
  });

  it('front-loaded plan, ahead', () => {
    const f = forecastYearEnd({ plannedByMonth: FRONT, actualByMonth: repeat('165', 6), month: 6 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['1320.00', '1.1000', '110.00']);
  });

  it('uses the exact ratio, not the displayed one (1/3 run rate)', () => {
    const f = forecastYearEnd({ plannedByMonth: repeat('300', 12), actualByMonth: ['100'], month: 1 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['1200.00', '0.3333', '33.33']);
  });

  it('month 0: no run rate yet → the plan itself', () => {
    expect(forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: [], month: 0 })).toEqual({
      forecast: '1200.00',
      ratio: null,
      percentOfPlan: '100.00',
      annualPlan: '1200.00',
      actualYtd: '0.00',
      plannedYtd: '0.00',
    });
  });

  it('month 12: the forecast is what was done', () => {
    const f = forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: repeat('95.5', 12), month: 12 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['1146.00', '0.9550', '95.50']);
  });

  it('nothing planned to date: remaining months taken at plan (ratio null), plus whatever was done', () => {
    const backLoaded = [...repeat(null, 3), ...repeat('100', 9)];
    expect(forecastYearEnd({ plannedByMonth: backLoaded, actualByMonth: repeat('0', 3), month: 3 })).toMatchObject({
      forecast: '900.00',
      ratio: null,
      percentOfPlan: '100.00',
    });
    expect(forecastYearEnd({ plannedByMonth: backLoaded, actualByMonth: ['0', '50', '0'], month: 3 })).toMatchObject({
      forecast: '950.00',
      ratio: null,
      percentOfPlan: '105.56',
    });
  });

  it('a month without an approved report counts as 0; months after N are ignored', () => {
    const f = forecastYearEnd({
      plannedByMonth: FLAT,
      actualByMonth: ['100', null, '80', '999', ...repeat(null, 8)],
      month: 3,
    });
    expect([f.actualYtd, f.ratio, f.forecast]).toEqual(['180.00', '0.6000', '720.00']);
  });

  it('no plan at all: no percentage', () => {
    const f = forecastYearEnd({ plannedByMonth: repeat('0', 12), actualByMonth: ['10'], month: 1 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['10.00', null, null]);
  });

  it('nothing done against a plan: forecast 0', () => {
    const f = forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: repeat('0', 4), month: 4 });
    expect([f.forecast, f.ratio, f.percentOfPlan]).toEqual(['0.00', '0.0000', '0.00']);
  });

  it('refuses malformed input', () => {
    expect(() => forecastYearEnd({ plannedByMonth: repeat('1', 11), actualByMonth: [], month: 0 })).toThrow(RangeError);
    expect(() => forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: ['1'], month: 2 })).toThrow(RangeError);
    expect(() => forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: [], month: 13 })).toThrow(RangeError);
    expect(() => forecastYearEnd({ plannedByMonth: FLAT, actualByMonth: ['-1'], month: 1 })).toThrow(RangeError);
  });

  it('documents the method in both languages', () => {
    expect(FORECAST_METHOD_ZH).toContain('分月计划');
    expect(FORECAST_METHOD_EN).toContain('run rate');
  });
});

describe('cumulativeSeries', () => {
  it('plan, actual through N, forecast from N on, joining at N and ending at the forecast', () => {
    const series = cumulativeSeries({ plannedByMonth: FLAT, actualByMonth: repeat('90', 6), month: 6 });
    expect(series.map((p) => p.planned)).toEqual(
      ['100', '200', '300', '400', '500', '600', '700', '800', '900', '1000', '1100', '1200'].map((v) => `${v}.00`),
    );
    expect(series.map((p) => p.actual)).toEqual([
      '90.00',
      '180.00',
      '270.00',
      '360.00',
      '450.00',
      '540.00',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(series.map((p) => p.forecast)).toEqual([
      null,
      null,
      null,
      null,
      null,
      '540.00',
      '630.00',
      '720.00',
      '810.00',
      '900.00',
      '990.00',
      '1080.00',
    ]);
    expect(series.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('follows the seasonality of a front-loaded plan', () => {
    const series = cumulativeSeries({ plannedByMonth: FRONT, actualByMonth: repeat('135', 6), month: 6 });
    expect(series.slice(5).map((p) => p.forecast)).toEqual([
      '810.00',
      '855.00',
      '900.00',
      '945.00',
      '990.00',
      '1035.00',
      '1080.00',
    ]);
  });

  it('month 0: no actual, the forecast is the plan', () => {
    const series = cumulativeSeries({ plannedByMonth: FRONT, actualByMonth: [], month: 0 });
    expect(series.every((p) => p.actual === null)).toBe(true);
    expect(series.map((p) => p.forecast)).toEqual(series.map((p) => p.planned));
  });

  it('month 12: only December carries a forecast, equal to the actual', () => {
    const series = cumulativeSeries({ plannedByMonth: FLAT, actualByMonth: repeat('110', 12), month: 12 });
    expect(series.slice(0, 11).every((p) => p.forecast === null)).toBe(true);
    expect(series[11]).toEqual({ month: 12, planned: '1200.00', actual: '1320.00', forecast: '1320.00' });
  });

  it('ends where forecastYearEnd does', () => {
    const input = { plannedByMonth: repeat('333.33', 12), actualByMonth: ['100.01', '250.5', '0'], month: 3 };
    expect(cumulativeSeries(input)[11]?.forecast).toBe(forecastYearEnd(input).forecast);
  });
});

describe('likelyToMiss', () => {
  const project = (code: string, planned: (string | null)[], actual: (string | null)[], month = 6) => ({
    code,
    plannedByMonth: planned,
    actualByMonth: actual,
    month,
  });
  const projects = [
    project('A', FLAT, repeat('90', 6)), // 1080 → short 120
    project('B', FLAT, repeat('120', 6)), // ahead → not listed
    project('C', repeat('200', 12), repeat('100', 6)), // 1200 of 2400 → short 1200
    project('D', FRONT, repeat('135', 6)), // 1080 → short 120, same plan as A
    project('E', FLAT, repeat('100', 6)), // on plan → not listed
    project('F', repeat('50', 12), repeat('0', 6)), // 0 of 600 → short 600
  ];

  it('ranks by shortfall descending, only positive shortfalls, ties in input order', () => {
    const rows = likelyToMiss(projects, 10);
    expect(rows.map((r) => [r.project.code, r.shortfall])).toEqual([
      ['C', '1200.00'],
      ['F', '600.00'],
      ['A', '120.00'],
      ['D', '120.00'],
    ]);
    expect(rows[0]).toMatchObject({ annualPlan: '2400.00', forecast: '1200.00', percentOfPlan: '50.00' });
  });

  it('stops at the limit', () => {
    expect(likelyToMiss(projects, 2).map((r) => r.project.code)).toEqual(['C', 'F']);
    expect(likelyToMiss(projects, 0)).toEqual([]);
    expect(() => likelyToMiss(projects, -1)).toThrow(RangeError);
  });

  it('breaks equal shortfalls by the larger plan', () => {
    const rows = likelyToMiss(
      [
        project('small', FLAT, repeat('90', 6)),
        project('big', repeat('110', 12), months('110', '110', '110', '110', '110', '50')),
      ],
      5,
    );
    // small: 1200 − 1080 = 120; big: 1320 plan, 600 of 660 → ratio 10/11 → 600 + 600 = 1200 → 120
    expect(rows.map((r) => [r.project.code, r.shortfall])).toEqual([
      ['big', '120.00'],
      ['small', '120.00'],
    ]);
  });
});
