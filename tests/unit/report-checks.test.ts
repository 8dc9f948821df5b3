/**
 * The checks of a monthly report (lib/domain/report-checks.ts): a report inside every limit passes, a cumulative
 * above the total investment is flagged and needs a 情况说明, several flags come in a fixed order, and inconsistent
 * input is a caller bug. Each flag's own boundaries: report-check-flags.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  checkReport,
  EXPLANATION_REQUIRED_FLAGS,
  REPORT_FLAG_CODES,
  unexplainedFlags,
  type ReportCheckInput,
  yearToDate,
} from '@/lib/domain/report-checks';
import { codes, input } from '../helpers/report-check-input';

describe('checkReport: a report inside every limit', () => {
  it('has no errors and no flags', () => {
    expect(checkReport(input())).toEqual({ flags: [] });
  });

  it('January, with no prior months, is fine too', () => {
    expect(checkReport(input({ month: 1, priorMonths: [] }))).toEqual({ flags: [] });
  });
});

/** The cumulativeAboveTotal flags of a check, with their figures. */
const overTotal = (i: ReportCheckInput) => checkReport(i).flags.filter((f) => f.code === 'cumulativeAboveTotal');

describe('checkReport: cumulative since start above total investment is flagged, not refused', () => {
  // 2000 before the year + 300 earlier this year + this month = 10000 exactly at a month of 7700.
  it('is not flagged when cumulative equals total exactly', () => {
    expect(overTotal(input({ investedThisMonth: '7700.00', annualPlan: null }))).toEqual([]);
  });

  it('is flagged one cent above, with the figures', () => {
    expect(overTotal(input({ investedThisMonth: '7700.01', annualPlan: null }))).toEqual([
      { code: 'cumulativeAboveTotal', params: { cumulative: '10000.01', total: '10000.00', excess: '0.01' } },
    ]);
  });

  it('counts the earlier months of the year, not only this one', () => {
    const errors = overTotal(
      input({
        totalInvestment: '500',
        cumulativeBeforeYear: '200',
        annualPlan: null,
        investedThisMonth: '0',
        priorMonths: [
          { month: 1, invested: '150.5' },
          { month: 3, invested: '150.25' },
        ],
      }),
    );
    expect(errors).toEqual([
      { code: 'cumulativeAboveTotal', params: { cumulative: '500.75', total: '500.00', excess: '0.75' } },
    ]);
  });

  it('flags a cumulative before the year that is already above total', () => {
    const flags = overTotal(
      input({ totalInvestment: '100', cumulativeBeforeYear: '100.01', investedThisMonth: '0', priorMonths: [] }),
    );
    expect(flags.map((e) => e.code)).toEqual(['cumulativeAboveTotal']);
  });

  it('sums exactly, where floats would not (0.1 + 0.2 against a total of 0.3)', () => {
    const exact = input({
      totalInvestment: '0.30',
      cumulativeBeforeYear: '0',
      annualPlan: null,
      month: 2,
      investedThisMonth: '0.20',
      priorMonths: [{ month: 1, invested: '0.10' }],
    });
    expect(overTotal(exact)).toEqual([]);
  });

  it('comes last, after the other flags of the same report', () => {
    expect(codes(input({ investedThisMonth: '9000.00' }))).toEqual([
      'ytdAbovePlan',
      'monthSpike',
      'cumulativeAboveTotal',
    ]);
  });
});

describe("unexplainedFlags: a flag that needs the report's 情况说明", () => {
  it('cumulativeAboveTotal needs one; the other flags do not', () => {
    expect(EXPLANATION_REQUIRED_FLAGS).toEqual(['cumulativeAboveTotal']);
    expect(unexplainedFlags(['ytdAbovePlan', 'cumulativeAboveTotal'], '')).toEqual(['cumulativeAboveTotal']);
    expect(unexplainedFlags(['ytdAbovePlan', 'monthSpike'], '')).toEqual([]);
  });

  it('blank or spaces only is no explanation', () => {
    expect(unexplainedFlags(['cumulativeAboveTotal'], '  \n ')).toEqual(['cumulativeAboveTotal']);
    expect(unexplainedFlags(['cumulativeAboveTotal'], null)).toEqual(['cumulativeAboveTotal']);
  });

  it('any text is an explanation', () => {
    expect(unexplainedFlags(['cumulativeAboveTotal'], '调整概算已报批')).toEqual([]);
  });
});

describe('checkReport: several flags at once', () => {
  it('lists them in the order of REPORT_FLAG_CODES', () => {
    const everything = input({
      stage: 'NEW_START',
      actualStart: null,
      annualPlan: '100',
      investedThisMonth: '1000',
    });
    expect(codes(everything)).toEqual(['ytdAbovePlan', 'monthSpike', 'investedWithoutStart']);
    const order = codes(everything).map((c) => REPORT_FLAG_CODES.indexOf(c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('checkReport: inconsistent input is a caller bug', () => {
  it.each([0, 13, 1.5, Number.NaN])('refuses month %s', (month) => {
    expect(() => checkReport(input({ month, priorMonths: [] }))).toThrow(RangeError);
  });

  it('refuses a prior month that is this month or later', () => {
    expect(() => checkReport(input({ month: 3, priorMonths: [{ month: 3, invested: '1' }] }))).toThrow(RangeError);
    expect(() => checkReport(input({ month: 3, priorMonths: [{ month: 5, invested: '1' }] }))).toThrow(RangeError);
  });

  it('refuses a prior month given twice', () => {
    const twice = [
      { month: 1, invested: '1' },
      { month: 1, invested: '2' },
    ];
    expect(() => checkReport(input({ month: 3, priorMonths: twice }))).toThrow(/twice/);
  });

  it('refuses negative amounts but takes a negative zero as zero', () => {
    expect(() => checkReport(input({ investedThisMonth: '-0.01' }))).toThrow(RangeError);
    expect(() => checkReport(input({ month: 2, priorMonths: [{ month: 1, invested: '-1' }] }))).toThrow(RangeError);
    expect(checkReport(input({ investedThisMonth: '-0.00' })).flags).toEqual([]);
  });

  it('refuses a figure that is not a number', () => {
    expect(() => checkReport(input({ investedThisMonth: 'abc' }))).toThrow();
  });
});

describe('codes', () => {
  it('flag codes are unique, and the newer ones are appended (stored codes never move)', () => {
    expect(new Set(REPORT_FLAG_CODES).size).toBe(REPORT_FLAG_CODES.length);
    expect(REPORT_FLAG_CODES.slice(4)).toEqual(['cumulativeAboveTotal', 'repeatsLastMonth', 'monthAbovePlan']);
  });
});

describe('yearToDate', () => {
  it('adds the earlier months and this month exactly', () => {
    expect(yearToDate([{ invested: '0.10' }, { invested: '0.20' }], '0.00').toFixed(2)).toBe('0.30');
    expect(yearToDate([], '12.34').toFixed(2)).toBe('12.34');
  });
});
