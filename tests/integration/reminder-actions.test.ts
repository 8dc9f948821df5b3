/**
 * The reminder actions through the real wrapper (signed in through the mocked request context): one's own channels,
 * a department's group robot (a secret: masked in the audit trail) and the bureau's 催报 from the deadline board.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actAs, actorOf, signIn } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/reminders');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/reminders');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t?.drop();
});

beforeEach(() => actAs(null));

describe('one’s own channels', () => {
  it('switches e-mail on with an address, audited', async () => {
    const zjw = await signIn(t.db, 'zjw');
    const result = await actions.updateNotificationChannels({ emailEnabled: true, email: ' zjw@example.gov.cn ' });
    expect(result).toEqual({ ok: true, data: { emailEnabled: true } });
    expect(await t.db.notificationSetting.findUnique({ where: { userId: zjw.id } })).toMatchObject({
      email: 'zjw@example.gov.cn',
      emailEnabled: true,
    });
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'notification.updateChannels', entityId: String(zjw.id) },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({ email: 'zjw@example.gov.cn', emailEnabled: true });
  });

  it('refuses e-mail on without an address, or a malformed address, and writes nothing', async () => {
    const jtj = await signIn(t.db, 'jtj');
    const missing = await actions.updateNotificationChannels({ emailEnabled: true, email: '' });
    expect(missing).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { email: ['开启邮件提醒需填写电子邮箱地址。'] },
    });
    const malformed = await actions.updateNotificationChannels({ emailEnabled: false, email: 'not an address' });
    expect(malformed).toMatchObject({
      ok: false,
      fieldErrors: { email: ['请输入有效的电子邮箱地址（不超过254个字符）。'] },
    });
    expect(await t.db.notificationSetting.findUnique({ where: { userId: jtj.id } })).toBeNull();
  });
});

describe('a department’s group robot', () => {
  const URL_WITH_KEY = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

  it('is saved for the department and audited with the URL masked', async () => {
    await signIn(t.db, 'admin');
    const department = await t.db.department.findFirstOrThrow({ where: { name: '区交通局' } });
    const result = await actions.setDepartmentWebhook({
      departmentId: department.id,
      kind: 'WECOM',
      url: URL_WITH_KEY,
      keyword: '',
    });
    expect(result).toEqual({ ok: true, data: { name: '区交通局' } });
    expect(await t.db.departmentWebhook.findUnique({ where: { departmentId: department.id } })).toMatchObject({
      kind: 'WECOM',
      url: URL_WITH_KEY,
      keyword: null,
    });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'department.setWebhook' } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('693a91f6');
    expect(audit.after).toMatchObject({ kind: 'WECOM', url: 'https://qyapi.weixin.qq.com/…5aaa' });

    const removed = await actions.removeDepartmentWebhook({ departmentId: department.id });
    expect(removed).toEqual({ ok: true, data: { name: '区交通局' } });
    expect(await t.db.departmentWebhook.count({ where: { departmentId: department.id } })).toBe(0);
  });

  it('keeps a 钉钉 加签 secret: stored for sending, never in the audit trail or the listing', async () => {
    const admin = await signIn(t.db, 'admin');
    const department = await t.db.department.findFirstOrThrow({ where: { name: '区交通局' } });
    const secret = `SEC${'9f'.repeat(32)}`;
    const result = await actions.setDepartmentWebhook({
      departmentId: department.id,
      kind: 'DINGTALK',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      keyword: '',
      signSecret: ` ${secret} `,
    });
    expect(result).toEqual({ ok: true, data: { name: '区交通局' } });
    expect(await t.db.departmentWebhook.findUnique({ where: { departmentId: department.id } })).toMatchObject({
      kind: 'DINGTALK',
      signSecret: secret,
    });
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'department.setWebhook' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.stringify(audit.after)).not.toContain('9f9f');
    expect(audit.after).toMatchObject({ kind: 'DINGTALK', signed: true });
    const { listDepartmentWebhooks } = await import('@/lib/server/reminders/webhooks');
    const row = (await listDepartmentWebhooks(t.db, admin)).find((r) => r.departmentId === department.id);
    expect(row).toMatchObject({ kind: 'DINGTALK', signed: true });
    expect(JSON.stringify(row)).not.toContain('9f9f');
    await t.db.departmentWebhook.deleteMany({});
  });

  it('refuses a malformed 加签 secret, and one on a 企业微信 robot', async () => {
    await signIn(t.db, 'admin');
    const department = await t.db.department.findFirstOrThrow({ where: { name: '区交通局' } });
    const base = {
      departmentId: department.id,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=a',
      keyword: '',
    };
    expect(await actions.setDepartmentWebhook({ ...base, kind: 'DINGTALK', signSecret: 'SECxyz' })).toMatchObject({
      ok: false,
      fieldErrors: { signSecret: ['加签密钥应为 SEC 开头、后接64位十六进制字符，可在钉钉机器人的安全设置中复制。'] },
    });
    expect(
      await actions.setDepartmentWebhook({ ...base, kind: 'WECOM', signSecret: `SEC${'0'.repeat(64)}` }),
    ).toMatchObject({ ok: false, fieldErrors: { signSecret: ['只有钉钉机器人可以设置加签密钥。'] } });
    expect(await t.db.departmentWebhook.count()).toBe(0);
  });

  it('refuses a URL that is not http(s) or too long', async () => {
    await signIn(t.db, 'admin');
    const department = await t.db.department.findFirstOrThrow({ where: { name: '区交通局' } });
    for (const url of ['ftp://example.com/hook', 'javascript:alert(1)', `https://example.com/${'a'.repeat(1000)}`]) {
      const result = await actions.setDepartmentWebhook({
        departmentId: department.id,
        kind: 'DINGTALK',
        url,
        keyword: '',
      });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await t.db.departmentWebhook.count()).toBe(0);
  });
});

describe('催报 from the deadline board', () => {
  it('reminds every late department’s users, says how many, and is audited', async () => {
    setClock('2025-12-10');
    try {
      const bureau = await signIn(t.db, 'bureau');
      const { getReportBoard } = await import('@/lib/server/reports/get-report-board');
      const board = (await getReportBoard(t.db, bureau, { year: 2025, month: 11, today: '2025-12-10' }))!;
      const late = board.rows.filter((r) => r.late).map((r) => r.departmentId);
      expect(late.length).toBeGreaterThan(0);
      const users = await t.db.user.count({ where: { departmentId: { in: late }, role: 'DEPARTMENT', active: true } });
      const before = await t.db.notification.count({ where: { kind: 'REPORT_OVERDUE' } });

      const result = await actions.sendReportReminders({ year: 2025, month: 11 });
      expect(result).toMatchObject({ ok: true, data: { departments: late.length, users } });
      expect(await t.db.notification.count({ where: { kind: 'REPORT_OVERDUE' } })).toBe(before + users);
      expect(await t.db.auditLog.count({ where: { action: 'report.sendReminders' } })).toBe(1);

      // one department: only its users
      const one = late[0]!;
      const oneUsers = await t.db.user.count({ where: { departmentId: one, role: 'DEPARTMENT', active: true } });
      expect(await actions.sendReportReminders({ year: 2025, month: 11, departmentId: one })).toMatchObject({
        ok: true,
        data: { departments: 1, users: oneUsers, departmentIds: [one] },
      });
    } finally {
      resetClock();
    }
  });

  it('says so when no department is late, and writes nothing', async () => {
    setClock('2025-12-03');
    try {
      await signIn(t.db, 'bureau');
      const before = await t.db.notification.count();
      const result = await actions.sendReportReminders({ year: 2025, month: 11 });
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: '没有逾期未报送的单位。' });
      expect(await t.db.notification.count()).toBe(before);
    } finally {
      resetClock();
    }
  });

  it('is refused to a department user', async () => {
    await signIn(t.db, 'zjw');
    expect(await actions.sendReportReminders({ year: 2025, month: 11 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await actorOf(t.db, 'zjw')).role).toBe('DEPARTMENT');
  });
});
