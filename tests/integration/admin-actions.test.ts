/**
 * The administration actions (users, departments, plan years), called as the public POST endpoints they are:
 * each story signs in as a seeded user through the mocked request context and calls the real exported action
 * against a throwaway copy of the seeded database.
 */
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { getRequestContext } from '@/lib/auth/request-context';
import { ConflictError } from '@/lib/server/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/request-context', () => ({ getRequestContext: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

type Actions = typeof import('@/lib/actions/admin');
type Username = 'admin' | 'bureau' | 'leader' | 'zjw';

interface TestActor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
}

let t: TestDatabase;
let actions: Actions;
const actors = new Map<Username, TestActor>();
const STRONG_PASSWORD = 'Yuzhong#2026';

function actor(username: Username): TestActor {
  const found = actors.get(username);
  if (!found) throw new Error(`no seeded user ${username}`);
  return found;
}

/** Every following action call comes from this user. */
function signIn(username: Username, locale: 'zh-CN' | 'en' = 'zh-CN') {
  vi.mocked(getRequestContext).mockResolvedValue({ actor: actor(username), ip: '127.0.0.1', locale });
}

async function departmentId(name: string): Promise<number> {
  return (await t.db.department.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

async function planYearId(year: number): Promise<number> {
  return (await t.db.planYear.findUniqueOrThrow({ where: { year }, select: { id: true } })).id;
}

async function lastAuditId(): Promise<bigint> {
  return (await t.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

/** Runs the call and returns its result with the audit rows it wrote. */
async function withAudit<R>(call: () => Promise<R>) {
  const since = await lastAuditId();
  const result = await call();
  const audit = await t.db.auditLog.findMany({
    where: { id: { gt: since } },
    select: { actor: true, action: true, entity: true, entityId: true, before: true, after: true },
    orderBy: { id: 'asc' },
  });
  return { result, audit };
}

/** Everything the admin actions could change, to prove a refused call changed nothing. */
async function snapshot() {
  const [users, departments, planYears, auditRows] = await Promise.all([
    t.db.user.findMany({ select: { id: true, username: true, displayName: true, role: true, departmentId: true, active: true, mustChangePassword: true, passwordHash: true }, orderBy: { id: 'asc' } }),
    t.db.department.findMany({ orderBy: { id: 'asc' } }),
    t.db.planYear.findMany({ orderBy: { id: 'asc' } }),
    t.db.auditLog.count(),
  ]);
  return JSON.stringify({ users, departments, planYears, auditRows });
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  process.env.DATABASE_URL = t.url;
  actions = await import('@/lib/actions/admin');

  const users = await t.db.user.findMany({
    where: { username: { in: ['admin', 'bureau', 'leader', 'zjw'] } },
    select: { id: true, username: true, displayName: true, role: true, departmentId: true, department: { select: { name: true } } },
  });
  for (const u of users) {
    actors.set(u.username as Username, {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentId: u.departmentId,
      departmentName: u.department?.name ?? null,
    });
  }
});

afterAll(async () => {
  const { prisma } = await import('@/lib/db');
  await prisma.$disconnect();
  await t?.drop();
});

beforeEach(() => {
  vi.mocked(getRequestContext).mockReset();
});

describe('users', () => {
  it('an admin creates a department user who must change the password at first sign-in', async () => {
    signIn('admin');
    const zjwDepartment = await departmentId('区住房城乡建委');
    const { result, audit } = await withAudit(() =>
      actions.createUser({
        username: 'zjw.li',
        displayName: '李填报（区住房城乡建委）',
        role: 'DEPARTMENT',
        departmentId: zjwDepartment,
        password: STRONG_PASSWORD,
      }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), username: 'zjw.li' } });

    const user = await t.db.user.findUniqueOrThrow({
      where: { username: 'zjw.li' },
      select: { id: true, role: true, departmentId: true, mustChangePassword: true, active: true, passwordHash: true },
    });
    expect(user).toMatchObject({ role: 'DEPARTMENT', departmentId: zjwDepartment, mustChangePassword: true, active: true });
    expect(await verify(user.passwordHash, STRONG_PASSWORD)).toBe(true);

    expect(audit).toEqual([
      {
        actor: 'admin',
        action: 'user.create',
        entity: 'User',
        entityId: String(user.id),
        before: null,
        after: {
          id: user.id,
          username: 'zjw.li',
          displayName: '李填报（区住房城乡建委）',
          role: 'DEPARTMENT',
          departmentId: zjwDepartment,
          active: true,
          mustChangePassword: true,
        },
      },
    ]);
  });

  it('refuses a username that is taken, with a field error, and writes nothing', async () => {
    signIn('admin');
    const before = await snapshot();
    const result = await actions.createUser({
      username: 'zjw',
      displayName: '重名',
      role: 'LEADER',
      departmentId: null,
      password: STRONG_PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { username: ['该用户名已被使用，请换一个'] } });
    expect(await snapshot()).toBe(before);
  });

  it('refuses invalid input (no department for a department user, weak password) and writes nothing', async () => {
    signIn('admin');
    const before = await snapshot();
    const result = await actions.createUser({
      username: 'Bad Name',
      displayName: '',
      role: 'DEPARTMENT',
      departmentId: null,
      password: 'weak',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('VALIDATION');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['departmentId', 'displayName', 'password', 'username']);
    expect(result.fieldErrors?.username).toContain('用户名只能包含小写字母、数字和 . _ -');

    const missingDepartment = await actions.createUser({
      username: 'dept.new',
      displayName: '新填报员',
      role: 'DEPARTMENT',
      departmentId: null,
      password: STRONG_PASSWORD,
    });
    expect(missingDepartment).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { departmentId: ['责任单位用户必须选择所属单位'] },
    });
    expect(await snapshot()).toBe(before);
  });

  it('audits a role change as user.changeRole with the role and department before and after', async () => {
    signIn('admin');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const { result, audit } = await withAudit(() =>
      actions.updateUser({ id: user.id, displayName: user.displayName, role: 'LEADER', departmentId: null }),
    );
    expect(result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li', changed: true } });
    expect(audit).toEqual([
      {
        actor: 'admin',
        action: 'user.changeRole',
        entity: 'User',
        entityId: String(user.id),
        before: { role: 'DEPARTMENT', departmentId: user.departmentId },
        after: { role: 'LEADER', departmentId: null },
      },
    ]);
  });

  it('audits a rename alone as user.update, and an unchanged save writes no row', async () => {
    signIn('admin');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const renamed = await withAudit(() =>
      actions.updateUser({ id: user.id, displayName: '李区领导', role: user.role, departmentId: user.departmentId }),
    );
    expect(renamed.result.ok).toBe(true);
    expect(renamed.audit).toEqual([
      expect.objectContaining({ action: 'user.update', before: { displayName: user.displayName }, after: { displayName: '李区领导' } }),
    ]);

    const same = await withAudit(() =>
      actions.updateUser({ id: user.id, displayName: '李区领导', role: user.role, departmentId: user.departmentId }),
    );
    expect(same.result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li', changed: false } });
    expect(same.audit).toEqual([]);
  });

  it('an admin cannot remove their own ADMIN role: a clear message, nothing changes', async () => {
    signIn('admin');
    const admin = actor('admin');
    const before = await snapshot();
    const result = await actions.updateUser({
      id: admin.id,
      displayName: admin.displayName,
      role: 'BUREAU',
      departmentId: admin.departmentId,
    });
    expect(result).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '不能取消您自己的系统管理员角色，请由另一位管理员操作',
    });
    expect(await snapshot()).toBe(before);
  });

  it('resets a password: a new policy-compliant hash, must change it, audited without any hash', async () => {
    signIn('admin');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' }, select: { id: true, passwordHash: true } });
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });

    const { result, audit } = await withAudit(() => actions.resetUserPassword({ id: user.id, password: 'Jiefangbei!88' }));
    expect(result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li' } });
    const after = await t.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, mustChangePassword: true },
    });
    expect(after.mustChangePassword).toBe(true);
    expect(after.passwordHash).not.toBe(user.passwordHash);
    expect(await verify(after.passwordHash, 'Jiefangbei!88')).toBe(true);

    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.resetPassword', entity: 'User', entityId: String(user.id) });
    expect(audit[0]?.before).toMatchObject({ password: '[secret]', mustChangePassword: false });
    expect(audit[0]?.after).toMatchObject({ password: '[changed]', mustChangePassword: true });
  });

  it('refuses a reset password that fails the policy or contains the username', async () => {
    signIn('admin');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const before = await snapshot();
    expect(await actions.resetUserPassword({ id: user.id, password: 'short' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { password: expect.arrayContaining(['密码至少需要10个字符']) },
    });
    expect(await actions.resetUserPassword({ id: user.id, password: 'Xx-zjw.li-2026' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { password: ['密码不能包含用户名'] },
    });
    expect(await snapshot()).toBe(before);
  });

  it('deactivates and reactivates a user, one audit row each', async () => {
    signIn('admin');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const off = await withAudit(() => actions.setUserActive({ id: user.id, active: false }));
    expect(off.result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li', changed: true } });
    expect(off.audit).toEqual([
      expect.objectContaining({ action: 'user.setActive', before: { active: true }, after: { active: false } }),
    ]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);

    const on = await withAudit(() => actions.setUserActive({ id: user.id, active: true }));
    expect(on.audit).toEqual([
      expect.objectContaining({ action: 'user.setActive', before: { active: false }, after: { active: true } }),
    ]);
  });

  it('an admin cannot deactivate themself, and is told so in their language', async () => {
    const before = await snapshot();
    signIn('admin');
    expect(await actions.setUserActive({ id: actor('admin').id, active: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '不能停用您自己的账号',
    });
    signIn('admin', 'en');
    expect(await actions.setUserActive({ id: actor('admin').id, active: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'You cannot deactivate your own account.',
    });
    expect(await snapshot()).toBe(before);
  });

  it('answers an unknown user id with not-found and changes nothing', async () => {
    signIn('admin');
    const before = await snapshot();
    expect(await actions.setUserActive({ id: 999_999, active: false })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await snapshot()).toBe(before);
  });
});

describe('departments', () => {
  it('creates a department at the end of the list, audited', async () => {
    signIn('admin');
    const { result, audit } = await withAudit(() =>
      actions.createDepartment({ name: '区大数据发展局', shortName: '大数据局', kind: 'DEPARTMENT' }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), name: '区大数据发展局' } });
    const maxOrder = (await t.db.department.aggregate({ _max: { sortOrder: true } }))._max.sortOrder;
    const created = await t.db.department.findUniqueOrThrow({ where: { name: '区大数据发展局' } });
    expect(created.sortOrder).toBe(maxOrder);
    expect(audit).toEqual([
      {
        actor: 'admin',
        action: 'department.create',
        entity: 'Department',
        entityId: String(created.id),
        before: null,
        after: { id: created.id, name: '区大数据发展局', shortName: '大数据局', kind: 'DEPARTMENT', active: true, sortOrder: created.sortOrder },
      },
    ]);
  });

  it('refuses a name another department has, and writes nothing', async () => {
    signIn('admin');
    const before = await snapshot();
    expect(await actions.createDepartment({ name: '区住房城乡建委', shortName: '建委', kind: 'DEPARTMENT' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { name: ['已有同名单位'] },
    });
    const other = await departmentId('区大数据发展局');
    expect(
      await actions.updateDepartment({ id: other, name: '区住房城乡建委', shortName: '大数据局', kind: 'DEPARTMENT' }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['已有同名单位'] } });
    expect(await snapshot()).toBe(before);
  });

  it('renames a department, the audit row holding only what changed', async () => {
    signIn('admin');
    const id = await departmentId('区大数据发展局');
    const { result, audit } = await withAudit(() =>
      actions.updateDepartment({ id, name: '区大数据应用发展管理局', shortName: '大数据局', kind: 'DEPARTMENT' }),
    );
    expect(result).toEqual({ ok: true, data: { id, name: '区大数据应用发展管理局', changed: true } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'department.update',
        entityId: String(id),
        before: { name: '区大数据发展局' },
        after: { name: '区大数据应用发展管理局' },
      }),
    ]);
  });

  it('refuses to delete a department that owns projects, naming how many, and changes nothing', async () => {
    signIn('admin');
    const id = await departmentId('区住房城乡建委');
    const projects = await t.db.project.count({ where: { departmentId: id } });
    expect(projects).toBeGreaterThan(0);
    const before = await snapshot();
    expect(await actions.deleteDepartment({ id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: `该单位仍负责${projects}个项目，不能删除，可停用`,
    });
    expect(await snapshot()).toBe(before);
  });

  it('refuses to delete a department that still has users', async () => {
    signIn('admin');
    const id = await departmentId('区大数据应用发展管理局');
    const created = await actions.createUser({
      username: 'dsj01',
      displayName: '大数据局填报员',
      role: 'DEPARTMENT',
      departmentId: id,
      password: STRONG_PASSWORD,
    });
    expect(created.ok).toBe(true);
    const before = await snapshot();
    expect(await actions.deleteDepartment({ id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '该单位仍有1个用户，不能删除，可停用',
    });
    expect(await snapshot()).toBe(before);
  });

  it('deactivates a department, after which it gets no new users', async () => {
    signIn('admin');
    const id = await departmentId('区大数据应用发展管理局');
    const { result, audit } = await withAudit(() => actions.setDepartmentActive({ id, active: false }));
    expect(result.ok).toBe(true);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'department.setActive', before: { active: true }, after: { active: false } }),
    ]);
    expect(
      await actions.createUser({ username: 'dsj02', displayName: '又一位', role: 'DEPARTMENT', departmentId: id, password: STRONG_PASSWORD }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { departmentId: ['所选单位已停用，不能分配新用户'] } });
  });

  it('deletes a department that owns nothing, the audit row keeping what it was', async () => {
    signIn('admin');
    const created = await actions.createDepartment({ name: '临时单位', shortName: '临时', kind: 'SUBDISTRICT' });
    if (!created.ok) throw new Error(created.message);
    const { result, audit } = await withAudit(() => actions.deleteDepartment({ id: created.data.id }));
    expect(result).toEqual({ ok: true, data: { id: created.data.id, name: '临时单位' } });
    expect(await t.db.department.findUnique({ where: { id: created.data.id } })).toBeNull();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'department.delete',
        entity: 'Department',
        entityId: String(created.data.id),
        before: expect.objectContaining({ name: '临时单位', shortName: '临时', kind: 'SUBDISTRICT' }),
        after: null,
      }),
    ]);
  });
});

describe('plan years', () => {
  it('creates a draft year from a full-width amount with separators, stored exactly', async () => {
    signIn('admin');
    const { result, audit } = await withAudit(() =>
      actions.createPlanYear({ year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '２,５１０,３４５.６７' }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), year: 2026 } });
    const [row] = await t.db.$queryRaw<{ amount: string; status: string }[]>`
      SELECT "approvedInvestment"::text AS amount, status::text AS status FROM "PlanYear" WHERE year = 2026`;
    expect(row).toEqual({ amount: '2510345.67', status: 'DRAFT' });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'planYear.create',
        entity: 'PlanYear',
        before: null,
        after: expect.objectContaining({ year: 2026, approvedInvestment: '2510345.67', status: 'DRAFT' }),
      }),
    ]);
  });

  it('refuses a year that exists, or one out of range, and writes nothing', async () => {
    signIn('admin');
    const before = await snapshot();
    expect(await actions.createPlanYear({ year: 2025, title: '重复', approvedInvestment: '1' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { year: ['该年度已存在'] },
    });
    expect(await actions.createPlanYear({ year: 1999, title: '太早', approvedInvestment: '1.234' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { year: ['年份须在2000至2100之间'], approvedInvestment: ['金额最多保留两位小数'] },
    });
    expect(await snapshot()).toBe(before);
  });

  it('sets the reporting month and deadline day, and refuses them out of range', async () => {
    signIn('admin');
    const id = await planYearId(2026);
    const settings = { id, title: '渝中区2026年重点项目计划', approvedInvestment: '2,510,345.6', currentMonth: 3, reportDeadlineDay: 10 };
    const { result, audit } = await withAudit(() => actions.updatePlanYear(settings));
    expect(result).toEqual({ ok: true, data: { id, year: 2026, changed: true } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'planYear.update',
        before: { approvedInvestment: '2510345.67', currentMonth: 1, reportDeadlineDay: 5 },
        after: { approvedInvestment: '2510345.60', currentMonth: 3, reportDeadlineDay: 10 },
      }),
    ]);

    const before = await snapshot();
    expect(await actions.updatePlanYear({ ...settings, currentMonth: 13, reportDeadlineDay: 29 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { currentMonth: ['月份须在1至12之间'], reportDeadlineDay: ['截止日须在1至28之间'] },
    });
    expect(await snapshot()).toBe(before);
  });

  it('refuses a second active year with a clear message', async () => {
    signIn('admin');
    const before = await snapshot();
    expect(await actions.activatePlanYear({ id: await planYearId(2026) })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '2025年度正在执行中，同一时间只能有一个执行中的年度；请先关闭2025年度',
    });
    expect(await snapshot()).toBe(before);
  });

  it('closes a year: its figures lock, assertPlanYearOpen refuses it, and the next year can be activated', async () => {
    signIn('admin');
    const { assertPlanYearOpen } = await import('@/lib/server/admin/plan-year-lock');
    const id2025 = await planYearId(2025);
    const id2026 = await planYearId(2026);
    await expect(t.db.$transaction((tx) => assertPlanYearOpen(tx, id2025))).resolves.toEqual({ year: 2025, status: 'ACTIVE' });

    const closed = await withAudit(() => actions.closePlanYear({ id: id2025 }));
    expect(closed.result).toEqual({ ok: true, data: { id: id2025, year: 2025 } });
    expect(closed.audit).toEqual([
      expect.objectContaining({ action: 'planYear.close', before: { status: 'ACTIVE' }, after: { status: 'CLOSED' } }),
    ]);

    const refusal = await t.db.$transaction((tx) => assertPlanYearOpen(tx, id2025)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect((refusal as ConflictError).message).toBe('2025年度已关闭，数据已锁定，不能修改');

    const before = await snapshot();
    const year2025 = await t.db.planYear.findUniqueOrThrow({ where: { id: id2025 } });
    expect(
      await actions.updatePlanYear({ id: id2025, title: 'x', approvedInvestment: '1', currentMonth: 12, reportDeadlineDay: 5 }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '2025年度已关闭，数据已锁定，不能修改' });
    expect(await actions.closePlanYear({ id: id2025 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await actions.activatePlanYear({ id: id2025 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await snapshot()).toBe(before);
    expect(year2025.title).toBe('渝中区2025年重点项目计划');

    const activated = await withAudit(() => actions.activatePlanYear({ id: id2026 }));
    expect(activated.result).toEqual({ ok: true, data: { id: id2026, year: 2026 } });
    expect(activated.audit).toEqual([
      expect.objectContaining({ action: 'planYear.activate', before: { status: 'DRAFT' }, after: { status: 'ACTIVE' } }),
    ]);
    await expect(t.db.$transaction((tx) => assertPlanYearOpen(tx, id2026))).resolves.toEqual({ year: 2026, status: 'ACTIVE' });
  });
});

describe('only ADMIN may administer', () => {
  /** Every action with an input it would accept from an admin, so the refusal can only be the permission. */
  async function everyAction(): Promise<[string, () => Promise<{ ok: boolean }>][]> {
    const zjw = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw' } });
    const dept = await departmentId('区交通局');
    const year = await planYearId(2026);
    return [
      ['createUser', () => actions.createUser({ username: 'intruder', displayName: '某人', role: 'ADMIN', departmentId: null, password: STRONG_PASSWORD })],
      ['updateUser', () => actions.updateUser({ id: zjw.id, displayName: zjw.displayName, role: 'ADMIN', departmentId: null })],
      ['resetUserPassword', () => actions.resetUserPassword({ id: zjw.id, password: STRONG_PASSWORD })],
      ['setUserActive', () => actions.setUserActive({ id: actor('admin').id, active: false })],
      ['createDepartment', () => actions.createDepartment({ name: '越权单位', shortName: '越权', kind: 'DEPARTMENT' })],
      ['updateDepartment', () => actions.updateDepartment({ id: dept, name: '改名', shortName: '改', kind: 'DEPARTMENT' })],
      ['setDepartmentActive', () => actions.setDepartmentActive({ id: dept, active: false })],
      ['deleteDepartment', () => actions.deleteDepartment({ id: dept })],
      ['createPlanYear', () => actions.createPlanYear({ year: 2030, title: '越权', approvedInvestment: '1' })],
      ['updatePlanYear', () => actions.updatePlanYear({ id: year, title: '越权', approvedInvestment: '1', currentMonth: 2, reportDeadlineDay: 3 })],
      ['activatePlanYear', () => actions.activatePlanYear({ id: year })],
      ['closePlanYear', () => actions.closePlanYear({ id: year })],
    ];
  }

  it('covers every exported action', async () => {
    expect((await everyAction()).map(([name]) => name).sort()).toEqual(Object.keys(actions).sort());
  });

  for (const username of ['bureau', 'leader', 'zjw'] as const) {
    it(`${username} is refused every action with FORBIDDEN, and nothing changes`, async () => {
      signIn(username);
      const before = await snapshot();
      for (const [name, call] of await everyAction()) {
        const result = await call();
        expect({ name, result }).toMatchObject({ name, result: { ok: false, code: 'FORBIDDEN' } });
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('a signed-out caller is refused too', async () => {
    vi.mocked(getRequestContext).mockResolvedValue({ actor: null, ip: null, locale: 'zh-CN' });
    const before = await snapshot();
    for (const [, call] of await everyAction()) {
      expect(await call()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('the audit trail', () => {
  it('never holds a password hash, nor a password', async () => {
    const hashes = (await t.db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
    const rows = await t.db.auditLog.findMany({ where: { entity: 'User' }, select: { before: true, after: true } });
    const trail = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(trail).not.toContain('$argon2');
    for (const hash of hashes) expect(trail).not.toContain(hash);
    for (const password of [STRONG_PASSWORD, 'Jiefangbei!88']) expect(trail).not.toContain(password);
  });
});
