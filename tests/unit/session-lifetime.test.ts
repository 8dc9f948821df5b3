import { NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAuthSecret } from '@/lib/auth/secret';
import {
  SESSION_ABSOLUTE_LIFETIME_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
  sessionRefusal,
  withinAbsoluteLifetime,
} from '@/lib/auth/session-policy';
import { proxy } from '@/proxy';

const HOUR = 3600;
const now = 1_800_000_000;
const user = { active: true, sessionVersion: 3 };

describe('the session rules (pure)', () => {
  it('accepts a token within 12 hours of its sign-in and of the user’s current version', () => {
    expect(sessionRefusal({ signedInAt: now - 11.9 * HOUR, sessionVersion: 3 }, user, now)).toBeNull();
  });

  it('ends a session 12 hours after sign-in, however active', () => {
    expect(withinAbsoluteLifetime({ signedInAt: now - SESSION_ABSOLUTE_LIFETIME_SECONDS + 1 }, now)).toBe(true);
    expect(withinAbsoluteLifetime({ signedInAt: now - SESSION_ABSOLUTE_LIFETIME_SECONDS }, now)).toBe(false);
    expect(sessionRefusal({ signedInAt: now - 13 * HOUR, sessionVersion: 3 }, user, now)).toBe('expired');
  });

  it('refuses a token without a sign-in time (issued before this rule) or dated in the future', () => {
    expect(sessionRefusal({ sessionVersion: 3 }, user, now)).toBe('expired');
    expect(sessionRefusal({ signedInAt: String(now), sessionVersion: 3 }, user, now)).toBe('expired');
    expect(sessionRefusal({ signedInAt: Number.NaN, sessionVersion: 3 }, user, now)).toBe('expired');
    expect(sessionRefusal({ signedInAt: now + 2 * HOUR, sessionVersion: 3 }, user, now)).toBe('expired');
  });

  it('refuses a token from before the user’s version moved, an inactive user and a missing one', () => {
    expect(sessionRefusal({ signedInAt: now, sessionVersion: 2 }, user, now)).toBe('revoked');
    expect(sessionRefusal({ signedInAt: now }, user, now)).toBe('revoked');
    expect(sessionRefusal({ signedInAt: now, sessionVersion: 3 }, { active: false, sessionVersion: 3 }, now)).toBe(
      'revoked',
    );
    expect(sessionRefusal({ signedInAt: now, sessionVersion: 3 }, null, now)).toBe('revoked');
  });
});

describe('proxy.ts: renewal never outlives the absolute lifetime', () => {
  afterEach(() => vi.useRealTimers());
  const secret = getAuthSecret()!;
  const claims = { userId: 7, username: 'jw', sessionVersion: 0 };
  const request = async (token: Record<string, unknown>, path = '/projects') =>
    new NextRequest(`http://127.0.0.1:3000${path}`, {
      headers: { cookie: `next-auth.session-token=${await encode({ token, secret })}` },
    });
  const cookieValue = (response: Response) =>
    /next-auth\.session-token=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

  it('renews an active session’s cookie and carries its sign-in time over unchanged', async () => {
    const signedInAt = Math.floor(Date.now() / 1000) - 2 * HOUR;
    // a cookie last renewed more than five minutes ago (next-auth stamps `iat` from the clock)
    vi.setSystemTime(Date.now() - (SESSION_RENEW_AFTER_SECONDS + 5) * 1000);
    const stale = await request({ ...claims, signedInAt });
    vi.useRealTimers();
    const response = await proxy(stale);
    expect(response.headers.get('location')).toBeNull();
    const renewed = await decode({ token: cookieValue(response)!, secret });
    expect(renewed).toMatchObject({ userId: 7, signedInAt, sessionVersion: 0 });
  });

  it('sends a session past 12 hours to the login page, even when its cookie was just renewed', async () => {
    // a cookie re-issued a minute ago (fresh iat and exp) of a sign-in 13 hours back
    const signedInAt = Math.floor(Date.now() / 1000) - 13 * HOUR;
    const response = await proxy(await request({ ...claims, signedInAt }, '/reports?month=11'));
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('reason')).toBe('expired');
    expect(location.searchParams.get('callbackUrl')).toBe('/reports?month=11');
    expect(cookieValue(response)).toBe(''); // the stale cookie is dropped
  });

  it('treats a token of an older build, without a sign-in time, as ended', async () => {
    const response = await proxy(await request(claims));
    expect(new URL(response.headers.get('location')!).pathname).toBe('/login');
  });
});
