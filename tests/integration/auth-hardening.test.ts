import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, actorOf, signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// no session cookie in these calls: the password change has no browser session to renew
vi.mock('next/headers', () => import('../helpers/next-headers'));

let t: TestDatabase;
let throttle: typeof import('@/lib/auth/login-throttle');
let account: typeof import('@/lib/actions/account');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  throttle = await import('@/lib/auth/login-throttle');
  account = await import('@/lib/actions/account');
});
afterAll(async () => t?.drop());

describe('sign-in throttling', () => {
  it('locks a username after 5 attempts, saying for how long, and counts in PostgreSQL', async () => {
    for (let i = 1; i <= 4; i++) {
      expect(await throttle.beginPasswordAttempt('dept10', `192.0.2.${i}`)).toEqual({
        allowed: true,
        lockIfFails: null,
      });
    }
    const fifth = await throttle.beginPasswordAttempt('DEPT10 ', '192.0.2.5'); // same user, however typed
    expect(fifth.allowed).toBe(true);
    if (fifth.allowed) expect(fifth.lockIfFails).toBeGreaterThan(14 * 60); // the last chance: a failure locks
    const sixth = await throttle.beginPasswordAttempt('dept10', '192.0.2.99');
    expect(sixth).toMatchObject({ allowed: false, lockStarted: ['username'] });
    if (!sixth.allowed) expect(sixth.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const seventh = await throttle.beginPasswordAttempt('dept10', '192.0.2.99');
    expect(seventh).toMatchObject({ allowed: false, lockStarted: [] }); // the lock began once
    const rows = await t.db.$queryRaw<
      { key: string; points: number }[]
    >`SELECT key, points FROM rate_limits WHERE key LIKE 'signin_user%'`;
    expect(rows.find((r) => r.key === 'signin_user:dept10')?.points).toBeGreaterThanOrEqual(6);
    // the refused attempts gave their address points back
    const address = await t.db.$queryRaw<
      { points: number }[]
    >`SELECT points FROM rate_limits WHERE key = 'signin_ip:192.0.2.99'`;
    expect(address[0]?.points ?? 0).toBe(0);
  });

  it('leaves other usernames alone, and a success clears the username and gives the address its point back', async () => {
    expect(await throttle.beginPasswordAttempt('wlw', '192.0.2.200')).toMatchObject({ allowed: true });
    expect(await throttle.beginPasswordAttempt('wlw', '192.0.2.200')).toMatchObject({ allowed: true });
    await throttle.passwordAttemptSucceeded('wlw', '192.0.2.200');
    const user = await t.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM rate_limits WHERE key = 'signin_user:wlw'`;
    expect(Number(user[0]!.n)).toBe(0);
    const address = await t.db.$queryRaw<
      { points: number }[]
    >`SELECT points FROM rate_limits WHERE key = 'signin_ip:192.0.2.200'`;
    expect(address[0]!.points).toBe(1);
  });

  it('locks an address that tries many usernames', async () => {
    for (let i = 0; i < 30; i++)
      expect(await throttle.beginPasswordAttempt(`nobody${i}`, '198.51.100.7')).toMatchObject({ allowed: true });
    expect(await throttle.beginPasswordAttempt('someone-new', '198.51.100.7')).toMatchObject({
      allowed: false,
      lockStarted: ['address'],
    });
    expect(await throttle.beginPasswordAttempt('someone-new', '198.51.100.8')).toMatchObject({ allowed: true });
  });
});

describe('changing one’s own password', () => {
  it('refuses a wrong current password, in Chinese, and changes nothing', async () => {
    await signIn(t.db, 'jfb', { ip: '10.0.0.9' });
    const before = await t.db.user.findUniqueOrThrow({ where: { username: 'jfb' }, omit: { passwordHash: false } });
    const r = await account.changeOwnPassword({
      currentPassword: 'wrong',
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Better#Pass2026',
    });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { currentPassword: ['当前密码不正确'] } });
    const after = await t.db.user.findUniqueOrThrow({ where: { username: 'jfb' }, omit: { passwordHash: false } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('enforces the policy with clear messages', async () => {
    await signIn(t.db, 'jfb', { ip: '10.0.0.9' });
    const weak = await account.changeOwnPassword({
      currentPassword: 'Keystone@2025',
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(weak).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!weak.ok) expect(weak.fieldErrors?.newPassword).toEqual(expect.arrayContaining(['密码至少需要10个字符']));
    const withName = await account.changeOwnPassword({
      currentPassword: 'Keystone@2025',
      newPassword: 'jfb-Password-1',
      confirmPassword: 'jfb-Password-1',
    });
    expect(withName).toMatchObject({ ok: false, fieldErrors: { newPassword: ['密码不能包含用户名'] } });
    const mismatch = await account.changeOwnPassword({
      currentPassword: 'Keystone@2025',
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Other#Pass2026',
    });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['两次输入的新密码不一致'] } });
  });

  it('changes it, clears a pending forced change, and audits without the hash', async () => {
    await t.db.user.update({ where: { username: 'jfb' }, data: { mustChangePassword: true } });
    await signIn(t.db, 'jfb', { ip: '10.0.0.9' });
    const r = await account.changeOwnPassword({
      currentPassword: 'Keystone@2025',
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Better#Pass2026',
    });
    expect(r).toEqual({ ok: true, data: { changed: true } });
    const u = await t.db.user.findUniqueOrThrow({ where: { username: 'jfb' }, omit: { passwordHash: false } });
    expect(u.mustChangePassword).toBe(false);
    expect(await verify(u.passwordHash, 'Better#Pass2026')).toBe(true);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'user.changePassword', entityId: String(u.id) },
    });
    expect(audit.ip).toBe('10.0.0.9');
    const text = JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain(u.passwordHash);
    expect(text).not.toContain('Better#Pass2026');
    expect(audit.after).toEqual({ passwordHash: '[changed]', mustChangePassword: false });
  });
});

describe('the action wrapper', () => {
  it('refuses everything but the password change while one is pending', async () => {
    actAs({ ...(await actorOf(t.db, 'jw')), mustChangePassword: true }, { ip: '10.0.0.9' });
    const { changeOwnPassword } = account;
    // the password change itself is allowed (and fails here only on the wrong current password)
    const r = await changeOwnPassword({
      currentPassword: 'nope',
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Better#Pass2026',
    });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('answers an unauthenticated call with a clear message and changes nothing', async () => {
    actAs(null, { ip: null, locale: 'en' });
    const r = await account.changeOwnPassword({
      currentPassword: 'x',
      newPassword: 'Better#Pass2026',
      confirmPassword: 'Better#Pass2026',
    });
    expect(r).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Your session has ended. Please sign in again.' });
  });
});
