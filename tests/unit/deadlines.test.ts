import { describe, expect, it } from 'vitest';
import {
  chongqingToday,
  daysInMonth,
  daysOverdue,
  type DepartmentReportCounts,
  reportDeadline,
  summariseDepartment,
} from '@/lib/domain/deadlines';

describe('reportDeadline', () => {
  it('is the deadline day of the following month', () => {
    expect(reportDeadline(2025, 3, 5)).toBe('2025-04-05');
    expect(reportDeadline(2025, 1, 10)).toBe('2025-02-10');
    expect(reportDeadline(2025, 11, 1)).toBe('2025-12-01');
  });

  it("rolls December's report over into January of the next year", () => {
    expect(reportDeadline(2025, 12, 5)).toBe('2026-01-05');
    expect(reportDeadline(2025, 12, 31)).toBe('2026-01-31');
  });

  it('clamps the day to the length of February (January report)', () => {
    expect(reportDeadline(2025, 1, 31)).toBe('2025-02-28');
    expect(reportDeadline(2025, 1, 29)).toBe('2025-02-28');
    expect(reportDeadline(2025, 1, 28)).toBe('2025-02-28');
  });

  it('clamps to 29 February in a leap year', () => {
    expect(reportDeadline(2028, 1, 31)).toBe('2028-02-29');
    expect(reportDeadline(2028, 1, 30)).toBe('2028-02-29');
    expect(reportDeadline(2024, 1, 31)).toBe('2024-02-29');
    // 2100 is not a leap year (divisible by 100, not 400); 2000 was.
    expect(reportDeadline(2100, 1, 31)).toBe('2100-02-28');
    expect(reportDeadline(2000, 1, 31)).toBe('2000-02-29');
  });

  it('clamps to 30 in 30-day months and keeps 31 in 31-day months', () => {
    expect(reportDeadline(2025, 3, 31)).toBe('2025-04-30');
    expect(reportDeadline(2025, 8, 31)).toBe('2025-09-30');
    expect(reportDeadline(2025, 6, 31)).toBe('2025-07-31');
  });

  it('pads month and day to two digits', () => {
    expect(reportDeadline(2025, 8, 1)).toBe('2025-09-01');
  });

  it.each([
    [2025, 0, 5],
    [2025, 13, 5],
    [2025, 3, 0],
    [2025, 3, 32],
    [2025, 3, 5.5],
    [2025.5, 3, 5],
    [Number.NaN, 3, 5],
  ])('refuses year %s month %s day %s', (year, month, day) => {
    expect(() => reportDeadline(year, month, day)).toThrow(RangeError);
  });
});

describe('daysInMonth', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
});

describe('daysOverdue', () => {
  it('is 0 before the deadline and on the deadline day itself', () => {
    expect(daysOverdue('2025-04-05', '2025-04-01')).toBe(0);
    expect(daysOverdue('2025-04-05', '2025-04-05')).toBe(0);
  });

  it('is 1 on the day after the deadline', () => {
    expect(daysOverdue('2025-04-05', '2025-04-06')).toBe(1);
  });

  it('counts whole days across month and year ends', () => {
    expect(daysOverdue('2025-04-05', '2025-05-05')).toBe(30);
    expect(daysOverdue('2025-12-30', '2026-01-02')).toBe(3);
    expect(daysOverdue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysOverdue('2025-02-28', '2025-03-01')).toBe(1);
  });

  it('is unaffected by daylight saving where the test runs (dates only, no clock)', () => {
    // Across the spring-forward and fall-back weeks of Europe and the US.
    expect(daysOverdue('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysOverdue('2025-10-25', '2025-11-03')).toBe(9);
  });

  it.each(['2025-4-5', '2025/04/05', '2025-02-30', '2025-13-01', '', '2025-04-05T00:00:00Z'])('refuses %j', (bad) => {
    expect(() => daysOverdue(bad, '2025-04-05')).toThrow(RangeError);
    expect(() => daysOverdue('2025-04-05', bad)).toThrow(RangeError);
  });
});

describe('chongqingToday', () => {
  it('is already the next day in Chongqing at 16:30 UTC', () => {
    expect(chongqingToday(new Date('2025-12-05T16:30:00Z'))).toBe('2025-12-06');
  });

  it('turns over at 16:00 UTC, which is midnight in Chongqing', () => {
    expect(chongqingToday(new Date('2025-12-05T15:59:59.999Z'))).toBe('2025-12-05');
    expect(chongqingToday(new Date('2025-12-05T16:00:00Z'))).toBe('2025-12-06');
  });

  it('is the same date for a morning in UTC', () => {
    expect(chongqingToday(new Date('2025-12-05T01:00:00Z'))).toBe('2025-12-05');
  });

  it('rolls over the year on New Year’s Eve in UTC', () => {
    expect(chongqingToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('refuses an invalid date', () => {
    expect(() => chongqingToday(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('summariseDepartment', () => {
  const deadline = '2025-04-05';
  const counts = (c: Partial<DepartmentReportCounts>): DepartmentReportCounts => ({
    missing: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
    ...c,
  });

  it('counts outstanding (missing, draft, returned) and reported (submitted, approved)', () => {
    const s = summariseDepartment(
      counts({ missing: 1, draft: 2, submitted: 3, returned: 4, approved: 5 }),
      deadline,
      '2025-04-01',
    );
    expect(s).toEqual({ total: 15, outstanding: 7, complete: 8, late: false, daysOverdue: 0, state: 'onTime' });
  });

  it('is on time with work outstanding on the deadline day itself', () => {
    expect(summariseDepartment(counts({ missing: 1, approved: 3 }), deadline, '2025-04-05')).toMatchObject({
      late: false,
      daysOverdue: 0,
      state: 'onTime',
    });
  });

  it('is late by one day on the day after the deadline', () => {
    expect(summariseDepartment(counts({ draft: 1, approved: 3 }), deadline, '2025-04-06')).toMatchObject({
      late: true,
      daysOverdue: 1,
      state: 'late',
    });
  });

  it('is late while a returned report is still to be resubmitted', () => {
    expect(summariseDepartment(counts({ returned: 1, submitted: 9 }), deadline, '2025-04-15')).toMatchObject({
      outstanding: 1,
      late: true,
      daysOverdue: 10,
      state: 'late',
    });
  });

  it('is done once everything is submitted or approved, however late it is now', () => {
    expect(summariseDepartment(counts({ submitted: 2, approved: 3 }), deadline, '2025-05-20')).toEqual({
      total: 5,
      outstanding: 0,
      complete: 5,
      late: false,
      daysOverdue: 0,
      state: 'done',
    });
  });

  it('is done with no projects at all', () => {
    expect(summariseDepartment(counts({}), deadline, '2025-05-20')).toEqual({
      total: 0,
      outstanding: 0,
      complete: 0,
      late: false,
      daysOverdue: 0,
      state: 'done',
    });
  });

  it('uses the December deadline in January', () => {
    const december = reportDeadline(2025, 12, 5);
    expect(summariseDepartment(counts({ missing: 2 }), december, '2026-01-08')).toMatchObject({
      daysOverdue: 3,
      state: 'late',
    });
  });

  it('counts the day in Chongqing, not in UTC', () => {
    const december = reportDeadline(2025, 11, 5); // 2025-12-05
    const today = chongqingToday(new Date('2025-12-05T16:30:00Z')); // 00:30 on the 6th in Chongqing
    expect(summariseDepartment(counts({ missing: 1 }), december, today)).toMatchObject({
      daysOverdue: 1,
      state: 'late',
    });
  });

  it.each([{ missing: -1 }, { draft: 1.5 }, { approved: Number.NaN }])('refuses counts %j', (bad) => {
    expect(() => summariseDepartment(counts(bad), deadline, '2025-04-01')).toThrow(RangeError);
  });
});
