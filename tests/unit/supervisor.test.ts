import { describe, expect, it } from 'vitest';
import { afterCrash, APP_CRASH_POLICY } from '../../scripts/lib/supervisor';

const minute = 60_000;
const now = 100 * minute;

describe('afterCrash (the app server’s restart policy)', () => {
  it('restarts after 1 s on the first crash and doubles the wait with each crash in the window', () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const crashes = Array.from({ length: n }, (_, i) => now - i * 1000);
      return afterCrash(crashes, now, APP_CRASH_POLICY);
    });
    expect(delays.map((d) => d.restart && d.delayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('gives up at the 5th crash within 10 minutes', () => {
    const crashes = [9, 7, 5, 3, 0].map((m) => now - m * minute);
    expect(afterCrash(crashes, now, APP_CRASH_POLICY)).toEqual({ restart: false, recent: 5 });
  });

  it('forgets crashes older than 10 minutes, so a rare crash never adds up to giving up', () => {
    const crashes = [40, 30, 20, 10, 0].map((m) => now - m * minute);
    expect(afterCrash(crashes, now, APP_CRASH_POLICY)).toEqual({ restart: true, delayMs: 1_000, recent: 1 });
  });

  it('never waits longer than 30 s', () => {
    const policy = { ...APP_CRASH_POLICY, maxCrashes: 20 };
    const crashes = Array.from({ length: 10 }, (_, i) => now - i * 1000);
    expect(afterCrash(crashes, now, policy)).toMatchObject({ restart: true, delayMs: 30_000 });
  });
});
