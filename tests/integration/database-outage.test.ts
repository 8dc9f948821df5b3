import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { actAs } from '../helpers/actors';
import { captureLogLines } from '../helpers/log-lines';

// The database is down: nothing listens on this port.
const DEAD_DATABASE = 'postgresql://keystone:s3cret-db-pass@127.0.0.1:1/keystone';
const leader: SessionActor = {
  id: 1,
  username: 'leader',
  displayName: '区领导',
  role: 'LEADER',
  departmentId: null,
  departmentName: null,
  mustChangePassword: false,
};

let previousUrl: string | undefined;
let actions: typeof import('@/lib/actions/notifications');
const log = captureLogLines();

beforeAll(async () => {
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = DEAD_DATABASE; // read by lib/db when first used
  actions = await import('@/lib/actions/notifications');
});
afterAll(async () => {
  await (await import('@/lib/db')).prisma.$disconnect();
  process.env.DATABASE_URL = previousUrl;
  log.restore();
});

describe('an action while the database is down', () => {
  it.each([
    ['zh-CN', /^服务暂时不可用：.*未做任何修改.*错误编号：([0-9a-f]{8})/],
    ['en', /^Service temporarily unavailable: .*nothing was changed.*reference ([0-9a-f]{8})/],
  ] as const)('says the service is temporarily unavailable, in %s, with the logged reference', async (locale, text) => {
    actAs(leader, { locale });
    const result = await actions.markAllNotificationsRead({});
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    const ref = text.exec(result.ok ? '' : result.message)?.[1];
    expect(ref).toBeDefined();
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|s3cret|ECONNREFUSED/);
    // the log line carries the same reference, and the cause for the operator
    expect(log.lines().at(-1)).toMatchObject({
      level: 'error',
      ref,
      databaseUnavailable: true,
      action: 'notification.markAllRead',
    });
  });
});
