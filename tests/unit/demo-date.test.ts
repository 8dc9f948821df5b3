import { describe, expect, it } from 'vitest';
import { chongqingToday, reportDeadline } from '@/lib/domain/deadlines';
import { demoInstant, SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import { formatLongDate } from '@/lib/format';

describe('the demo date', () => {
  it('lies inside the November 2025 round, before its deadline (day 5 of December)', () => {
    expect(SEED_DEMO_DATE > '2025-11-30').toBe(true);
    expect(SEED_DEMO_DATE < reportDeadline(2025, 11, 5)).toBe(true);
  });

  it('opens at 09:00 in Chongqing on the demo date', () => {
    expect(demoInstant('2025-12-03', 0).toISOString()).toBe('2025-12-03T01:00:00.000Z');
    expect(chongqingToday(demoInstant('2025-12-03', 0))).toBe('2025-12-03');
  });

  it('moves on with the real time elapsed: 14h59 later it is still the 3rd, 15h later the 4th in Chongqing', () => {
    const minute = 60_000;
    expect(chongqingToday(demoInstant('2025-12-03', (15 * 60 - 1) * minute))).toBe('2025-12-03');
    expect(chongqingToday(demoInstant('2025-12-03', 15 * 60 * minute))).toBe('2025-12-04');
  });

  it('refuses a day that does not exist and a negative elapsed time', () => {
    expect(() => demoInstant('2025-02-30', 0)).toThrow(RangeError);
    expect(() => demoInstant('2025-12-03', -1)).toThrow(RangeError);
  });
});

describe('the demo date in words', () => {
  it('reads as the banner prints it, in both languages', () => {
    expect(formatLongDate('2025-12-03', 'zh-CN')).toBe('2025年12月3日');
    expect(formatLongDate('2025-12-03', 'en')).toBe('3 December 2025');
  });

  it('keeps the day whatever the server’s time zone (a date-only value is its UTC midnight)', () => {
    expect(formatLongDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatLongDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
  });
});
