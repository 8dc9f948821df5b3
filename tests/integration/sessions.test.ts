import { decode, encode } from 'next-auth/jwt';
import type { Session } from 'next-auth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAuthSecret } from '@/lib/auth/secret';
import { signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The browser that makes a password change: its cookie jar, as next/headers would show it to the action.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));

let t: TestDatabase;
let credentials: typeof import('@/lib/auth/sign-in');
let options: typeof import('@/lib/auth/options');
let session: typeof import('@/lib/auth/session');
let account: typeof import('@/lib/actions/account');
let admin: typeof import('@/lib/actions/admin');
const secret = getAuthSecret()!;
const PASSWORD = 'Keystone@2025';
const COOKIE = 'next-auth.session-token';

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  credentials = await import('@/lib/auth/sign-in');
  options = await import('@/lib/auth/options');
  session = await import('@/lib/auth/session');
  account = await import('@/lib/actions/account');
  admin = await import('@/lib/actions/admin');
});
afterAll(async () => t?.drop());
afterEach(() => vi.useRealTimers());

/** What a browser holds after signing in: the encoded session cookie, made by the real authorize and callbacks. */
async function signInBrowser(username: string, password = PASSWORD): Promise<string> {
  const user = await credentials.authorizeCredentials({ username, password }, null);
  if (!user) throw new Error(`sign-in of ${username} failed`);
  const token = await options.authOptions.callbacks!.jwt!({ token: {}, user } as never);
  return encode({ token, secret });
}

/** What the app makes of that cookie on a request: next-auth's decode and callbacks, then the session checks. */
async function actorOfCookie(cookie: string) {
  const token = await decode({ token: cookie, secret });
  if (!token) return null;
  const renewed = await options.authOptions.callbacks!.jwt!({ token } as never);
  const s = (await options.authOptions.callbacks!.session!({
    session: { expires: '' },
    token: renewed,
  } as never)) as Session;
  return session.actorForSession(s.user);
}

describe('a session ends when the password changes', () => {
  it('refuses every token from before the change, while the browser that made it carries on', async () => {
    const here = await signInBrowser('wlw');
    const elsewhere = await signInBrowser('wlw');
    expect((await actorOfCookie(here))?.username).toBe('wlw');
    expect((await actorOfCookie(elsewhere))?.username).toBe('wlw');

    await signIn(t.db, 'wlw', { ip: '192.0.2.10' });
    jar.clear();
    jar.set(COOKIE, here);
    const r = await account.changeOwnPassword({
      currentPassword: PASSWORD,
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Better#Pass2026',
    });
    expect(r).toMatchObject({ ok: true });

    expect(await actorOfCookie(elsewhere)).toBeNull();
    expect(await actorOfCookie(here)).toBeNull(); // the old cookie value itself is dead too…
    const reissued = jar.get(COOKIE)!;
    expect(reissued).not.toBe(here);
    expect((await actorOfCookie(reissued))?.username).toBe('wlw'); // …but this browser got a new one
  });

  it('refuses tokens from before an administrator’s reset', async () => {
    const before = await signInBrowser('jtj');
    await signIn(t.db, 'admin', { ip: '192.0.2.10' });
    const target = await t.db.user.findUniqueOrThrow({ where: { username: 'jtj' } });
    expect(await admin.resetUserPassword({ id: target.id, password: 'Reset#Pass2026' })).toMatchObject({ ok: true });
    expect(await actorOfCookie(before)).toBeNull();
  });
});

describe('a session ends 12 hours after sign-in', () => {
  it('refuses an old token past 12 hours even though it was renewed a minute ago', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 13 * 3600 * 1000);
    const old = await signInBrowser('dept06');
    vi.useRealTimers();
    // a renewal (the proxy or next-auth's session endpoint) re-encodes the same claims with a fresh expiry
    const claims = await decode({ token: old, secret });
    const renewed = await encode({ token: { ...claims, iat: undefined, exp: undefined, jti: undefined }, secret });
    const decoded = await decode({ token: renewed, secret });
    expect(Number(decoded!.exp) * 1000).toBeGreaterThan(Date.now() + 7 * 3600 * 1000); // the cookie itself is fresh
    expect(await actorOfCookie(renewed)).toBeNull();
  });

  it('accepts a token eleven hours old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 11 * 3600 * 1000);
    const cookie = await signInBrowser('dept07');
    vi.useRealTimers();
    const actor = await actorOfCookie(cookie);
    expect(actor?.username).toBe('dept07');
    expect(Date.now() - actor!.signedInAt!.getTime()).toBeGreaterThan(10.9 * 3600 * 1000);
  });
});

describe('sign out everywhere', () => {
  it('ends the user’s other sessions (and this one), with one audit row; other users keep theirs', async () => {
    const phone = await signInBrowser('jfb');
    const office = await signInBrowser('jfb');
    const someoneElse = await signInBrowser('zjw');
    await signIn(t.db, 'jfb', { ip: '192.0.2.10' });
    const r = await account.signOutEverywhere({});
    expect(r).toEqual({ ok: true, data: { signedOut: true } });
    expect(await actorOfCookie(phone)).toBeNull();
    expect(await actorOfCookie(office)).toBeNull();
    expect((await actorOfCookie(someoneElse))?.username).toBe('zjw');
    const rows = await t.db.auditLog.findMany({ where: { action: 'user.signOutEverywhere', actor: 'jfb' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ip).toBe('192.0.2.10');
    // a new sign-in works as before
    expect((await actorOfCookie(await signInBrowser('jfb')))?.username).toBe('jfb');
  });
});

describe('an administrator’s change of what a user may do ends their sessions', () => {
  it('deactivation (and a later reactivation does not revive the old token)', async () => {
    const token = await signInBrowser('dept08');
    const u = await t.db.user.findUniqueOrThrow({ where: { username: 'dept08' } });
    await signIn(t.db, 'admin', { ip: '192.0.2.10' });
    expect(await admin.setUserActive({ id: u.id, active: false })).toMatchObject({ ok: true });
    expect(await admin.setUserActive({ id: u.id, active: true })).toMatchObject({ ok: true });
    expect(await actorOfCookie(token)).toBeNull();
  });

  it('a role or department change ends them; a new display name does not', async () => {
    const u = await t.db.user.findUniqueOrThrow({ where: { username: 'dept09' } });
    const other = await t.db.department.findFirstOrThrow({ where: { id: { not: u.departmentId! } } });
    await signIn(t.db, 'admin', { ip: '192.0.2.10' });

    const kept = await signInBrowser('dept09');
    expect(
      await admin.updateUser({ id: u.id, displayName: '新名字', role: u.role, departmentId: u.departmentId }),
    ).toMatchObject({ ok: true });
    expect((await actorOfCookie(kept))?.displayName).toBe('新名字');

    expect(
      await admin.updateUser({ id: u.id, displayName: '新名字', role: u.role, departmentId: other.id }),
    ).toMatchObject({ ok: true });
    expect(await actorOfCookie(kept)).toBeNull();

    const again = await signInBrowser('dept09');
    expect(
      await admin.updateUser({ id: u.id, displayName: '新名字', role: 'LEADER', departmentId: null }),
    ).toMatchObject({ ok: true });
    expect(await actorOfCookie(again)).toBeNull();
  });
});
