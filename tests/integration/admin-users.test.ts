/**
 * The administration of users, called as the public POST endpoints the actions are: each story signs in as a
 * seeded user through the mocked request context and calls the real exported action against a throwaway copy of
 * the seeded database. The stories follow one user from creation on.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { signIn } from '../helpers/actors';
import { digestOf, withAudit } from '../helpers/audit';
import { ADMIN_TABLES, adminDatabase, STRONG_PASSWORD } from '../helpers/admin-database';

const s = adminDatabase();

describe('users', () => {
  it('an admin creates a department user who must change the password at first sign-in', async () => {
    await signIn(s.t.db, 'admin');
    const zjwDepartment = await s.departmentId('区住房城乡建委');
    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.createUser({
        username: 'zjw.li',
        displayName: '李填报（区住房城乡建委）',
        role: 'DEPARTMENT',
        departmentId: zjwDepartment,
        password: STRONG_PASSWORD,
      }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), username: 'zjw.li' } });

    const user = await s.t.db.user.findUniqueOrThrow({
      where: { username: 'zjw.li' },
      select: { id: true, role: true, departmentId: true, mustChangePassword: true, active: true, passwordHash: true },
    });
    expect(user).toMatchObject({
      role: 'DEPARTMENT',
      departmentId: zjwDepartment,
      mustChangePassword: true,
      active: true,
    });
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
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    const result = await s.actions.createUser({
      username: 'zjw',
      displayName: '重名',
      role: 'LEADER',
      departmentId: null,
      password: STRONG_PASSWORD,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { username: ['该用户名已被使用，请换一个'] },
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('refuses invalid input (no department for a department user, weak password) and writes nothing', async () => {
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    const result = await s.actions.createUser({
      username: 'Bad Name',
      displayName: '',
      role: 'DEPARTMENT',
      departmentId: null,
      password: 'weak',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('VALIDATION');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'departmentId',
      'displayName',
      'password',
      'username',
    ]);
    expect(result.fieldErrors?.username).toContain('用户名只能包含小写字母、数字和 . _ -');

    const missingDepartment = await s.actions.createUser({
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
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('audits a role change as user.changeRole with the role and department before and after', async () => {
    await signIn(s.t.db, 'admin');
    const user = await s.t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.updateUser({ id: user.id, displayName: user.displayName, role: 'LEADER', departmentId: null }),
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
    await signIn(s.t.db, 'admin');
    const user = await s.t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const renamed = await withAudit(s.t.db, () =>
      s.actions.updateUser({ id: user.id, displayName: '李区领导', role: user.role, departmentId: user.departmentId }),
    );
    expect(renamed.result.ok).toBe(true);
    expect(renamed.audit).toEqual([
      expect.objectContaining({
        action: 'user.update',
        before: { displayName: user.displayName },
        after: { displayName: '李区领导' },
      }),
    ]);

    const same = await withAudit(s.t.db, () =>
      s.actions.updateUser({ id: user.id, displayName: '李区领导', role: user.role, departmentId: user.departmentId }),
    );
    expect(same.result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li', changed: false } });
    expect(same.audit).toEqual([]);
  });

  it('an admin cannot remove their own ADMIN role: a clear message, nothing changes', async () => {
    const admin = await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    const result = await s.actions.updateUser({
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
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('resets a password: a new policy-compliant hash, must change it, audited without any hash', async () => {
    await signIn(s.t.db, 'admin');
    const user = await s.t.db.user.findUniqueOrThrow({
      where: { username: 'zjw.li' },
      select: { id: true, passwordHash: true },
    });
    await s.t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });

    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.resetUserPassword({ id: user.id, password: 'Jiefangbei!88' }),
    );
    expect(result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li' } });
    const after = await s.t.db.user.findUniqueOrThrow({
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
    await signIn(s.t.db, 'admin');
    const user = await s.t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.resetUserPassword({ id: user.id, password: 'short' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { password: expect.arrayContaining(['密码至少需要10个字符']) },
    });
    expect(await s.actions.resetUserPassword({ id: user.id, password: 'Xx-zjw.li-2026' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { password: ['密码不能包含用户名'] },
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('deactivates and reactivates a user, one audit row each', async () => {
    await signIn(s.t.db, 'admin');
    const user = await s.t.db.user.findUniqueOrThrow({ where: { username: 'zjw.li' } });
    const off = await withAudit(s.t.db, () => s.actions.setUserActive({ id: user.id, active: false }));
    expect(off.result).toEqual({ ok: true, data: { id: user.id, username: 'zjw.li', changed: true } });
    expect(off.audit).toEqual([
      expect.objectContaining({ action: 'user.setActive', before: { active: true }, after: { active: false } }),
    ]);
    expect((await s.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);

    const on = await withAudit(s.t.db, () => s.actions.setUserActive({ id: user.id, active: true }));
    expect(on.audit).toEqual([
      expect.objectContaining({ action: 'user.setActive', before: { active: false }, after: { active: true } }),
    ]);
  });

  it('an admin cannot deactivate themself, and is told so in their language', async () => {
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    const admin = await signIn(s.t.db, 'admin');
    expect(await s.actions.setUserActive({ id: admin.id, active: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '不能停用您自己的账号',
    });
    await signIn(s.t.db, 'admin', { locale: 'en' });
    expect(await s.actions.setUserActive({ id: admin.id, active: false })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'You cannot deactivate your own account.',
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('answers an unknown user id with not-found and changes nothing', async () => {
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.setUserActive({ id: 999_999, active: false })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });
});

describe('the audit trail', () => {
  it('never holds a password hash, nor a password', async () => {
    const hashes = (await s.t.db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
    const rows = await s.t.db.auditLog.findMany({ where: { entity: 'User' }, select: { before: true, after: true } });
    const trail = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(trail).not.toContain('$argon2');
    for (const hash of hashes) expect(trail).not.toContain(hash);
    for (const password of [STRONG_PASSWORD, 'Jiefangbei!88']) expect(trail).not.toContain(password);
  });
});
