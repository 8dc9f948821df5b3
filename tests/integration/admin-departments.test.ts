/**
 * The administration of departments (责任单位), called as the public POST endpoints the actions are, against a
 * throwaway copy of the seeded database. The stories follow one new department from creation to deactivation.
 */
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { digestOf, withAudit } from '../helpers/audit';
import { ADMIN_TABLES, adminDatabase, STRONG_PASSWORD } from '../helpers/admin-database';

const s = adminDatabase();

describe('departments', () => {
  it('creates a department at the end of the list, audited', async () => {
    await signIn(s.t.db, 'admin');
    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.createDepartment({ name: '区大数据发展局', shortName: '大数据局', kind: 'DEPARTMENT' }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), name: '区大数据发展局' } });
    const maxOrder = (await s.t.db.department.aggregate({ _max: { sortOrder: true } }))._max.sortOrder;
    const created = await s.t.db.department.findUniqueOrThrow({ where: { name: '区大数据发展局' } });
    expect(created.sortOrder).toBe(maxOrder);
    expect(audit).toEqual([
      {
        actor: 'admin',
        action: 'department.create',
        entity: 'Department',
        entityId: String(created.id),
        before: null,
        after: {
          id: created.id,
          name: '区大数据发展局',
          shortName: '大数据局',
          kind: 'DEPARTMENT',
          active: true,
          sortOrder: created.sortOrder,
        },
      },
    ]);
  });

  it('refuses a name another department has, and writes nothing', async () => {
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(
      await s.actions.createDepartment({ name: '区住房城乡建委', shortName: '建委', kind: 'DEPARTMENT' }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { name: ['已有同名单位'] },
    });
    const other = await s.departmentId('区大数据发展局');
    expect(
      await s.actions.updateDepartment({
        id: other,
        name: '区住房城乡建委',
        shortName: '大数据局',
        kind: 'DEPARTMENT',
      }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['已有同名单位'] } });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('renames a department, the audit row holding only what changed', async () => {
    await signIn(s.t.db, 'admin');
    const id = await s.departmentId('区大数据发展局');
    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.updateDepartment({ id, name: '区大数据应用发展管理局', shortName: '大数据局', kind: 'DEPARTMENT' }),
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
    await signIn(s.t.db, 'admin');
    const id = await s.departmentId('区住房城乡建委');
    const projects = await s.t.db.project.count({ where: { departmentId: id } });
    expect(projects).toBeGreaterThan(0);
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.deleteDepartment({ id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: `该单位仍负责${projects}个项目，不能删除，可停用`,
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('refuses to delete a department that still has users', async () => {
    await signIn(s.t.db, 'admin');
    const id = await s.departmentId('区大数据应用发展管理局');
    const created = await s.actions.createUser({
      username: 'dsj01',
      displayName: '大数据局填报员',
      role: 'DEPARTMENT',
      departmentId: id,
      password: STRONG_PASSWORD,
    });
    expect(created.ok).toBe(true);
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.deleteDepartment({ id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '该单位仍有1个用户，不能删除，可停用',
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('deactivates a department, after which it gets no new users', async () => {
    await signIn(s.t.db, 'admin');
    const id = await s.departmentId('区大数据应用发展管理局');
    const { result, audit } = await withAudit(s.t.db, () => s.actions.setDepartmentActive({ id, active: false }));
    expect(result.ok).toBe(true);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'department.setActive', before: { active: true }, after: { active: false } }),
    ]);
    expect(
      await s.actions.createUser({
        username: 'dsj02',
        displayName: '又一位',
        role: 'DEPARTMENT',
        departmentId: id,
        password: STRONG_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { departmentId: ['所选单位已停用，不能分配新用户'] },
    });
  });

  it('deletes a department that owns nothing, the audit row keeping what it was', async () => {
    await signIn(s.t.db, 'admin');
    const created = await s.actions.createDepartment({ name: '临时单位', shortName: '临时', kind: 'SUBDISTRICT' });
    if (!created.ok) throw new Error(created.message);
    const { result, audit } = await withAudit(s.t.db, () => s.actions.deleteDepartment({ id: created.data.id }));
    expect(result).toEqual({ ok: true, data: { id: created.data.id, name: '临时单位' } });
    expect(await s.t.db.department.findUnique({ where: { id: created.data.id } })).toBeNull();
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
