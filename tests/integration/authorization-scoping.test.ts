/**
 * What each role is shown inside the reads the authorization matrix lets it call
 * (authorization-matrix.test.ts): a department's project list is its own; project-level detail (names, plans,
 * amounts, warnings) is a department's of its own projects only; the submitted basis is district-wide only for
 * those whose rollup.readSubmitted reaches every department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { getAttentionCached, getRollupCached } from '@/lib/server/dashboard/figures-cache';
import { getAttention } from '@/lib/server/dashboard/get-attention';
import { getDepartmentDrillDown } from '@/lib/server/dashboard/get-department-drill-down';
import { getProjectFigures } from '@/lib/server/dashboard/get-project-figures';
import { getRollup } from '@/lib/server/dashboard/get-rollup';
import { listProjectIds, listProjects } from '@/lib/server/projects/list-projects';
import { listProblems } from '@/lib/server/problems/list-problems';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import { AppError } from '@/lib/server/errors';
import { actorFor, fixturesOf, ROLES, type Fixtures } from '../helpers/authorization/matrix';
import { insertProblem } from '../helpers/problems';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
}, 120_000);

afterAll(async () => {
  await t.drop();
});

describe('list scoping', () => {
  it('lists only its own department’s projects to a department, and all of them to the others', async () => {
    const fx = await fixturesOf(t.db);
    for (const role of ROLES) {
      const actor = await actorFor(t.db, role);
      const list = await listProjects(t.db, actor, { year: 2025, pageSize: 200 });
      const departments = new Set(list!.items.map((r) => r.departmentId));
      if (role === 'DEPARTMENT') expect([...departments]).toEqual([fx.ownDepartmentId]);
      else expect(list!.total).toBe(421);
      // what an export holds: the same scope
      expect(await listProjectIds(t.db, actor, { year: 2025 })).toHaveLength(list!.total);
    }
  });
});

/**
 * Problems (协调问题) name projects and units: a department is shown those it takes part in (raised, leads, supports,
 * or on its projects), everyone else every problem; the scope is inside the query, so totals never count the rest.
 */
describe('problem scoping', () => {
  it('lists a department only the problems it takes part in, and every problem to the others', async () => {
    const fx = await fixturesOf(t.db);
    const ownProblem = await insertProblem(t.db, { raisedByDepartmentId: fx.ownDepartmentId, dueDate: '2025-11-01' });
    const otherProblem = await insertProblem(t.db, {
      raisedByDepartmentId: fx.otherDepartmentId,
      leadDepartmentId: fx.otherDepartmentId,
      dueDate: '2025-11-01',
    });
    for (const role of ROLES) {
      const list = await listProblems(t.db, await actorFor(t.db, role), { pageSize: 100 });
      const seen = list.items.map((i) => i.number);
      expect(seen).toContain(ownProblem.number);
      if (role === 'DEPARTMENT') expect(seen).not.toContain(otherProblem.number);
      else expect(seen).toContain(otherProblem.number);
      expect(list.total).toBe(seen.length);
      // the statistics' counts are district-wide aggregates; their overdue list names problems and keeps the scope
      const stats = await getProblemStats(t.db, await actorFor(t.db, role), { asOf: '2025-11-20', overdueLimit: 100 });
      const named = stats.oldestOverdue.map((i) => i.number);
      expect(named).toContain(ownProblem.number);
      if (role === 'DEPARTMENT') expect(named).not.toContain(otherProblem.number);
      else expect(named).toContain(otherProblem.number);
    }
  });
});

/**
 * Project-level detail (names, plans, amounts, warnings): a department sees it of its own projects only, everyone
 * else of every department's. Each read that names projects is called as every role; the departments of the
 * projects it names must stay within the actor's project.read scope, and the comparison is not vacuous: the other
 * roles are shown another department's projects by the same call.
 */
describe('project-level detail', () => {
  type DetailRead = (db: Db, actor: Actor, fx: Fixtures) => Promise<{ departmentId: number; planId: number }[]>;
  const attentionOf = async (db: Db, a: Actor, cached: boolean) => {
    const options = {
      year: 2025,
      month: 10,
      basis: 'approved' as const,
      today: '2025-11-20',
      redLimit: 1000,
      missLimit: 1000,
    };
    const at = cached ? await getAttentionCached(db, a, options) : await getAttention(db, a, options);
    return at!;
  };
  const DETAIL: Record<string, DetailRead> = {
    'getProjectFigures (no department named)': (db, a) =>
      getProjectFigures(db, a, { year: 2025, month: 10, basis: 'approved' }),
    'getAttention red list': async (db, a) => (await attentionOf(db, a, false)).redProjects,
    'getAttention likely to miss': async (db, a) =>
      (await attentionOf(db, a, false)).likelyToMiss.map((m) => m.project),
    'getAttentionCached red list': async (db, a) => (await attentionOf(db, a, true)).redProjects,
    'getAttentionCached likely to miss': async (db, a) =>
      (await attentionOf(db, a, true)).likelyToMiss.map((m) => m.project),
    'getDepartmentDrillDown of another department': async (db, a, fx) =>
      (await getDepartmentDrillDown(db, a, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: fx.otherDepartmentId,
      }))!.projects ?? [],
  };

  it.each(Object.keys(DETAIL))('%s names only the projects the actor may read', async (name) => {
    const fx = await fixturesOf(t.db);
    const seen: Record<Role, Set<number>> = {
      LEADER: new Set(),
      DEPARTMENT: new Set(),
      BUREAU: new Set(),
      ADMIN: new Set(),
    };
    const everyone = await DETAIL[name]!(t.db, await actorFor(t.db, 'BUREAU'), fx);
    for (const role of ROLES) {
      const items = await DETAIL[name]!(t.db, await actorFor(t.db, role), fx);
      for (const item of items) seen[role].add(item.departmentId);
      if (role === 'DEPARTMENT') {
        // exactly the other roles' list, less the projects of other departments
        expect(items.map((i) => i.planId)).toEqual(
          everyone.filter((i) => i.departmentId === fx.ownDepartmentId).map((i) => i.planId),
        );
      }
    }
    expect([...seen.DEPARTMENT].filter((d) => d !== fx.ownDepartmentId)).toEqual([]);
    for (const role of ['LEADER', 'BUREAU', 'ADMIN'] as const) {
      expect(
        [...seen[role]].some((d) => d !== fx.ownDepartmentId),
        `${name} as ${role} names another department's project`,
      ).toBe(true);
    }
  });

  it('a department sees another department’s drill-down line, not its projects; its own with them', async () => {
    const fx = await fixturesOf(t.db);
    const reporter = await actorFor(t.db, 'DEPARTMENT');
    const drill = (a: Actor, departmentId: number) =>
      getDepartmentDrillDown(t.db, a, { year: 2025, month: 10, basis: 'approved', departmentId });
    const other = (await drill(reporter, fx.otherDepartmentId))!;
    expect(other.projects).toBeNull();
    expect(other.line).toEqual((await drill(await actorFor(t.db, 'BUREAU'), fx.otherDepartmentId))!.line);
    const own = (await drill(reporter, fx.ownDepartmentId))!;
    expect(own.projects!.length).toBe(own.line.count);
  });

  it('the attention counts stay district-wide aggregates for a department; its lists are its own', async () => {
    const options = { year: 2025, month: 10, basis: 'approved' as const, today: '2025-11-20' };
    const bureau = (await getAttention(t.db, await actorFor(t.db, 'BUREAU'), options))!;
    const department = (await getAttention(t.db, await actorFor(t.db, 'DEPARTMENT'), options))!;
    expect([department.red, department.yellow, department.listScope]).toEqual([bureau.red, bureau.yellow, 'own']);
    expect(department.redListable).toBeGreaterThan(0);
    expect(department.redListable).toBeLessThan(bureau.redListable);
  });
});

/**
 * The submitted basis (figures that count submitted, not yet approved reports): district-wide only for those whose
 * rollup.readSubmitted reaches every department; a department's own figures for that department too.
 */
describe('submitted basis', () => {
  type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
  const cases: Record<
    string,
    { expect: Record<Role, Outcome>; call: (db: Db, a: Actor, fx: Fixtures) => Promise<unknown> }
  > = {
    'getRollup, district-wide': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => getRollup(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    'getRollupCached, district-wide': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => getRollupCached(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    getAttention: {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => getAttention(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    getAttentionCached: {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => getAttentionCached(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    'getDepartmentDrillDown of its own department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'ok', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        getDepartmentDrillDown(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.ownDepartmentId,
        }),
    },
    'getDepartmentDrillDown of another department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        getDepartmentDrillDown(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.otherDepartmentId,
        }),
    },
    'getProjectFigures of another department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'NOT_FOUND', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        getProjectFigures(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.otherDepartmentId,
        }),
    },
  };
  it.each(Object.keys(cases).flatMap((name) => ROLES.map((role) => [name, role] as const)))(
    '%s as %s',
    async (name, role) => {
      const spec = cases[name]!;
      const outcome = await spec.call(t.db, await actorFor(t.db, role), await fixturesOf(t.db)).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      expect(outcome).toBe(spec.expect[role]);
    },
  );
});
