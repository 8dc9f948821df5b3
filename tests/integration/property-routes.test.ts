/**
 * Every API route handler (app/api/**\/route.ts), called with thousands of generated hostile requests
 * (tests/helpers/property-inputs.ts): query strings with control characters, non-characters, bad UTF-8, prototype
 * names (?__proto__=1, ?constructor=1) and unknown parameters; hostile path segments; every role, or no session.
 * The property: a success or a 4xx answer in JSON (the routes' typed refusals), never a 500 or a throw, and a
 * refusal leaves every table as it was. Sign-in (next-auth's route) is tried through its credentials check.
 *
 * The routes are found by reading app/api: one added later fails here until it has a case. KEYSTONE_PBT_RUNS sets
 * the number of generated requests per route (the project export, which builds a workbook of up to 421 projects per
 * accepted request, takes a fifth; sign-in, which hashes each well-formed attempt, a tenth).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { SessionActor } from '@/lib/auth/session';
import { ZSignIn } from '@/lib/validations/auth';
import { actorOf } from '../helpers/actors';
import { decompressionBombPng, hostile, photo } from '../helpers/attachment-fixtures';
import { uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { Fingerprint, Tally } from '../helpers/property-fingerprint';
import { insertProblem } from '../helpers/problems';
import { objectOf, PBT_RUNS, weirdString } from '../helpers/property-inputs';
import { ATTACHMENT_ID, readRouteCases, type RouteCase, type RouteWorld } from '../helpers/property-route-cases';
import { uploadRouteCases } from '../helpers/property-upload-cases';
import { credentialsCheck, issueReadToken, loadRoutes, publishedBulletin } from '../helpers/route-calls';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

const ROOT = path.resolve(import.meta.dirname, '../..');
const USERS: Record<Role, string> = { ADMIN: 'admin', BUREAU: 'bureau', DEPARTMENT: 'zjw', LEADER: 'leader' };
let t: TestDatabase;
let getActor: ReturnType<typeof vi.fn>;
const actors = new Map<Role, SessionActor>();
const summary = new Tally();
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;

/** A session route's request as a role (or nobody). */
const asRole = async (r: Role | null) => {
  getActor.mockResolvedValue(r === null ? null : actors.get(r));
};
const world: RouteWorld = { mod: undefined!, token: '', actors, asRole, uploads: new Map(), ownDraftId: 0 };
const ROUTES: Record<string, RouteCase> = { ...readRouteCases(world), ...uploadRouteCases(world) };

/** next-auth's route: its one input that reaches Keystone's code is the credentials check of a sign-in. */
const SIGN_IN = 'POST /api/auth/[...nextauth]';
const signInRuns = Math.max(1, Math.ceil(PBT_RUNS / 10));
const credentials = fc.oneof(
  fc.record({
    username: fc.oneof(weirdString, fc.constantFrom('zjw', 'admin', 'zjw\u0000', 'ad\uFFFEmin')),
    password: fc.oneof(weirdString, fc.constant('Keystone@2025')),
  }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('username', 'password', '__proto__', 'constructor'),
        fc.oneof(weirdString, fc.constant(null)),
      ),
    )
    .map(objectOf),
);

/** Every route handler file's exported methods, as "GET /api/…". */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'route.ts') found.push(full);
    }
  };
  walk(path.join(ROOT, 'app/api'));
  return found;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
  world.mod = await loadRoutes();
  world.token = await issueReadToken(t.db);
  for (const r of Object.keys(USERS) as Role[]) {
    actors.set(r, await actorOf(t.db, USERS[r]));
  }
  // problems, so the problem routes have something to read and export
  const own = actors.get('DEPARTMENT')!.departmentId!;
  await insertProblem(t.db, { raisedByDepartmentId: own, leadDepartmentId: own, dueDate: '2025-10-01', reply: '进展' });
  await insertProblem(t.db, { raisedByDepartmentId: own, status: 'CLOSED', leadDepartmentId: own, supervised: true });
  // a department's photo, so the attachment route has a file to serve and to refuse (./attachments.test.ts)
  storage = await useTempObjectStore();
  const reportId = (
    await t.db.monthlyReport.findFirstOrThrow({ where: { month: 11, plan: { project: { departmentId: own } } } })
  ).id;
  const attached = await uploadToReport(t.db, actors.get('DEPARTMENT')!, reportId, await photo(), '现场.jpg');
  expect(attached.id).toBe(ATTACHMENT_ID);
  world.ownDraftId = reportId;
  await t.db.monthlyReport.update({ where: { id: reportId }, data: { status: 'DRAFT' } });
  world.uploads.set('photo', await photo({ width: 70 }));
  world.uploads.set('html', hostile.htmlNamedJpg());
  world.uploads.set('empty', hostile.empty());
  world.uploads.set('bomb', decompressionBombPng());
  // a published bulletin, so the bulletin download has something to export
  await publishedBulletin(t.db, actors.get('BUREAU')!, 9, '性质测试通报', '正文');
}, 120_000);

afterAll(async () => {
  await storage?.close();
  await t?.drop();
  console.log(
    `[property-routes] ${summary.total} generated requests over ${Object.keys(ROUTES).length + 1} routes: ${summary}`,
  );
});

describe('every API route answers hostile requests with a success or a 4xx, and a refusal writes nothing', () => {
  it('has a case for every route handler in app/api', async () => {
    const methods: string[] = [];
    for (const file of routeHandlers()) {
      const exports = (await import(file)) as Record<string, unknown>;
      const route = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
        if (typeof exports[method] === 'function') methods.push(`${method} ${route}`);
    }
    // next-auth's GET (its csrf, session and provider pages) takes no input that reaches Keystone's code
    expect(methods.filter((m) => m !== 'GET /api/auth/[...nextauth]').sort()).toEqual(
      [...Object.keys(ROUTES), SIGN_IN].sort(),
    );
  });

  it.each(Object.entries(ROUTES).map(([name, r]) => [name, r.runs ?? PBT_RUNS] as const))(
    '%s: %i generated requests',
    async (name, runs) => {
      const route = ROUTES[name]!;
      const fingerprint = new Fingerprint(t.db);
      await fingerprint.start();
      const tally = new Tally();
      let readBack = 0;
      await fc.assert(
        fc.asyncProperty(route.arbitrary, async (input) => {
          const call = await route.call(input as never);
          let refusedInStream = false;
          tally.add(String(call.status));
          summary.add(String(call.status));
          expect(call.status, `${name} answered ${call.status}: ${call.body.toString('utf8', 0, 300)}`).toBeLessThan(
            500,
          );
          if (call.status >= 400) {
            expect(call.contentType).toContain('application/json');
            expect(() => JSON.parse(call.body.toString('utf8'))).not.toThrow();
          } else if (call.contentType.includes('ndjson')) {
            // a stream of JSON lines ending with the action's result; a refusal there writes nothing either
            const values = call.body
              .toString('utf8')
              .split('\n')
              .filter((l) => l !== '')
              .map((l) => JSON.parse(l) as { type: string; result?: { ok: boolean } });
            expect(values.at(-1)?.type).toBe('result');
            refusedInStream = values.at(-1)?.result?.ok === false;
          } else if (call.contentType.includes('spreadsheetml')) {
            expect(call.body.subarray(0, 2).toString()).toBe('PK');
            // reading a workbook back costs; the first few of each route are enough to catch an unreadable one
            if (readBack++ < 5) await new ExcelJS.Workbook().xlsx.load(call.body as unknown as ArrayBuffer);
          } else if (call.contentType.includes('wordprocessingml')) {
            expect(call.body.subarray(0, 2).toString()).toBe('PK');
          }
          const written = await fingerprint.settle();
          if (call.status >= 400 || refusedInStream)
            expect(
              written.changed,
              `${name} refused (${call.status}) but wrote: ${Fingerprint.changedTables(written.before, written.after)}`,
            ).toBe(false);
        }),
        { numRuns: runs },
      );
      console.log(`[property-routes] ${name}: ${tally.total} requests: ${tally}`);
    },
    600_000,
  );

  it(`${SIGN_IN} (the credentials check): ${signInRuns} generated sign-ins`, async () => {
    const authorize = credentialsCheck(world.mod);
    const fingerprint = new Fingerprint(t.db);
    await fingerprint.start();
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(credentials, async (input) => {
        const outcome = await authorize(input, { headers: { 'x-forwarded-for': '127.0.0.9' } }).then(
          (user) => (user ? 'signed in' : 'refused'),
          (error: unknown) =>
            error instanceof Error && error.message.startsWith('RATE_LIMITED:')
              ? 'throttled'
              : `threw ${String(error)}`,
        );
        tally.add(outcome);
        summary.add(`sign-in ${outcome}`);
        expect(outcome).not.toMatch(/^threw/);
        const written = await fingerprint.settle();
        const tables = Fingerprint.changedTables(written.before, written.after);
        // malformed input is refused before anything is read; a failed attempt is audited and counted, nothing else
        if (!ZSignIn.safeParse(input).success) expect(tables).toEqual([]);
        else if (outcome !== 'signed in')
          expect(tables.filter((x) => x !== 'AuditLog' && x !== 'rate_limits')).toEqual([]);
      }),
      { numRuns: signInRuns },
    );
    console.log(`[property-routes] ${SIGN_IN}: ${tally.total} sign-ins: ${tally}`);
  }, 600_000);
});
