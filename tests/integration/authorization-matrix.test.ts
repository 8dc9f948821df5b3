/**
 * The authorization matrix, generated from one table: for every server action and every data-access read,
 * what each role may do on a record of the actor's own department and of another one. Each cell is called for
 * real against a seeded throwaway database:
 *   - allowed  → the call succeeds (and an action writes its audit row);
 *   - refused  → FORBIDDEN, or for another department's record NOT_FOUND answered exactly like a missing id,
 *                and the database is unchanged (no audit row either).
 * An exported action or a get/list function that is missing from the table fails the test. The table's rows are
 * in tests/helpers/authorization/, by area; what each role is shown inside a read is in
 * authorization-scoping.test.ts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { AppError } from '@/lib/server/errors';
import { contextOf } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { actorFor, fixturesOf, ROLES, type Fixtures, type Target } from '../helpers/authorization/matrix';
import { ACTIONS, READS } from '../helpers/authorization/tables';
import { loadActions, type AnyAction } from '../helpers/server-actions';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// a password change renews the browser's session after commit: here there is no browser, and no cookie to renew
vi.mock('next/headers', () => import('../helpers/next-headers'));

const ROOT = path.resolve(import.meta.dirname, '../..');

let actions: Map<string, AnyAction>;
const databases: TestDatabase[] = [];

/** A seeded database of this file's own; its fixtures count from 0 (each action's cells have a database alone). */
async function freshDatabase(): Promise<{ t: TestDatabase; fx: Fixtures }> {
  const t = await createTestDatabase('seeded');
  databases.push(t);
  return { t, fx: await fixturesOf(t.db, 0) };
}

/** Everything a refused call must leave as it was. */
const TOUCHED = [
  'User',
  'Department',
  'PlanYear',
  'MonthlyReport',
  'AuditLog',
  'Problem',
  'ProblemEntry',
  'ProblemCategory',
  'Notification',
  'IndicatorActual',
] as const;

/** The same input pointed at a record that does not exist, to prove "other department" answers identically. */
function withMissingRecord(input: unknown): unknown {
  const copy = { ...(input as Record<string, unknown>) };
  for (const key of ['projectPlanId', 'reportId', 'problemId', 'projectId', 'attachmentId', 'indicatorId', 'actualId'])
    if (key in copy) copy[key] = 99_999_999;
  // bulk actions name their records in a list
  if (Array.isArray(copy.reports)) {
    copy.reports = (copy.reports as Record<string, unknown>[]).map((r, i) => ({ ...r, reportId: 99_999_990 + i }));
  }
  return copy;
}

beforeAll(async () => {
  // lib/db reads DATABASE_URL on first import: the actions are imported once it points at a test database
  const bootstrap = await freshDatabase();
  process.env.DATABASE_URL = bootstrap.t.url;
  actions = await loadActions();
}, 120_000);

afterAll(async () => {
  for (const t of databases) await t.drop();
});

describe('the table covers everything', () => {
  it('has a row for every server action, and no row for an action that does not exist', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('has a row for every get/list function of the data-access layer', async () => {
    const found: string[] = [];
    for (const dir of readdirSync(path.join(ROOT, 'lib/server'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    )) {
      for (const file of readdirSync(path.join(ROOT, 'lib/server', dir.name)).filter((f) => f.endsWith('.ts'))) {
        const exports = (await import(path.join(ROOT, 'lib/server', dir.name, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports)) {
          if (typeof value === 'function' && /^(get|list)[A-Z]/.test(name)) found.push(name);
        }
      }
    }
    expect(found.sort()).toEqual(Object.keys(READS).sort());
  });

  it('agrees with the permission matrix each action declares', () => {
    for (const [name, action] of actions) {
      const expected = ACTIONS[name]!;
      for (const role of ROLES) {
        const scope = scopeOf({ role, departmentId: 1 }, action.meta.permission as Permission);
        const cell = expected.row[role];
        expect(`${name} ${role} ${scope}`).toBe(`${name} ${role} ${cell === '-' ? 'none' : cell}`);
      }
    }
  });
});

// Each action gets a database of its own, so what its allowed calls change cannot affect another action's cells.
describe.each(Object.entries(ACTIONS))('action %s', (name, spec) => {
  let fx: Fixtures;
  let action: AnyAction;
  let context: ReturnType<typeof vi.fn>;
  let appDb: Db;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    fx = fresh.fx;
    process.env.DATABASE_URL = fresh.t.url;
    vi.resetModules();
    context = vi.mocked((await import('@/lib/auth/request-context')).getRequestContext);
    action = (await loadActions()).get(name)!;
    appDb = (await import('@/lib/db')).prisma; // the client the actions use, closed before its database is dropped
  });
  afterAll(async () => appDb?.$disconnect());

  const targets: Target[] = spec.scoped ? ['own', 'other'] : ['own'];
  it.each(ROLES.flatMap((role) => targets.map((target) => [role, target] as const)))(
    'as %s on a record of the %s department',
    async (role, target) => {
      expect(action, `no action named ${name}`).toBeDefined();
      context.mockResolvedValue(contextOf(await actorFor(fx.db, role)));
      const input = await spec.input(fx, target);
      const before = await digestOf(fx.db, TOUCHED);
      const auditsBefore = await fx.db.auditLog.count();

      const result = await action(input);
      const cell = spec.row[role];
      // the permission reaches, but the record's flow refuses this role (e.g. only the lead unit proposes closure)
      const flowRefuses = spec.refusedByFlow?.includes(role) ?? false;
      const allowed = !flowRefuses && (cell === 'all' || (cell === 'own' && target === 'own'));
      if (allowed) {
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        expect(await fx.db.auditLog.count({ where: { id: { gt: 0 } } })).toBeGreaterThan(auditsBefore);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.code);
        expect(await digestOf(fx.db, TOUCHED)).toBe(before);
        if (flowRefuses && target === 'own') expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        if (cell === 'own' && target === 'other') {
          // another department's record answers exactly like a record that does not exist
          expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          expect(await action(withMissingRecord(input))).toEqual(result);
        }
      }
    },
  );
});

describe.each(Object.entries(READS))('read %s', (name, spec) => {
  const targets: Target[] = spec.scoped ? ['own', 'other'] : ['own'];
  it.each(ROLES.flatMap((role) => targets.map((target) => [role, target] as const)))(
    'as %s on a record of the %s department',
    async (role, target) => {
      const t = databases[0]!;
      const fx = await fixturesOf(t.db);
      const actor = await actorFor(t.db, role);
      const cell = spec.row[role];
      const allowed = cell === 'all' || (cell === 'own' && target === 'own');
      const outcome = await spec.call(t.db, actor, fx, target).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      expect(outcome).toBe(allowed ? 'ok' : cell === 'own' ? 'NOT_FOUND' : 'FORBIDDEN');
    },
  );
});
