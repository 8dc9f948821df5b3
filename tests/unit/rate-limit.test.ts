import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '@/lib/domain/rate-limit';

const FALLBACK = { points: 300, durationSeconds: 60 };

describe('parseRateLimit', () => {
  it('reads "<requests>/<seconds>"', () => {
    expect(parseRateLimit('X', '1200/60', FALLBACK)).toEqual({ points: 1200, durationSeconds: 60 });
    expect(parseRateLimit('X', ' 5 / 1 ', FALLBACK)).toEqual({ points: 5, durationSeconds: 1 });
  });

  it('falls back when unset or blank, and turns off with "off"', () => {
    expect(parseRateLimit('X', undefined, FALLBACK)).toEqual(FALLBACK);
    expect(parseRateLimit('X', '  ', FALLBACK)).toEqual(FALLBACK);
    expect(parseRateLimit('X', 'OFF', FALLBACK)).toBeNull();
  });

  it.each(['0/60', '10/0', '60', 'ten/60', '-1/60', '1.5/60', '2000000/60', '10/86401', '10/60/2'])(
    'refuses %s, naming the variable',
    (text) => {
      expect(() => parseRateLimit('KEYSTONE_API_RATE_LIMIT', text, FALLBACK)).toThrow(
        /KEYSTONE_API_RATE_LIMIT=.* is not a rate limit/,
      );
    },
  );
});
