import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('next/headers', () => import('../helpers/next-headers'));

let t: TestDatabase;
let options: typeof import('@/lib/auth/options');
let socket: typeof import('@/lib/auth/socket-address');
let account: typeof import('@/lib/actions/account');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  options = await import('@/lib/auth/options');
  socket = await import('@/lib/auth/socket-address');
  account = await import('@/lib/actions/account');
});
afterAll(async () => t?.drop());
afterEach(() => vi.unstubAllEnvs());

/** next-auth's authorize as the route calls it, on a request whose TCP peer is `peer`. */
function authorize(credentials: Record<string, string>, peer: string, headers: Record<string, string> = {}) {
  const provider = options.authOptions.providers[0] as unknown as {
    options: { authorize(c: Record<string, string>, req: { headers: Record<string, string> }): Promise<unknown> };
  };
  return socket.socketAddressStorage().run(peer, () => provider.options.authorize(credentials, { headers }));
}

const settle = (p: Promise<unknown>) =>
  p.then(
    (user) => (user ? 'signedIn' : 'refused'),
    (e: Error) => e.message,
  );
const audits = (action: string, actor: string) => t.db.auditLog.findMany({ where: { action, actor } });

describe('parallel guesses', () => {
  it('20 attempts fired at once: only 5 reach the password check, and the lock is written once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        settle(authorize({ username: 'dept11', password: `guess-${i}` }, '203.0.113.20')),
      ),
    );
    expect(outcomes.filter((o) => o === 'signedIn')).toHaveLength(0);
    expect(await audits('auth.signInFailed', 'dept11')).toHaveLength(5);
    expect(outcomes.filter((o) => o.startsWith('RATE_LIMITED:'))).toHaveLength(15 + 1); // the 5th failure says so too
    const locks = await audits('auth.signInThrottled', 'dept11');
    expect(locks).toHaveLength(1);
    expect(locks[0]!.after).toMatchObject({ lockedBy: 'username' });
    // the right password now is refused too, unchecked
    expect(await settle(authorize({ username: 'dept11', password: 'Keystone@2025' }, '203.0.113.20'))).toMatch(
      /^RATE_LIMITED:\d+$/,
    );
  });
});

describe('a throttled attempt is not an audit row', () => {
  it('one summary row per lock period, however many attempts the lock refuses', async () => {
    for (let i = 0; i < 5; i++) await settle(authorize({ username: 'dept12', password: `guess-${i}` }, '203.0.113.21'));
    for (let i = 0; i < 40; i++) {
      expect(await settle(authorize({ username: 'dept12', password: `more-${i}` }, '203.0.113.21'))).toMatch(
        /^RATE_LIMITED:/,
      );
    }
    expect(await audits('auth.signInFailed', 'dept12')).toHaveLength(5);
    expect(await audits('auth.signInThrottled', 'dept12')).toHaveLength(1);
  });
});

describe('the address in the audit row and the throttle is the trusted one', () => {
  it('by default the socket address: X-Forwarded-For from the client is ignored', async () => {
    expect(
      await settle(
        authorize({ username: 'dept17', password: 'Keystone@2025' }, '::ffff:203.0.113.30', {
          'x-forwarded-for': '6.6.6.6',
        }),
      ),
    ).toBe('signedIn');
    const [row] = await audits('auth.signIn', 'dept17');
    expect(row!.ip).toBe('203.0.113.30');
  });

  it('behind a configured proxy, the address that proxy reports, not what the client prepended', async () => {
    vi.stubEnv('KEYSTONE_TRUSTED_PROXIES', '10.0.0.0/8');
    expect(
      await settle(
        authorize({ username: 'dept14', password: 'wrong-pass' }, '10.0.0.2', {
          'x-forwarded-for': '6.6.6.6, 198.51.100.44',
        }),
      ),
    ).toBe('refused');
    const [row] = await audits('auth.signInFailed', 'dept14');
    expect(row!.ip).toBe('198.51.100.44');
  });

  it('rotating forged X-Forwarded-For values do not escape the address limit', async () => {
    for (let i = 0; i < 30; i++) {
      await settle(
        authorize({ username: `ghost${i}`, password: 'x' }, '203.0.113.40', { 'x-forwarded-for': `192.0.2.${i}` }),
      );
    }
    expect(
      await settle(
        authorize({ username: 'ghost-next', password: 'x' }, '203.0.113.40', { 'x-forwarded-for': '192.0.2.250' }),
      ),
    ).toMatch(/^RATE_LIMITED:/);
    const [lock] = await t.db.auditLog.findMany({ where: { action: 'auth.signInThrottled', ip: '203.0.113.40' } });
    expect(lock!.after).toMatchObject({ lockedBy: 'address', address: '203.0.113.40' });
  });
});

describe('the change-password form’s current-password check', () => {
  it('is throttled by username: five wrong guesses lock it, with one audit row, and the right one is refused while locked', async () => {
    const u = await signIn(t.db, 'dept15', { ip: '203.0.113.50' });
    const change = (currentPassword: string) =>
      account.changeOwnPassword({
        currentPassword,
        newPassword: 'Better#Pass2026',
        confirmPassword: 'Better#Pass2026',
      });

    for (let i = 0; i < 4; i++) expect(await change(`guess-${i}`)).toMatchObject({ ok: false, code: 'VALIDATION' });
    const fifth = await change('guess-4');
    expect(fifth).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (!fifth.ok) expect(fifth.fieldErrors?.currentPassword?.[0]).toMatch(/当前密码错误次数过多，请在1[45]分钟后重试/);
    for (let i = 0; i < 5; i++)
      expect(await change('Keystone@2025')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await audits('user.passwordCheckThrottled', 'dept15')).toHaveLength(1);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, omit: { passwordHash: false } });
    const before = await t.db.user.findUniqueOrThrow({ where: { username: 'dept16' }, omit: { passwordHash: false } });
    expect(after.passwordHash).toBe(before.passwordHash); // still the seed's (shared demo) hash: nothing changed
    // the same allowance as sign-in: the username is locked there too
    expect(await settle(authorize({ username: 'dept15', password: 'Keystone@2025' }, '203.0.113.51'))).toMatch(
      /^RATE_LIMITED:/,
    );
  });
});
