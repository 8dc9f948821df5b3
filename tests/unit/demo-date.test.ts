import { describe, expect, it } from 'vitest';
import { chongqingToday, reportDeadline } from '@/lib/domain/deadlines';
import { demoInstant, SEED_DEMO_DATE } from '@/lib/domain/demo-date';

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
