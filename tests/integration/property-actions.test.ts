/**
 * Every server action, called as the public POST endpoint it is with thousands of generated hostile inputs
 * (tests/helpers/property-inputs.ts: arbitrary Unicode with NUL and lone surrogates, huge strings, numbers at every
 * edge, unknown and prototype keys, arrays where objects are expected, form posts), by a user whose role holds the
 * action's permission. The property: the answer is a success or a typed refusal ({ ok: false, code } other than
 * INTERNAL), never a throw, and a refusal leaves every table as it was.
 *
 * The actions are found by reading lib/actions: one added later is tried too, and fails here until it has a seed
 * input (a valid call the generated inputs are built around, so they reach past the schema). KEYSTONE_PBT_RUNS sets
 * the number of generated inputs per action. The seeds: tests/helpers/property-seeds.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import { actAs, actorOf } from '../helpers/actors';
import { Fingerprint, Tally } from '../helpers/property-fingerprint';
import { inputsAround, PBT_RUNS, setAt, stringPaths } from '../helpers/property-inputs';
import { SEEDS } from '../helpers/property-seeds';
import { loadActions, type AnyAction } from '../helpers/server-actions';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// a password change renews the browser's session after commit: here there is no browser, and no cookie to renew
vi.mock('next/headers', () => import('../helpers/next-headers'));

const TYPED_REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'RATE_LIMITED'];

/** The user each action is tried as: the widest scope of its permission, so the generated inputs reach the record. */
const USER_OF: Record<Role, string> = { ADMIN: 'admin', BUREAU: 'bureau', DEPARTMENT: 'zjw', LEADER: 'leader' };
function roleFor(permission: Permission): Role {
  const roles: Role[] = ['ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER'];
  return (
    roles.find((r) => scopeOf({ role: r, departmentId: 1 }, permission) === 'all') ??
    roles.find((r) => scopeOf({ role: r, departmentId: 1 }, permission) === 'own')!
  );
}

/**
 * One database for every action (a fresh copy each costs more than all of an action's inputs). What an accepted
 * input changes stays; the actions that would starve the others run last: drafting bulletins of any month, changing
 * the plan year's reporting month, then closing it (after which report and project writes are refused).
 */
const RUN_LAST = ['bulletin.create', 'planYear.activate', 'planYear.create', 'planYear.update', 'planYear.close'];
const order = (names: string[]) => [
  ...names.filter((n) => !RUN_LAST.includes(n)).sort(),
  ...RUN_LAST.filter((n) => names.includes(n)),
];

let t: TestDatabase;

/** Every following call comes from a user whose role holds the action's permission; that role. */
async function signInFor(action: AnyAction): Promise<Role> {
  const role = roleFor(action.meta.permission);
  // as a session past any forced password change: another action's accepted input may have reset this user's password
  actAs({ ...(await actorOf(t.db, USER_OF[role])), mustChangePassword: false });
  return role;
}
let actions: Map<string, AnyAction>;
const summary = new Tally();

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await loadActions();
}, 120_000);

afterAll(async () => {
  await t?.drop();
  console.log(
    `[property-actions] ${summary.total} generated inputs over ${actions?.size ?? 0} actions (${PBT_RUNS} each): ${summary}`,
  );
});

/**
 * An action that takes a file parses it in a worker thread on every call (about 0.3 s here), so it gets a tenth of
 * the runs: its other fields are what the generated inputs vary, and hostile files have their own tests
 * (tests/integration/upload-limits.test.ts, e2e/hostile-uploads.spec.ts).
 */
function runsFor(seed: unknown): number {
  const takesAFile = typeof seed === 'object' && seed !== null && Object.values(seed).some((v) => v instanceof Blob);
  return takesAFile ? Math.ceil(PBT_RUNS / 10) : PBT_RUNS;
}

describe('every server action answers hostile input with a success or a typed refusal, and a refusal writes nothing', () => {
  it('has a seed input for every action in lib/actions, and no seed of an action that does not exist', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(SEEDS).sort());
  });

  // before the generated inputs change the data the seeds were read from
  it.each(order(Object.keys(SEEDS)))(
    '%s: a NUL in any of its texts is a field message on that field, and writes nothing',
    async (name) => {
      const action = actions.get(name)!;
      await signInFor(action);
      const seed = await SEEDS[name]!(t.db);
      const fingerprint = new Fingerprint(t.db);
      await fingerprint.start();
      for (const at of stringPaths(seed)) {
        const value = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], seed) as string;
        const result = await action(setAt(seed, at, `${value}\u0000`));
        expect(result, `${name} with a NUL in ${at.join('.')}`).toMatchObject({ ok: false, code: 'VALIDATION' });
        if (!result.ok)
          expect(Object.keys(result.fieldErrors ?? {}), `${name} ${at.join('.')}`).toContain(at.join('.'));
        expect((await fingerprint.settle()).changed).toBe(false);
      }
    },
  );

  it.each(order(Object.keys(SEEDS)))(
    `%s: ${PBT_RUNS} generated inputs (a tenth for an upload)`,
    async (name) => {
      const action = actions.get(name);
      expect(action, `no action named ${name}`).toBeDefined();
      const role = await signInFor(action!);
      const seed = await SEEDS[name]!(t.db);
      const fingerprint = new Fingerprint(t.db);
      await fingerprint.start();
      const tally = new Tally();
      await fc.assert(
        fc.asyncProperty(inputsAround(seed), async (input) => {
          const result = await action!(input);
          const outcome = result.ok ? 'ok' : result.code;
          tally.add(outcome);
          summary.add(outcome);
          expect(result.ok || TYPED_REFUSALS.includes(result.code), `${name} answered ${JSON.stringify(result)}`).toBe(
            true,
          );
          if (!result.ok) expect(typeof result.message).toBe('string');
          const written = await fingerprint.settle();
          if (!result.ok && written.changed && result.code === 'RATE_LIMITED') {
            // the one write a refusal may make: the attempt that starts a lock leaves one summary audit row
            expect(Fingerprint.changedTables(written.before, written.after)).toEqual(['AuditLog']);
            const last = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { action: true } });
            expect(last.action).toMatch(/Throttled$/);
          } else if (!result.ok) {
            expect(
              written.changed,
              `${name} refused (${outcome}) but wrote: ${written.before} → ${written.after}`,
            ).toBe(false);
          }
        }),
        { numRuns: runsFor(seed) },
      );
      console.log(`[property-actions] ${name} as ${role}: ${tally.total} inputs: ${tally}`);
    },
    600_000,
  );
});
