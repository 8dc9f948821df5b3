import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/log';
import { actorOf, contextOf, requestContext } from '../helpers/actors';
import { captureLogLines } from '../helpers/log-lines';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('next/headers', () => import('../helpers/next-headers'));

const REQUEST_ID = '5f1c2a9e-7b3d-4e0a-9c8b-1d2e3f405162';
const CURRENT = 'Keystone@2025';
const NEW = 'N0t-in-any-log!42';

let database: TestDatabase;
let account: typeof import('@/lib/actions/account');
const log = captureLogLines();

beforeAll(async () => {
  logger.level = 'info'; // the integration tier runs at `warn` (tests/helpers/integration-setup.ts)
  database = await createTestDatabase('seeded', { app: true });
  account = await import('@/lib/actions/account');
});
beforeEach(() => log.clear());
afterAll(async () => {
  log.restore();
  await database.drop();
});

async function callAs(username: string) {
  const actor = await actorOf(database.db, username);
  requestContext.mockResolvedValue({ ...contextOf(actor), requestId: REQUEST_ID });
  return actor;
}

describe('the log line of an action', () => {
  it('names the request, the actor, the action, its duration and outcome, and no password', async () => {
    const actor = await callAs('zjw');
    const result = await account.changeOwnPassword({
      currentPassword: CURRENT,
      newPassword: NEW,
      confirmPassword: NEW,
    });
    expect(result.ok).toBe(true);
    const line = log.lines().find((l) => l.action === 'user.changePassword');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'action',
      reqId: REQUEST_ID,
      actorId: actor.id,
      action: 'user.changePassword',
      outcome: 'ok',
    });
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(typeof line?.time).toBe('string');
    expect(log.raw.join('\n')).not.toContain(CURRENT);
    expect(log.raw.join('\n')).not.toContain(NEW);
  });

  it('records a refusal with its code', async () => {
    await callAs('jtj');
    const result = await account.changeOwnPassword({
      currentPassword: 'wrong-password-1',
      newPassword: NEW,
      confirmPassword: NEW,
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(log.lines().find((l) => l.action === 'user.changePassword')).toMatchObject({
      msg: 'action refused',
      outcome: 'VALIDATION',
      reqId: REQUEST_ID,
    });
    expect(log.raw.join('\n')).not.toContain('wrong-password-1');
  });
});

describe('redaction, the safety net', () => {
  it('blanks passwords, tokens and report texts that reach a log call by mistake', () => {
    logger.info(
      {
        input: { password: 'p@ss-1', progressText: '基坑开挖完成', nested: { token: 'ks_secret' } },
        authorization: 'Bearer ks_abc',
      },
      'oops',
    );
    const text = log.raw.join('\n');
    for (const secret of ['p@ss-1', '基坑开挖完成', 'ks_secret', 'ks_abc']) expect(text).not.toContain(secret);
    expect(log.lines().at(-1)).toMatchObject({ input: { password: '[redacted]' }, authorization: '[redacted]' });
  });
});
