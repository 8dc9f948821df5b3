/**
 * The per-user throttle on server actions and the per-token throttle on the JSON API (lib/throttle.ts), with limits
 * set low for this file: the call over the limit is refused before any work, in the user's language, nothing
 * written; other callers keep their own allowance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { apiClient, expectError, ok } from '../helpers/api-client';
import { auditSince, lastAuditId } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ACTIONS_PER_MINUTE = 3;
const REQUESTS_PER_MINUTE = 2;
process.env.KEYSTONE_ACTION_RATE_LIMIT = `${ACTIONS_PER_MINUTE}/60`;
process.env.KEYSTONE_API_RATE_LIMIT = `${REQUESTS_PER_MINUTE}/60`;

let t: TestDatabase;
let tokenActions: typeof import('@/lib/actions/api-tokens');
let notificationActions: typeof import('@/lib/actions/notifications');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  tokenActions = await import('@/lib/actions/api-tokens');
  notificationActions = await import('@/lib/actions/notifications');
}, 120_000);

afterAll(async () => t?.drop());

describe('server actions, per user', () => {
  it('refuses the call over the limit before parsing or writing, and says when to try again', async () => {
    await signIn(t.db, 'admin');
    for (let i = 1; i <= ACTIONS_PER_MINUTE; i++) {
      const result = await tokenActions.issueApiToken({ name: `对接 ${i}` });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const tokensBefore = await t.db.apiToken.count();
    const since = await lastAuditId(t.db);

    const refused = await tokenActions.issueApiToken({ name: '对接 超限' });
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (refused.ok) return;
    const seconds = Number(/请在(\d+)秒后重试/.exec(refused.message)?.[1]);
    expect(refused.message).toContain('操作过于频繁，本次操作未做任何修改');
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);

    // refused before the input is parsed: a malformed call gets the same answer, not a validation error
    const malformed = await tokenActions.issueApiToken({ name: 42 });
    expect(malformed).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // and in English for an English session
    await signIn(t.db, 'admin', { locale: 'en' });
    const english = await tokenActions.issueApiToken({ name: 'over' });
    expect(english).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (!english.ok)
      expect(english.message).toMatch(
        /^Too many actions in a short time: nothing was changed\. Try again in \d+ seconds\.$/,
      );

    expect(await t.db.apiToken.count()).toBe(tokensBefore);
    expect(await auditSince(t.db, since)).toEqual([]);
  });

  it('counts each user separately', async () => {
    await signIn(t.db, 'leader');
    const result = await notificationActions.markAllNotificationsRead({});
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('keeps the count in the database, where every app worker and instance sees it', async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { username: 'admin' }, select: { id: true } });
    const rows = await t.db.rateLimit.findMany({ where: { key: `throttle_action:${admin.id}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBeGreaterThan(ACTIONS_PER_MINUTE);
  });
});

describe('the JSON API, per token', () => {
  it('answers 429 with Retry-After over the limit, and another token is still served', async () => {
    const api = await apiClient(t.db);
    for (let i = 0; i < REQUESTS_PER_MINUTE; i++) await ok(await api.rollup('2025', '?month=10'));

    const refused = await api.rollup('2025', '?month=10');
    const body = await expectError(refused, 429, 'RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.error.message).toContain(`try again in ${retryAfter} s`);

    const other = await api.issue('另一平台');
    await ok(await api.rollup('2025', '?month=10', other.token));
    // a request without a valid token is not counted against anyone: it is refused as unauthorized
    await expectError(await api.rollup('2025', '?month=10', null), 401, 'UNAUTHORIZED');
  });
});
