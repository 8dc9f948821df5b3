/**
 * The delivery outbox against real receivers (issue 15, docs/reminders.md): an SMTP server and an HTTP receiver in
 * the 企业微信 and 钉钉 robot formats. Notifications go through the one funnel (notifyUsers); the worker sends them.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS } from '@/lib/domain/outbox';
import { actorOf } from '../helpers/actors';
import { captureLogLines } from '../helpers/log-lines';
import { startRobotReceiver, startSmtpReceiver } from '../helpers/reminder-receivers';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let robot: Awaited<ReturnType<typeof startRobotReceiver>>;
let notify: typeof import('@/lib/server/notifications/notify');
let outbox: typeof import('@/lib/server/reminders/outbox');
let departmentId: number;
let reporterId: number;

const RETURNED = {
  department: '区住房城乡建委',
  year: 2025,
  month: 11,
  count: 1,
  project: '解放碑步行街改造',
  comment: '请补充',
};

/** A report of 区住房城乡建委 returned: its users are told, through every channel they chose. */
const announce = () =>
  t.db.$transaction((tx) => notify.notifyDepartment(tx, departmentId, 'REPORT_RETURNED', RETURNED, '/projects/1'));

/** Makes every pending row due now, as if its back-off had passed. */
const makeDue = () => t.db.$executeRaw`UPDATE "OutboxMessage" SET "nextAttemptAt" = now() WHERE status = 'PENDING'`;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  [smtp, robot] = await Promise.all([startSmtpReceiver(), startRobotReceiver()]);
  process.env.KEYSTONE_SMTP_URL = smtp.url;
  process.env.KEYSTONE_SMTP_FROM = '重点项目调度 <noreply@keystone.test>';
  notify = await import('@/lib/server/notifications/notify');
  outbox = await import('@/lib/server/reminders/outbox');
  const reporter = await actorOf(t.db, 'zjw');
  departmentId = reporter.departmentId!;
  reporterId = reporter.id;
}, 120_000);

afterAll(async () => {
  delete process.env.KEYSTONE_SMTP_URL;
  delete process.env.KEYSTONE_SMTP_FROM;
  await Promise.all([smtp?.close(), robot?.close()]);
  await t?.drop();
});

beforeEach(async () => {
  await t.db.outboxMessage.deleteMany({});
  await t.db.notificationSetting.deleteMany({});
  await t.db.departmentWebhook.deleteMany({});
  smtp.mails.splice(0);
  robot.posts.splice(0);
  smtp.refuse(0);
  robot.answerWith([]);
  await t.db.notificationSetting.create({
    data: { userId: reporterId, email: 'zjw@keystone.test', emailEnabled: true },
  });
});

describe('e-mail', () => {
  it('delivers a notification once, with a Message-ID of its outbox row and the zh-CN text', async () => {
    await announce();
    const [row] = await t.db.outboxMessage.findMany();
    expect(row).toMatchObject({ channel: 'EMAIL', target: 'zjw@keystone.test', status: 'PENDING' });

    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.messageId).toBe(`<keystone-outbox-${row!.id}@keystone.test>`);
    expect(smtp.mails[0]!.raw).toContain('zjw@keystone.test');
    const sent = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row!.id } });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, leaseToken: null });
    expect(sent.sentAt).not.toBeNull();
    expect((sent.payload as { text: string }).text).toBe('区发展改革委退回了“解放碑步行街改造”2025年11月月报：请补充');
  });

  it('retries a delivery the server refused, then delivers it exactly once', async () => {
    smtp.refuse(1);
    await announce();
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await t.db.outboxMessage.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    // not due yet: the back-off holds it
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 0, failed: 0 });

    await makeDue();
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    await makeDue();
    await outbox.deliverDueMessages(t.db);
    expect(smtp.mails).toHaveLength(1);
    expect(await t.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('a worker that dies after claiming loses nothing: the lease expires and the row is sent once', async () => {
    await announce();
    const [claimed] = await outbox.claimDueMessages(t.db);
    expect(claimed).toBeDefined();
    // another worker meanwhile: the row is leased, so it takes nothing
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 0, failed: 0 });
    await t.db.$executeRaw`UPDATE "OutboxMessage" SET "leaseUntil" = now() - interval '1 second'`;

    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    // the dead worker's late mark is refused: the row is someone else's now
    expect(await outbox.markSent(t.db, claimed!)).toBe(false);
  });

  it('a crash between sending and marking sends again with the same Message-ID (at-least-once transport)', async () => {
    await announce();
    const [claimed] = await outbox.claimDueMessages(t.db);
    await outbox.sendClaimed(t.db, claimed!); // … and the process dies here
    await t.db.$executeRaw`UPDATE "OutboxMessage" SET "leaseUntil" = now() - interval '1 second'`;
    await outbox.deliverDueMessages(t.db);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.messageId).toBe(smtp.mails[0]!.messageId);
    expect(await t.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'SENT' });
  });

  it('queues no e-mail while SMTP is not configured, or for a user who switched it off', async () => {
    delete process.env.KEYSTONE_SMTP_URL;
    try {
      await announce();
    } finally {
      process.env.KEYSTONE_SMTP_URL = smtp.url;
    }
    await t.db.notificationSetting.update({ where: { userId: reporterId }, data: { emailEnabled: false } });
    await announce();
    expect(await t.db.outboxMessage.count()).toBe(0);
    expect(await t.db.notification.count({ where: { userId: reporterId, kind: 'REPORT_RETURNED' } })).toBeGreaterThan(
      0,
    );
  });
});

describe('group robots', () => {
  it('posts the 企业微信 text format to the department’s robot, once', async () => {
    await t.db.departmentWebhook.create({
      data: { departmentId, kind: 'WECOM', url: `${robot.base}/cgi-bin/webhook/send?key=SECRET-KEY` },
    });
    await announce();
    expect(await outbox.deliverDueMessages(t.db)).toMatchObject({ sent: 2 }); // the robot and the e-mail
    expect(robot.posts).toHaveLength(1);
    expect(robot.posts[0]!.path).toBe('/cgi-bin/webhook/send?key=SECRET-KEY');
    const body = robot.posts[0]!.body as { msgtype: string; text: { content: string } };
    expect(body.msgtype).toBe('text');
    expect(body.text.content).toContain('区发展改革委退回了“解放碑步行街改造”2025年11月月报');
    expect(body.text.content).toContain('/projects/1');
  });

  it('puts 钉钉’s security keyword in the text', async () => {
    await t.db.departmentWebhook.create({
      data: { departmentId, kind: 'DINGTALK', url: `${robot.base}/robot/send?access_token=SECRET`, keyword: '调度' },
    });
    await announce();
    await outbox.deliverDueMessages(t.db);
    const body = robot.posts[0]!.body as { msgtype: string; text: { content: string } };
    expect(body).toMatchObject({ msgtype: 'text' });
    expect(body.text.content.startsWith('【调度】')).toBe(true);
  });

  it('signs each post to a 钉钉 robot secured by 加签, as 钉钉 checks it', async () => {
    const secret = `SEC${'a1'.repeat(32)}`;
    await t.db.departmentWebhook.create({
      data: { departmentId, kind: 'DINGTALK', url: `${robot.base}/robot/send?access_token=SECRET`, signSecret: secret },
    });
    await announce();
    const before = Date.now();
    await outbox.deliverDueMessages(t.db);
    expect(robot.posts).toHaveLength(1);
    const url = new URL(robot.posts[0]!.path, robot.base);
    expect(url.searchParams.get('access_token')).toBe('SECRET');
    const timestamp = url.searchParams.get('timestamp')!;
    // 钉钉 refuses a timestamp more than an hour from its clock: this one is the moment of sending
    expect(Math.abs(Number(timestamp) - before)).toBeLessThan(60_000);
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
  });

  it('gives up after the last attempt: FAILED, with an error that does not quote the URL', async () => {
    await t.db.notificationSetting.deleteMany({});
    await t.db.departmentWebhook.create({
      data: { departmentId, kind: 'WECOM', url: `${robot.base}/send?key=SECRET-KEY` },
    });
    robot.answerWith(Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => ({ status: 200, body: '{"errcode":93000}' })));
    await announce();
    const logs = captureLogLines();
    try {
      for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
        await makeDue();
        await outbox.deliverDueMessages(t.db);
      }
    } finally {
      logs.restore();
    }
    // every failed attempt is logged, and no line names the robot's key
    expect(logs.lines().filter((l) => l.msg === 'delivery failed')).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(logs.raw.join('\n')).not.toContain('SECRET');
    const row = await t.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(row.lastError).toContain('93000');
    expect(row.lastError).not.toContain('SECRET');
    await makeDue();
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(robot.posts).toHaveLength(0);
  });

  it('follows no redirect: a 302 is a failed attempt', async () => {
    await t.db.notificationSetting.deleteMany({});
    await t.db.departmentWebhook.create({ data: { departmentId, kind: 'WECOM', url: `${robot.base}/send?key=K` } });
    robot.answerWith([{ status: 302, body: '' }]);
    await announce();
    expect(await outbox.deliverDueMessages(t.db)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await t.db.outboxMessage.findFirstOrThrow()).lastError).toBe('webhook HTTP 302');
  });
});

describe('several workers', () => {
  it('two workers running at once send each message once', async () => {
    await t.db.departmentWebhook.create({ data: { departmentId, kind: 'WECOM', url: `${robot.base}/send?key=K` } });
    await Promise.all([announce(), announce(), announce()]);
    expect(await t.db.outboxMessage.count()).toBe(6);
    const runs = await Promise.all([outbox.deliverDueMessages(t.db), outbox.deliverDueMessages(t.db)]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(6);
    expect(smtp.mails).toHaveLength(3);
    expect(robot.posts).toHaveLength(3);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(3);
  });
});

describe('the funnel', () => {
  it('a rolled-back change notifies nobody and queues nothing', async () => {
    await t.db.departmentWebhook.create({ data: { departmentId, kind: 'WECOM', url: `${robot.base}/send?key=K` } });
    const before = await t.db.notification.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await notify.notifyDepartment(tx, departmentId, 'REPORT_RETURNED', RETURNED, '/projects/1');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.notification.count()).toBe(before);
    expect(await t.db.outboxMessage.count()).toBe(0);
  });

  it('a problem’s notification reaches e-mail with its own message, through the same funnel', async () => {
    await t.db.$transaction((tx) =>
      notify.notifyProblemUsers(
        tx,
        [reporterId],
        'PROBLEM_ASSIGNED',
        {
          department: '区发展改革委',
          year: 2025,
          month: 12,
          count: 1,
          number: '渝中协〔2025〕27号',
          project: '管线迁改',
        },
        '/problems/2025-27',
      ),
    );
    await outbox.deliverDueMessages(t.db);
    expect(smtp.mails).toHaveLength(1);
    const row = await t.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ kind: 'PROBLEM_ASSIGNED', status: 'SENT' });
    expect((row.payload as { text: string }).text).toContain('区发展改革委交办了协调问题渝中协〔2025〕27号“管线迁改”');
  });

  it('a dedupe key fires once: the second call notifies nobody and queues nothing', async () => {
    const once = { dedupeKey: `test:${Math.random()}` };
    const first = await t.db.$transaction((tx) =>
      notify.notifyUsers(tx, [reporterId], 'REPORT_OVERDUE', RETURNED, '/reports', once),
    );
    const second = await t.db.$transaction((tx) =>
      notify.notifyUsers(tx, [reporterId], 'REPORT_OVERDUE', RETURNED, '/reports', once),
    );
    expect(first).toEqual({ notified: 1, queued: 1 });
    expect(second).toEqual({ notified: 0, queued: 0 });
  });
});
