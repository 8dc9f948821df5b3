/**
 * The flags a monthly report raises (lib/domain/report-checks.ts), each at its boundaries: ytdAbovePlan,
 * investmentOnPreliminary, monthSpike, investedWithoutStart, repeatsLastMonth, monthAbovePlan.
 */
import { describe, expect, it } from 'vitest';
import {
  averagePriorMonth,
  checkReport,
  MONTH_ABOVE_PLAN_RATIO,
  MONTH_SPIKE_MIN_PRIOR_MONTHS,
  MONTH_SPIKE_RATIO,
  YTD_ABOVE_PLAN_RATIO,
} from '@/lib/domain/report-checks';
import { codes, input } from '../helpers/report-check-input';

describe('checkReport: ytdAbovePlan', () => {
  // Plan 1200 → the limit is 1800. Prior months are 300, so this month decides.
  it('is not raised at exactly 150% of the plan', () => {
    expect(YTD_ABOVE_PLAN_RATIO).toBe('1.5');
    expect(codes(input({ investedThisMonth: '1500.00', priorMonths: [{ month: 1, invested: '300.00' }] }))).toEqual([]);
  });

  it('is raised one cent above 150%', () => {
    const { flags } = checkReport(
      input({ investedThisMonth: '1500.01', priorMonths: [{ month: 1, invested: '300.00' }] }),
    );
    expect(flags).toEqual([
      { code: 'ytdAbovePlan', params: { ytd: '1800.01', annualPlan: '1200.00', percent: '150.01', limit: '1800.00' } },
    ]);
  });

  it('is raised at 150.01% of a plan of 100', () => {
    const { flags } = checkReport(input({ annualPlan: '100', month: 1, priorMonths: [], investedThisMonth: '150.01' }));
    expect(flags).toEqual([
      { code: 'ytdAbovePlan', params: { ytd: '150.01', annualPlan: '100.00', percent: '150.01', limit: '150.00' } },
    ]);
  });

  it('is not raised at 149.99%', () => {
    expect(codes(input({ annualPlan: '100', month: 1, priorMonths: [], investedThisMonth: '149.99' }))).toEqual([]);
  });

  it('never shows a flagged percentage as 150.00, nor a limit at or above year to date', () => {
    // Plan 0.03 → limit 0.045; a year to date of 0.05 is 166.666…%.
    const { flags } = checkReport(input({ annualPlan: '0.03', month: 1, priorMonths: [], investedThisMonth: '0.05' }));
    expect(flags).toEqual([
      { code: 'ytdAbovePlan', params: { ytd: '0.05', annualPlan: '0.03', percent: '166.67', limit: '0.04' } },
    ]);
    // Plan 66666.67 → limit 100000.005; one cent more than that is 150.0000075% of the plan.
    const close = checkReport(
      input({
        totalInvestment: '999999',
        annualPlan: '66666.67',
        month: 1,
        priorMonths: [],
        investedThisMonth: '100000.01',
      }),
    );
    expect(close.flags[0]).toMatchObject({ code: 'ytdAbovePlan', params: { percent: '150.01', limit: '100000.00' } });
  });

  it('is not raised where the limit has a half cent and year to date is below it', () => {
    // Plan 0.03 → limit 0.045; 0.04 is below.
    expect(codes(input({ annualPlan: '0.03', month: 1, priorMonths: [], investedThisMonth: '0.04' }))).toEqual([]);
  });

  it('is not raised without an annual plan, or with a plan of zero', () => {
    const big = { month: 1, priorMonths: [], investedThisMonth: '5000' };
    expect(codes(input({ ...big, annualPlan: null }))).toEqual([]);
    expect(codes(input({ ...big, annualPlan: '0' }))).toEqual([]);
    expect(codes(input({ ...big, annualPlan: '0.00' }))).toEqual([]);
  });
});

describe('checkReport: investmentOnPreliminary', () => {
  const preliminary = { stage: 'PRELIMINARY', annualPlan: null } as const;

  it('is raised for any investment this month on a 前期 project, even a cent', () => {
    expect(checkReport(input({ ...preliminary, investedThisMonth: '0.01' })).flags).toEqual([
      { code: 'investmentOnPreliminary', params: { invested: '0.01' } },
    ]);
  });

  it('is not raised for a 前期 month with nothing invested', () => {
    expect(codes(input({ ...preliminary, investedThisMonth: '0' }))).toEqual([]);
    expect(codes(input({ ...preliminary, investedThisMonth: '0.00' }))).toEqual([]);
  });

  it('is about this month: earlier investment alone does not raise it again', () => {
    expect(
      codes(input({ ...preliminary, investedThisMonth: '0', priorMonths: [{ month: 1, invested: '50' }] })),
    ).toEqual([]);
  });

  it.each(['COMPLETION', 'ONGOING', 'NEW_START'] as const)('is not raised for a %s project', (stage) => {
    expect(codes(input({ stage }))).not.toContain('investmentOnPreliminary');
  });
});

describe('checkReport: monthSpike', () => {
  // Prior months average 100 → the limit is 500.
  it('is not raised at exactly five times the average', () => {
    expect(MONTH_SPIKE_RATIO).toBe('5');
    expect(codes(input({ investedThisMonth: '500.00' }))).toEqual([]);
  });

  it('is raised one cent above five times the average', () => {
    expect(checkReport(input({ investedThisMonth: '500.01' })).flags).toEqual([
      { code: 'monthSpike', params: { invested: '500.01', average: '100.00', multiple: '5.1', priorMonths: 3 } },
    ]);
  });

  it('needs at least two prior reported months', () => {
    expect(MONTH_SPIKE_MIN_PRIOR_MONTHS).toBe(2);
    const one = input({ month: 2, priorMonths: [{ month: 1, invested: '1.00' }], investedThisMonth: '900.00' });
    expect(codes(one)).toEqual([]);
    const two = input({
      month: 3,
      priorMonths: [
        { month: 1, invested: '1.00' },
        { month: 2, invested: '1.00' },
      ],
      investedThisMonth: '5.01',
    });
    expect(codes(two)).toEqual(['monthSpike']);
  });

  it('is not raised when the prior months average nothing', () => {
    const zeros = input({
      priorMonths: [
        { month: 1, invested: '0' },
        { month: 2, invested: '0.00' },
      ],
      investedThisMonth: '900.00',
    });
    expect(codes(zeros)).toEqual([]);
  });

  it('averages over the months with a report: a gap does not dilute the average', () => {
    // January and March reported 100 each, February never reported: the average is 100, not 66.67.
    const gap = input({
      priorMonths: [
        { month: 1, invested: '100' },
        { month: 3, invested: '100' },
      ],
    });
    expect(codes({ ...gap, investedThisMonth: '500.00' })).toEqual([]);
    expect(codes({ ...gap, investedThisMonth: '500.01' })).toEqual(['monthSpike']);
  });

  it('counts a month reported as zero once investment has begun', () => {
    // 100 then 0 average 50 → the limit is 250.
    const withZero = input({
      priorMonths: [
        { month: 1, invested: '100' },
        { month: 2, invested: '0' },
      ],
    });
    expect(codes({ ...withZero, investedThisMonth: '250.00' })).toEqual([]);
    expect(checkReport({ ...withZero, investedThisMonth: '250.01' }).flags).toEqual([
      { code: 'monthSpike', params: { invested: '250.01', average: '50.00', multiple: '5.1', priorMonths: 2 } },
    ]);
  });

  it('ignores the zero months before a project started investing: a new start’s first months are not spikes', () => {
    // Jan–Jun 0 before the start, then 100 and 120: the average is 110, not 220 ÷ 8 = 27.5.
    const started = input({
      month: 9,
      priorMonths: [
        ...[1, 2, 3, 4, 5, 6].map((month) => ({ month, invested: '0' })),
        { month: 7, invested: '100' },
        { month: 8, invested: '120' },
      ],
    });
    expect(codes({ ...started, investedThisMonth: '150.00' })).toEqual([]);
    expect(codes({ ...started, investedThisMonth: '550.00' })).toEqual([]);
    expect(checkReport({ ...started, investedThisMonth: '550.01' }).flags).toEqual([
      { code: 'monthSpike', params: { invested: '550.01', average: '110.00', multiple: '5.1', priorMonths: 2 } },
    ]);
    // one month of investment so far is not enough to judge
    const justStarted = input({
      month: 9,
      priorMonths: [...[1, 2, 3, 4, 5, 6, 7].map((month) => ({ month, invested: '0' })), { month: 8, invested: '10' }],
    });
    expect(codes({ ...justStarted, investedThisMonth: '1000.00' })).toEqual([]);
  });

  it('compares exactly when the average does not come out in whole cents', () => {
    // 0.01 + 0.01 + 0.02 over three months = 0.01333…; five times that is 0.0666…
    const thirds = input({
      priorMonths: [
        { month: 1, invested: '0.01' },
        { month: 2, invested: '0.01' },
        { month: 3, invested: '0.02' },
      ],
    });
    expect(codes({ ...thirds, investedThisMonth: '0.06' })).toEqual([]);
    expect(checkReport({ ...thirds, investedThisMonth: '0.07' }).flags).toEqual([
      { code: 'monthSpike', params: { invested: '0.07', average: '0.01', multiple: '5.3', priorMonths: 3 } },
    ]);
  });

  it('averagePriorMonth gives null below two months or without investment', () => {
    expect(averagePriorMonth([])).toBeNull();
    expect(averagePriorMonth([{ invested: '10' }])).toBeNull();
    expect(averagePriorMonth([{ invested: '0' }, { invested: '0' }])).toBeNull();
    expect(averagePriorMonth([{ invested: '10' }, { invested: '0.01' }])?.toFixed(3)).toBe('5.005');
  });
});

describe('checkReport: investedWithoutStart', () => {
  const newStart = { stage: 'NEW_START', actualStart: null } as const;

  it('is raised for a new start with investment this month and no actual start', () => {
    expect(checkReport(input({ ...newStart, investedThisMonth: '100.00' })).flags).toEqual([
      { code: 'investedWithoutStart', params: { ytd: '400.00' } },
    ]);
  });

  it('is raised for investment earlier in the year even with none this month', () => {
    expect(codes(input({ ...newStart, investedThisMonth: '0' }))).toEqual(['investedWithoutStart']);
  });

  it('is not raised with nothing invested this year', () => {
    const nothing = input({
      ...newStart,
      investedThisMonth: '0',
      priorMonths: [
        { month: 1, invested: '0' },
        { month: 2, invested: '0' },
      ],
    });
    expect(codes(nothing)).toEqual([]);
    expect(codes(input({ ...newStart, month: 1, priorMonths: [], investedThisMonth: '0.00' }))).toEqual([]);
  });

  it('is not raised once the project has an actual start date', () => {
    expect(codes(input({ ...newStart, actualStart: '2025-03-15' }))).toEqual([]);
  });

  it('treats an empty start date as none', () => {
    expect(codes(input({ ...newStart, actualStart: '' }))).toEqual(['investedWithoutStart']);
  });

  it.each(['COMPLETION', 'ONGOING'] as const)('is not raised for a %s project', (stage) => {
    expect(codes(input({ stage, actualStart: null }))).toEqual([]);
  });

  it('on a 前期 project, investment raises investmentOnPreliminary only', () => {
    expect(codes(input({ stage: 'PRELIMINARY', annualPlan: null, actualStart: null }))).toEqual([
      'investmentOnPreliminary',
    ]);
  });
});

describe('checkReport: repeatsLastMonth', () => {
  // the default input's months are all 100.00: vary them so only the rule under test can fire
  const varied = input({
    priorMonths: [
      { month: 1, invested: '90.00' },
      { month: 2, invested: '110.00' },
      { month: 3, invested: '123.45' },
    ],
  });

  it('flags the same non-zero amount as last month, to the cent', () => {
    expect(checkReport({ ...varied, investedThisMonth: '123.45' }).flags).toEqual([
      { code: 'repeatsLastMonth', params: { invested: '123.45' } },
    ]);
  });

  it('does not flag a cent apart, an amount from an earlier month, or two months of 0', () => {
    expect(codes({ ...varied, investedThisMonth: '123.44' })).toEqual([]);
    expect(codes({ ...varied, investedThisMonth: '110.00' })).toEqual([]);
    const zeros = input({ priorMonths: [{ month: 3, invested: '0' }], investedThisMonth: '0' });
    expect(codes(zeros)).toEqual([]);
  });

  it('compares with the month just before only: a gap month is not last month', () => {
    expect(codes(input({ month: 4, priorMonths: [{ month: 2, invested: '100.00' }] }))).toEqual([]);
  });
});

describe('checkReport: monthAbovePlan', () => {
  const january = input({ month: 1, priorMonths: [], plannedThisMonth: '80.00' });

  it(`flags a month above ${MONTH_ABOVE_PLAN_RATIO}× its 分月计划 while there is no average to compare with`, () => {
    expect(checkReport({ ...january, investedThisMonth: '400.01' }).flags).toEqual([
      { code: 'monthAbovePlan', params: { invested: '400.01', planned: '80.00', multiple: '5.1' } },
    ]);
  });

  it(`does not flag exactly ${MONTH_ABOVE_PLAN_RATIO}×, a month without a plan, or a plan of 0`, () => {
    expect(codes({ ...january, investedThisMonth: '400.00' })).toEqual([]);
    expect(codes({ ...january, plannedThisMonth: null, investedThisMonth: '1000' })).toEqual([]);
    expect(codes({ ...january, plannedThisMonth: '0', investedThisMonth: '1000' })).toEqual([]);
  });

  it('leaves the month to the spike flag once the project has an average', () => {
    const withHistory = input({ plannedThisMonth: '10.00', investedThisMonth: '450.00' });
    expect(codes(withHistory)).toEqual([]);
  });
});
