/**
 * The administration of plan years (create, settings, activate, close), and the refusal of every admin action to
 * anyone but an administrator, called as the public POST endpoints they are against a throwaway copy of the
 * seeded database.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '@/lib/server/errors';
import { actAs, actorOf, signIn } from '../helpers/actors';
import { digestOf, withAudit } from '../helpers/audit';
import { approveDecember } from '../helpers/closed-year-story';
import { ADMIN_TABLES, adminDatabase, STRONG_PASSWORD } from '../helpers/admin-database';

const s = adminDatabase();

async function planYearId(year: number): Promise<number> {
  return (await s.t.db.planYear.findUniqueOrThrow({ where: { year }, select: { id: true } })).id;
}

describe('plan years', () => {
  it('creates a draft year from a full-width amount with separators, stored exactly', async () => {
    await signIn(s.t.db, 'admin');
    const { result, audit } = await withAudit(s.t.db, () =>
      s.actions.createPlanYear({
        year: 2026,
        title: '渝中区2026年重点项目计划',
        approvedInvestment: '２,５１０,３４５.６７',
      }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(Number), year: 2026 } });
    const [row] = await s.t.db.$queryRaw<{ amount: string; status: string }[]>`
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
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.createPlanYear({ year: 2025, title: '重复', approvedInvestment: '1' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { year: ['该年度已存在'] },
    });
    expect(await s.actions.createPlanYear({ year: 1999, title: '太早', approvedInvestment: '1.234' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { year: ['年份须在2000至2100之间'], approvedInvestment: ['金额最多保留两位小数'] },
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('sets the reporting month and deadline day, and refuses them out of range', async () => {
    await signIn(s.t.db, 'admin');
    const id = await planYearId(2026);
    const settings = {
      id,
      title: '渝中区2026年重点项目计划',
      approvedInvestment: '2,510,345.6',
      currentMonth: 3,
      reportDeadlineDay: 10,
    };
    const { result, audit } = await withAudit(s.t.db, () => s.actions.updatePlanYear(settings));
    expect(result).toEqual({ ok: true, data: { id, year: 2026, changed: true } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'planYear.update',
        before: { approvedInvestment: '2510345.67', currentMonth: 1, reportDeadlineDay: 5 },
        after: { approvedInvestment: '2510345.60', currentMonth: 3, reportDeadlineDay: 10 },
      }),
    ]);

    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.updatePlanYear({ ...settings, currentMonth: 13, reportDeadlineDay: 29 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { currentMonth: ['月份须在1至12之间'], reportDeadlineDay: ['截止日须在1至28之间'] },
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('refuses a second active year with a clear message', async () => {
    await signIn(s.t.db, 'admin');
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    expect(await s.actions.activatePlanYear({ id: await planYearId(2026) })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '2025年度正在执行中，同一时间只能有一个执行中的年度；请先关闭2025年度',
    });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });

  it('closes a year: its figures lock, assertPlanYearOpen refuses it, and the next year can be activated', async () => {
    await signIn(s.t.db, 'admin');
    const { assertPlanYearOpen } = await import('@/lib/server/admin/plan-year-lock');
    const id2025 = await planYearId(2025);
    const id2026 = await planYearId(2026);
    await expect(s.t.db.$transaction((tx) => assertPlanYearOpen(tx, id2025))).resolves.toEqual({
      year: 2025,
      status: 'ACTIVE',
    });

    await approveDecember(s.t.db, id2025);
    const closed = await withAudit(s.t.db, () => s.actions.closePlanYear({ id: id2025, confirmYear: 2025 }));
    expect(closed.result).toEqual({ ok: true, data: { id: id2025, year: 2025 } });
    expect(closed.audit).toEqual([
      expect.objectContaining({ action: 'planYear.close', before: { status: 'ACTIVE' }, after: { status: 'CLOSED' } }),
    ]);

    const refusal = await s.t.db.$transaction((tx) => assertPlanYearOpen(tx, id2025)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect((refusal as ConflictError).message).toBe('2025年度已关闭，数据已锁定，不能修改');

    const before = await digestOf(s.t.db, ADMIN_TABLES);
    const year2025 = await s.t.db.planYear.findUniqueOrThrow({ where: { id: id2025 } });
    expect(
      await s.actions.updatePlanYear({
        id: id2025,
        title: 'x',
        approvedInvestment: '1',
        currentMonth: 12,
        reportDeadlineDay: 5,
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '2025年度已关闭，数据已锁定，不能修改' });
    expect(await s.actions.closePlanYear({ id: id2025, confirmYear: 2025 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await s.actions.activatePlanYear({ id: id2025 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
    expect(year2025.title).toBe('渝中区2025年重点项目计划');

    const activated = await withAudit(s.t.db, () => s.actions.activatePlanYear({ id: id2026 }));
    expect(activated.result).toEqual({ ok: true, data: { id: id2026, year: 2026 } });
    expect(activated.audit).toEqual([
      expect.objectContaining({
        action: 'planYear.activate',
        before: { status: 'DRAFT' },
        after: { status: 'ACTIVE' },
      }),
    ]);
    await expect(s.t.db.$transaction((tx) => assertPlanYearOpen(tx, id2026))).resolves.toEqual({
      year: 2026,
      status: 'ACTIVE',
    });
  });
});

describe('only ADMIN may administer', () => {
  /** Every action with an input it would accept from an admin, so the refusal can only be the permission. */
  async function everyAction(): Promise<[string, () => Promise<{ ok: boolean }>][]> {
    const zjw = await s.t.db.user.findUniqueOrThrow({ where: { username: 'zjw' } });
    const admin = await actorOf(s.t.db, 'admin');
    const dept = await s.departmentId('区交通局');
    const year = await planYearId(2026);
    return [
      [
        'createUser',
        () =>
          s.actions.createUser({
            username: 'intruder',
            displayName: '某人',
            role: 'ADMIN',
            departmentId: null,
            password: STRONG_PASSWORD,
          }),
      ],
      [
        'updateUser',
        () => s.actions.updateUser({ id: zjw.id, displayName: zjw.displayName, role: 'ADMIN', departmentId: null }),
      ],
      ['resetUserPassword', () => s.actions.resetUserPassword({ id: zjw.id, password: STRONG_PASSWORD })],
      ['setUserActive', () => s.actions.setUserActive({ id: admin.id, active: false })],
      [
        'createDepartment',
        () => s.actions.createDepartment({ name: '越权单位', shortName: '越权', kind: 'DEPARTMENT' }),
      ],
      [
        'updateDepartment',
        () => s.actions.updateDepartment({ id: dept, name: '改名', shortName: '改', kind: 'DEPARTMENT' }),
      ],
      ['setDepartmentActive', () => s.actions.setDepartmentActive({ id: dept, active: false })],
      ['deleteDepartment', () => s.actions.deleteDepartment({ id: dept })],
      ['createPlanYear', () => s.actions.createPlanYear({ year: 2030, title: '越权', approvedInvestment: '1' })],
      [
        'updatePlanYear',
        () =>
          s.actions.updatePlanYear({
            id: year,
            title: '越权',
            approvedInvestment: '1',
            currentMonth: 2,
            reportDeadlineDay: 3,
          }),
      ],
      ['activatePlanYear', () => s.actions.activatePlanYear({ id: year })],
      ['closePlanYear', () => s.actions.closePlanYear({ id: year, confirmYear: 2025 })],
    ];
  }

  it('covers every exported action', async () => {
    expect((await everyAction()).map(([name]) => name).sort()).toEqual(Object.keys(s.actions).sort());
  });

  for (const username of ['bureau', 'leader', 'zjw'] as const) {
    it(`${username} is refused every action with FORBIDDEN, and nothing changes`, async () => {
      await signIn(s.t.db, username);
      const before = await digestOf(s.t.db, ADMIN_TABLES);
      for (const [name, call] of await everyAction()) {
        // the bureau closes years too (tests/integration/year-end-close.test.ts)
        if (username === 'bureau' && name === 'closePlanYear') continue;
        const result = await call();
        expect({ name, result }).toMatchObject({ name, result: { ok: false, code: 'FORBIDDEN' } });
      }
      expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
    });
  }

  it('a signed-out caller is refused too', async () => {
    actAs(null, { ip: null });
    const before = await digestOf(s.t.db, ADMIN_TABLES);
    for (const [, call] of await everyAction()) {
      expect(await call()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect(await digestOf(s.t.db, ADMIN_TABLES)).toBe(before);
  });
});
