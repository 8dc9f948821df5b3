/**
 * In-app notifications: written by the report workflow's notifier, listed to their owner only, marked read one at a
 * time or all at once through the real server actions (signed in through the mocked request context).
 */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationMessage, type NotificationTranslator } from '@/components/notifications/notification-message';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { actAs, actorOf, signIn } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

type Username = 'bureau' | 'admin' | 'leader' | 'jtj' | 'zjw';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/notifications');
let reads: typeof import('@/lib/server/notifications/list-notifications');
let notify: typeof import('@/lib/server/notifications/notify');

/** Every notification and the audit log's length: what a refused call must leave as it was. */
const fingerprint = () => digestOf(t.db, ['Notification', 'AuditLog']);

/** A submission of 12 reports by 区交通局 (to the bureau) and a return of one of them with a comment (to 区交通局). */
async function sendTheUsualPair() {
  const jtj = await actorOf(t.db, 'jtj');
  await t.db.$transaction(async (tx) => {
    await notify.notifyBureau(
      tx,
      'REPORTS_SUBMITTED',
      { department: '区交通局', year: 2025, month: 11, count: 12 },
      `/reports/review?year=2025&month=11&department=${jtj.departmentId}`,
    );
  });
  await t.db.$transaction(async (tx) => {
    await notify.notifyDepartment(
      tx,
      jtj.departmentId!,
      'REPORT_RETURNED',
      {
        department: '区交通局',
        year: 2025,
        month: 11,
        count: 1,
        project: '轨道交通27号线',
        comment: '请补充形象进度说明',
      },
      '/projects/1?year=2025',
    );
  });
}

async function unreadOf(username: Username) {
  return t.db.notification.count({ where: { userId: (await actorOf(t.db, username)).id, readAt: null } });
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/notifications');
  reads = await import('@/lib/server/notifications/list-notifications');
  notify = await import('@/lib/server/notifications/notify');
});

afterAll(async () => t?.drop());

beforeEach(async () => {
  actAs(null);
  await t.db.notification.deleteMany({});
});

describe('listNotifications', () => {
  it('lists a user’s own notifications, newest first, with the unread count', async () => {
    await sendTheUsualPair();
    await t.db.$transaction((tx) =>
      notify.notifyBureau(
        tx,
        'REPORTS_SUBMITTED',
        { department: '区教委', year: 2025, month: 11, count: 3 },
        '/reports/review?year=2025&month=11',
      ),
    );

    const bureau = await reads.listNotifications(t.db, await actorOf(t.db, 'bureau'));
    expect(bureau).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(bureau.items.map((n) => n.params.department)).toEqual(['区教委', '区交通局']);
    expect(bureau.items[1]).toMatchObject({
      kind: 'REPORTS_SUBMITTED',
      params: { department: '区交通局', year: 2025, month: 11, count: 12 },
      link: `/reports/review?year=2025&month=11&department=${(await actorOf(t.db, 'jtj')).departmentId}`,
      readAt: null,
    });
    expect(await reads.getUnreadNotificationCount(t.db, await actorOf(t.db, 'bureau'))).toBe(2);

    // 区交通局 gets only its return; the other department, the leader and the admin get nothing
    const jtj = await reads.listNotifications(t.db, await actorOf(t.db, 'jtj'));
    expect(jtj.items.map((n) => n.kind)).toEqual(['REPORT_RETURNED']);
    for (const other of ['zjw', 'leader', 'admin'] as const) {
      expect(await reads.listNotifications(t.db, await actorOf(t.db, other))).toMatchObject({
        total: 0,
        unread: 0,
        items: [],
      });
      expect(await reads.getUnreadNotificationCount(t.db, await actorOf(t.db, other))).toBe(0);
    }
  });

  it('pages, and never sends a reader off the site whatever link is stored', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    await t.db.notification.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        userId: bureau.id,
        kind: 'REPORTS_SUBMITTED' as const,
        params: { department: `单位${i}`, year: 2025, month: 11, count: 2 },
        link: i === 0 ? 'https://evil.example/phish' : i === 1 ? '//evil.example' : '/reports/review',
        createdAt: new Date(Date.UTC(2025, 11, 1 + i)),
      })),
    });
    const first = await reads.listNotifications(t.db, bureau, { page: 1, pageSize: 3 });
    expect(first.items.map((n) => n.params.department)).toEqual(['单位4', '单位3', '单位2']);
    const second = await reads.listNotifications(t.db, bureau, { page: 2, pageSize: 3 });
    expect(second.items.map((n) => [n.params.department, n.link])).toEqual([
      ['单位1', '/notifications'],
      ['单位0', '/notifications'],
    ]);
    expect(second.total).toBe(5);
  });
});

describe('the notification text', () => {
  const translator = (locale: 'zh-CN' | 'en') =>
    createTranslator({
      locale,
      messages: locale === 'en' ? en : zhCN,
      namespace: 'notifications.text',
    }) as unknown as NotificationTranslator;
  const text = (
    locale: 'zh-CN' | 'en',
    kind: 'REPORTS_SUBMITTED' | 'REPORT_RETURNED' | 'REPORT_REOPENED',
    params: object,
  ) =>
    notificationMessage(translator(locale), locale, {
      kind,
      params: { department: '区交通局', year: 2025, month: 11, count: 1, ...params },
    });

  it('reads in Chinese', () => {
    expect(text('zh-CN', 'REPORTS_SUBMITTED', { count: 12 })).toBe('区交通局报送了2025年11月的12份月报，待审核');
    expect(text('zh-CN', 'REPORT_RETURNED', { project: '轨道交通27号线', comment: '请补充形象进度说明' })).toBe(
      '区发展改革委退回了“轨道交通27号线”2025年11月月报：请补充形象进度说明',
    );
    expect(text('zh-CN', 'REPORT_REOPENED', { project: '轨道交通27号线', comment: '金额录入有误' })).toBe(
      '区发展改革委重新打开了“轨道交通27号线”2025年11月月报，原因：金额录入有误',
    );
    expect(text('zh-CN', 'REPORT_RETURNED', { count: 3, comment: '请核实' })).toBe(
      '区发展改革委退回了2025年11月的3份月报：请核实',
    );
  });

  it('reads in English', () => {
    expect(text('en', 'REPORTS_SUBMITTED', { count: 12 })).toBe(
      '区交通局 submitted 12 reports for November 2025, awaiting review',
    );
    expect(text('en', 'REPORT_RETURNED', { project: 'Line 27', comment: 'add the progress' })).toBe(
      'The Development and Reform Commission returned the November 2025 report for “Line 27”: add the progress',
    );
    expect(text('en', 'REPORT_REOPENED', { count: 2, comment: 'wrong amount' })).toBe(
      'The Development and Reform Commission reopened 2 reports for November 2025 for correction. Reason: wrong amount',
    );
    expect(text('en', 'REPORT_RETURNED', { project: 'Line 27' })).toBe(
      'The Development and Reform Commission returned the November 2025 report for “Line 27”',
    );
  });
});

describe('markNotificationRead', () => {
  it('marks one of one’s own notifications read, once, with an audit row', async () => {
    await sendTheUsualPair();
    const [mine] = await t.db.notification.findMany({ where: { userId: (await actorOf(t.db, 'jtj')).id } });
    const audits = await t.db.auditLog.count();
    await signIn(t.db, 'jtj');

    const result = await actions.markNotificationRead({ id: mine!.id });
    expect(result).toMatchObject({ ok: true, data: { id: mine!.id } });
    const after = await t.db.notification.findUniqueOrThrow({ where: { id: mine!.id } });
    expect(after.readAt).toBeInstanceOf(Date);
    expect(await unreadOf('jtj')).toBe(0);
    expect(await t.db.auditLog.count()).toBe(audits + 1);
    expect(await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({
      action: 'notification.markRead',
      entity: 'Notification',
      entityId: String(mine!.id),
      actor: 'jtj',
    });

    // a second time changes nothing: the first reading time stays, and nothing more is audited
    expect(await actions.markNotificationRead({ id: String(mine!.id) })).toMatchObject({ ok: true });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine!.id } })).readAt).toEqual(after.readAt);
    expect(await t.db.auditLog.count()).toBe(audits + 1);
  });

  it('answers another user’s notification exactly like one that does not exist, and changes nothing', async () => {
    await sendTheUsualPair();
    const [bureaus] = await t.db.notification.findMany({ where: { userId: (await actorOf(t.db, 'bureau')).id } });
    const before = await fingerprint();

    for (const username of ['jtj', 'zjw', 'leader', 'admin'] as const) {
      await signIn(t.db, username);
      const result = await actions.markNotificationRead({ id: bureaus!.id });
      expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await actions.markNotificationRead({ id: 99_999_999 })).toEqual(result);
    }
    expect(await fingerprint()).toEqual(before);
    expect(await unreadOf('bureau')).toBe(1);
  });

  it('refuses an id that is not one', async () => {
    await signIn(t.db, 'jtj');
    for (const id of ['abc', -1, 0, 1.5, null]) {
      expect(await actions.markNotificationRead({ id })).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });

  it('refuses a visitor who is not signed in', async () => {
    await sendTheUsualPair();
    const [mine] = await t.db.notification.findMany({ where: { userId: (await actorOf(t.db, 'jtj')).id } });
    actAs(null);
    expect(await actions.markNotificationRead({ id: mine!.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await unreadOf('jtj')).toBe(1);
  });
});

describe('markAllNotificationsRead', () => {
  it('marks all of one’s own unread notifications read and leaves everyone else’s alone', async () => {
    await sendTheUsualPair();
    await sendTheUsualPair();
    const bureau = await actorOf(t.db, 'bureau');
    // one already read: its reading time must not move
    const [old] = await t.db.notification.findMany({ where: { userId: bureau.id }, orderBy: { id: 'asc' } });
    const readEarlier = new Date('2025-12-01T02:00:00Z');
    await t.db.notification.update({ where: { id: old!.id }, data: { readAt: readEarlier } });
    const jtjBefore = await t.db.notification.findMany({
      where: { userId: (await actorOf(t.db, 'jtj')).id },
      orderBy: { id: 'asc' },
    });
    const audits = await t.db.auditLog.count();

    await signIn(t.db, 'bureau');
    expect(await actions.markAllNotificationsRead({})).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await unreadOf('bureau')).toBe(0);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: old!.id } })).readAt).toEqual(readEarlier);
    expect(
      await t.db.notification.findMany({ where: { userId: (await actorOf(t.db, 'jtj')).id }, orderBy: { id: 'asc' } }),
    ).toEqual(jtjBefore);
    expect(await t.db.auditLog.count()).toBe(audits + 1);
    expect(await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({
      action: 'notification.markAllRead',
      actor: 'bureau',
    });

    // nothing left to mark: nothing written
    expect(await actions.markAllNotificationsRead({})).toMatchObject({ ok: true, data: { count: 0 } });
    expect(await t.db.auditLog.count()).toBe(audits + 1);
    expect(await reads.getUnreadNotificationCount(t.db, bureau)).toBe(0);
  });
});
