import { describe, expect, it } from 'vitest';
import { REPORT_FLAG_CODES } from '@/lib/domain/report-checks';
import {
  DEFAULT_PACE_RED_POINTS,
  DEFAULT_PACE_YELLOW_POINTS,
  evaluateProject,
  noReportByDeadline,
  notStartedOnTime,
  paceBehind,
  paceBehindOfPlan,
  paceThresholds,
  type ProjectWarningInput,
  reportFlags,
  type Warning,
  worstLevel,
} from '@/lib/domain/warnings';

const T = { yellowPoints: '10', redPoints: '30' };
const level = (w: Warning | null) => w?.level ?? null;

describe('paceThresholds', () => {
  it('defaults to 10 / 30', () => {
    expect(paceThresholds()).toEqual({ yellowPoints: '10', redPoints: '30' });
    expect([DEFAULT_PACE_YELLOW_POINTS, DEFAULT_PACE_RED_POINTS]).toEqual(['10', '30']);
  });

  it("takes the plan year's (Decimal-like) values", () => {
    const decimalLike = (s: string) => ({ toString: () => s });
    expect(paceThresholds({ paceYellowPoints: decimalLike('12.50'), paceRedPoints: decimalLike('25.00') })).toEqual({
      yellowPoints: '12.50',
      redPoints: '25.00',
    });
  });

  it('refuses yellow ≤ 0 or red below yellow', () => {
    expect(() => paceThresholds({ paceYellowPoints: '0', paceRedPoints: '30' })).toThrow(RangeError);
    expect(() => paceThresholds({ paceYellowPoints: '20', paceRedPoints: '19.99' })).toThrow(RangeError);
    expect(paceThresholds({ paceYellowPoints: '20', paceRedPoints: '20' })).toEqual({
      yellowPoints: '20',
      redPoints: '20',
    });
  });
});

describe('paceBehind: at or beyond the threshold fires', () => {
  const at = (percentOfPlan: string | null, pace = '83.33') => paceBehind({ ...T, percentOfPlan, pacePercent: pace });

  it('is null when ahead, level, or less than 10 points behind', () => {
    expect(at('90')).toBeNull();
    expect(at('83.33')).toBeNull();
    expect(at('73.34')).toBeNull(); // 9.99 behind
  });

  it('is yellow exactly 10 points behind and up to just under 30', () => {
    expect(level(at('73.33'))).toBe('yellow'); // 10.00
    expect(level(at('73.32'))).toBe('yellow');
    expect(level(at('53.34'))).toBe('yellow'); // 29.99
  });

  it('is red exactly 30 points behind and beyond', () => {
    expect(level(at('53.33'))).toBe('red'); // 30.00
    expect(level(at('53.32'))).toBe('red');
    expect(level(at('0'))).toBe('red');
  });

  it('is null without an annual plan', () => {
    expect(at(null)).toBeNull();
  });

  it('says why, with the figures and the line reached', () => {
    expect(at('60.5')).toEqual({
      level: 'yellow',
      rule: 'paceBehind',
      message: {
        key: 'warnings.paceBehind',
        params: { percentOfPlan: '60.50', pacePercent: '83.33', points: '22.83', threshold: '10' },
      },
    });
    expect(at('50')?.message.params).toMatchObject({ points: '33.33', threshold: '30' });
  });

  it('follows the plan year’s thresholds', () => {
    const custom = (p: string) =>
      paceBehind({ yellowPoints: '5', redPoints: '15.5', percentOfPlan: p, pacePercent: '50' });
    expect(custom('45.01')).toBeNull();
    expect(level(custom('45'))).toBe('yellow');
    expect(level(custom('34.51'))).toBe('yellow');
    expect(level(custom('34.5'))).toBe('red');
    expect(custom('34.5')?.message.params.threshold).toBe('15.5');
  });

  it('refuses bad thresholds', () => {
    expect(() => paceBehind({ yellowPoints: '30', redPoints: '10', percentOfPlan: '1', pacePercent: '50' })).toThrow(
      RangeError,
    );
  });
});

describe('paceBehindOfPlan: exact against N/12, as the projects list', () => {
  const of = (ytd: string, annualPlan: string | null, month = 10) => paceBehindOfPlan({ ...T, ytd, annualPlan, month });

  it('is red exactly 30 points behind (plan 300, October: 160 = 53.33…%, 83.33…% − 53.33…% = 30)', () => {
    expect(level(of('160', '300'))).toBe('red');
    expect(level(of('160.01', '300'))).toBe('yellow');
    expect(level(of('159.99', '300'))).toBe('red');
  });

  it('is yellow exactly 10 points behind (plan 300, October: 220)', () => {
    expect(level(of('220', '300'))).toBe('yellow');
    expect(of('220.01', '300')).toBeNull();
  });

  it('uses the unrounded 序时: 53.332% after October is 30.0013 behind → red, though 83.33 − 53.332 < 30', () => {
    expect(level(of('533.32', '1000'))).toBe('red');
    expect(level(paceBehind({ ...T, percentOfPlan: '53.332', pacePercent: '83.33' }))).toBe('yellow');
  });

  it('a yellow just under the red line never reads as the red line', () => {
    const w = of('160.01', '300'); // 29.9966… behind
    expect(w?.message.params).toEqual({
      percentOfPlan: '53.34',
      pacePercent: '83.33',
      points: '29.99',
      threshold: '10',
    });
  });

  it('is null without a plan, with a 0 plan, and in month 0', () => {
    expect(of('0', null)).toBeNull();
    expect(of('0', '0')).toBeNull();
    expect(of('0', '300', 0)).toBeNull();
  });

  it('December: 100% is the benchmark', () => {
    expect(of('90.01', '100', 12)).toBeNull();
    expect(level(of('90', '100', 12))).toBe('yellow');
    expect(level(of('70', '100', 12))).toBe('red');
  });
});

describe('notStartedOnTime', () => {
  const check = (over: Partial<Parameters<typeof notStartedOnTime>[0]> = {}) =>
    notStartedOnTime({
      stage: 'NEW_START',
      plannedStart: '2025-03-15',
      actualStart: null,
      asOf: { year: 2025, month: 3 },
      ...over,
    });

  it('is null up to and in the planned month', () => {
    expect(check({ asOf: { year: 2025, month: 2 } })).toBeNull();
    expect(check()).toBeNull();
  });

  it('is yellow 1 and 2 months late, red from 3', () => {
    expect(level(check({ asOf: { year: 2025, month: 4 } }))).toBe('yellow');
    expect(level(check({ asOf: { year: 2025, month: 5 } }))).toBe('yellow');
    expect(level(check({ asOf: { year: 2025, month: 6 } }))).toBe('red');
    expect(level(check({ asOf: { year: 2025, month: 12 } }))).toBe('red');
  });

  it('counts months across the year end', () => {
    const dec = { plannedStart: '2024-12-01' };
    expect(level(check({ ...dec, asOf: { year: 2025, month: 1 } }))).toBe('yellow');
    expect(level(check({ ...dec, asOf: { year: 2025, month: 2 } }))).toBe('yellow');
    expect(level(check({ ...dec, asOf: { year: 2025, month: 3 } }))).toBe('red');
  });

  it('says why', () => {
    expect(check({ asOf: { year: 2025, month: 7 } })).toEqual({
      level: 'red',
      rule: 'notStartedOnTime',
      message: {
        key: 'warnings.notStartedOnTime',
        params: { plannedYear: 2025, plannedMonth: 3, asOfYear: 2025, asOfMonth: 7, monthsLate: 4 },
      },
    });
  });

  it('is null once started (in or before the assessed month), even late', () => {
    expect(check({ actualStart: '2025-06-30', asOf: { year: 2025, month: 6 } })).toBeNull();
    expect(check({ actualStart: '2025-01-10', asOf: { year: 2025, month: 9 } })).toBeNull();
  });

  it('a start dated after the assessed month does not count yet', () => {
    expect(level(check({ actualStart: '2025-07-01', asOf: { year: 2025, month: 6 } }))).toBe('red');
  });

  it('only applies to new starts with a planned start', () => {
    const late = { asOf: { year: 2025, month: 9 } };
    expect(check({ ...late, stage: 'ONGOING' })).toBeNull();
    expect(check({ ...late, stage: 'COMPLETION' })).toBeNull();
    expect(check({ ...late, stage: 'PRELIMINARY' })).toBeNull();
    expect(check({ ...late, plannedStart: null })).toBeNull();
  });

  it('refuses malformed dates and months', () => {
    expect(() => check({ plannedStart: '2025-02-30' })).toThrow(RangeError);
    expect(() => check({ actualStart: '2025/03/01' })).toThrow(RangeError);
    expect(() => check({ asOf: { year: 2025, month: 13 } })).toThrow(RangeError);
  });
});

describe('noReportByDeadline', () => {
  const check = (status: Parameters<typeof noReportByDeadline>[0]['status'], today: string) =>
    noReportByDeadline({ status, deadline: '2025-04-05', today });

  it('is null before and on the deadline day', () => {
    expect(check(null, '2025-04-01')).toBeNull();
    expect(check(null, '2025-04-05')).toBeNull();
  });

  it('is yellow 1–9 days overdue, red from 10', () => {
    expect(level(check(null, '2025-04-06'))).toBe('yellow');
    expect(level(check(null, '2025-04-14'))).toBe('yellow');
    expect(level(check(null, '2025-04-15'))).toBe('red');
    expect(level(check(null, '2025-06-01'))).toBe('red');
  });

  it('fires for missing, draft and returned reports, each with its own words', () => {
    expect(check(null, '2025-04-06')?.message).toEqual({
      key: 'warnings.noReportByDeadline.missing',
      params: { deadline: '2025-04-05', daysOverdue: 1 },
    });
    expect(check('DRAFT', '2025-04-15')).toEqual({
      level: 'red',
      rule: 'noReportByDeadline',
      message: { key: 'warnings.noReportByDeadline.draft', params: { deadline: '2025-04-05', daysOverdue: 10 } },
    });
    expect(check('RETURNED', '2025-04-08')?.message.key).toBe('warnings.noReportByDeadline.returned');
  });

  it('is null for submitted and approved reports, however late', () => {
    expect(check('SUBMITTED', '2025-05-30')).toBeNull();
    expect(check('APPROVED', '2025-05-30')).toBeNull();
  });

  it('counts days across month ends and leap days like the deadline board', () => {
    expect(noReportByDeadline({ status: null, deadline: '2028-02-25', today: '2028-03-06' })?.level).toBe('red'); // 10 days (29 Feb)
    expect(noReportByDeadline({ status: null, deadline: '2025-02-25', today: '2025-03-06' })?.level).toBe('yellow'); // 9 days
  });

  it('refuses malformed dates', () => {
    expect(() => check(null, '2025-4-6')).toThrow(RangeError);
  });
});

describe('reportFlags', () => {
  it('each entry flag is yellow, cumulativeAboveTotal red', () => {
    for (const code of REPORT_FLAG_CODES.filter((c) => c !== 'cumulativeAboveTotal')) {
      expect(reportFlags([code])).toEqual([
        { level: 'yellow', rule: 'reportFlag', message: { key: `warnings.reportFlag.${code}`, params: {} } },
      ]);
    }
    expect(reportFlags(['cumulativeAboveTotal'])).toEqual([
      { level: 'red', rule: 'reportFlag', message: { key: 'warnings.reportFlag.cumulativeAboveTotal', params: {} } },
    ]);
  });

  it('none → none; duplicates once; in code order', () => {
    expect(reportFlags([])).toEqual([]);
    expect(reportFlags(['monthSpike', 'ytdAbovePlan', 'monthSpike']).map((w) => w.message.key)).toEqual([
      'warnings.reportFlag.ytdAbovePlan',
      'warnings.reportFlag.monthSpike',
    ]);
  });

  it('refuses an unknown code', () => {
    expect(() => reportFlags(['typo'])).toThrow(RangeError);
  });
});

describe('evaluateProject and worstLevel', () => {
  const base: ProjectWarningInput = {
    stage: 'NEW_START',
    annualPlan: '300',
    ytd: '300',
    paceMonth: 10,
    plannedStart: '2025-03-01',
    actualStart: '2025-03-20',
    asOf: { year: 2025, month: 11 },
    report: { status: 'APPROVED', deadline: '2025-12-05', today: '2025-12-20' },
    flags: [],
  };

  it('a healthy project has none', () => {
    expect(evaluateProject(base)).toEqual([]);
    expect(worstLevel([])).toBe('none');
  });

  it('combines every rule, red first, otherwise in rule order', () => {
    const warnings = evaluateProject({
      ...base,
      ytd: '220', // exactly 10 behind → yellow
      actualStart: null, // 8 months late → red
      report: { status: null, deadline: '2025-12-05', today: '2025-12-08' }, // 3 days → yellow
      flags: ['investedWithoutStart', 'cumulativeAboveTotal'],
    });
    expect(warnings.map((w) => [w.level, w.message.key])).toEqual([
      ['red', 'warnings.notStartedOnTime'],
      ['red', 'warnings.reportFlag.cumulativeAboveTotal'],
      ['yellow', 'warnings.paceBehind'],
      ['yellow', 'warnings.noReportByDeadline.missing'],
      ['yellow', 'warnings.reportFlag.investedWithoutStart'],
    ]);
    expect(worstLevel(warnings)).toBe('red');
  });

  it('uses the plan year thresholds, default 10 / 30', () => {
    expect(worstLevel(evaluateProject({ ...base, ytd: '160' }))).toBe('red');
    expect(
      worstLevel(evaluateProject({ ...base, ytd: '160', thresholds: { yellowPoints: '20', redPoints: '40' } })),
    ).toBe('yellow');
    expect(evaluateProject({ ...base, ytd: '220', thresholds: { yellowPoints: '10.01', redPoints: '40' } })).toEqual(
      [],
    );
  });

  it('gives 前期 projects no pace warning, and skips the report rule when asked', () => {
    expect(evaluateProject({ ...base, stage: 'PRELIMINARY', annualPlan: '300', ytd: '0' })).toEqual([]);
    expect(evaluateProject({ ...base, report: null })).toEqual([]);
  });

  it('worstLevel is yellow with only yellows', () => {
    expect(worstLevel(reportFlags(['monthSpike']))).toBe('yellow');
  });
});
