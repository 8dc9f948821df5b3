import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The database is down: nothing listens on this port. Its address must never reach the browser.
const DEAD_DATABASE = 'postgresql://keystone:s3cret-db-pass@127.0.0.1:1/keystone';
const LEAKS = /127\.0\.0\.1|ECONNREFUSED|:1\b|s3cret|keystone@|postgres/i;

let previousUrl: string | undefined;
let signIn: typeof import('@/lib/auth/sign-in');
let options: typeof import('@/lib/auth/options');
const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

beforeAll(async () => {
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = DEAD_DATABASE; // read by lib/db and the throttle's pool when first used
  signIn = await import('@/lib/auth/sign-in');
  options = await import('@/lib/auth/options');
});
afterAll(() => {
  process.env.DATABASE_URL = previousUrl;
  logged.mockRestore();
});

describe('a sign-in while the database is down', () => {
  it('answers with a bare code, and logs the real cause with a reference', async () => {
    const error = await signIn.authorizeCredentials({ username: 'admin', password: 'whatever-1' }, '203.0.113.9').then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe('SIGN_IN_UNAVAILABLE');
    const [line, cause] = logged.mock.calls.at(-1)!;
    expect(String(line)).toMatch(/^\[sign-in\] ref [0-9a-f]{8}/);
    expect(String(cause)).toMatch(LEAKS); // the operator still learns what happened
  });

  it('shows the browser nothing of it through next-auth’s own endpoint', async () => {
    // next-auth's core, which its route handler calls with the parsed request (not in the package's exports map)
    const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
      AuthHandler(params: unknown): Promise<unknown>;
    };
    const secret = options.authOptions.secret!;
    const csrf = randomBytes(32).toString('hex');
    const csrfCookie = `${csrf}|${createHash('sha256').update(`${csrf}${secret}`).digest('hex')}`;
    const response = await AuthHandler({
      req: {
        method: 'POST',
        action: 'callback',
        providerId: 'credentials',
        host: 'http://127.0.0.1:3000',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        cookies: { 'next-auth.csrf-token': csrfCookie },
        body: { csrfToken: csrf, username: 'admin', password: 'whatever-1', json: 'true' },
        query: {},
      },
      options: { ...options.authOptions, secret },
    });
    const text = JSON.stringify(response);
    expect(text).toContain('SIGN_IN_UNAVAILABLE');
    expect(text).not.toMatch(LEAKS);
  });
});
