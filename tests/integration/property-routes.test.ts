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
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { SessionActor } from '@/lib/auth/session';
import { ZSignIn } from '@/lib/validations/auth';
import { actAs, actorOf } from '../helpers/actors';
import { decompressionBombPng, hostile, photo } from '../helpers/attachment-fixtures';
import { uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { Fingerprint, Tally } from '../helpers/property-fingerprint';
import { insertProblem } from '../helpers/problems';
import { objectOf, PBT_RUNS, weirdString } from '../helpers/property-inputs';
import { pathSegment, queryAround } from '../helpers/property-requests';
import {
  answer,
  credentialsCheck,
  issueReadToken,
  loadRoutes,
  params,
  publishedBulletin,
  type Call,
  type Routes,
} from '../helpers/route-calls';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

const ROOT = path.resolve(import.meta.dirname, '../..');
const USERS: Record<Role, string> = { ADMIN: 'admin', BUREAU: 'bureau', DEPARTMENT: 'zjw', LEADER: 'leader' };
const LIST_PARAMS = [
  'year',
  'page',
  'pageSize',
  'sort',
  'dir',
  'q',
  'stage',
  'investor',
  'direction',
  'department',
  'area',
  'warning',
];
const SAMPLES: Record<string, readonly string[]> = {
  year: ['2025', '2024', '1999', '20250'],
  page: ['1', '2', '0', '100001'],
  pageSize: ['20', '200', '201'],
  size: ['20', '50', '7'],
  sort: ['rate', 'name', 'nope', 'daysOverdue'],
  dir: ['asc', 'desc', 'up'],
  q: ['重庆', '轨道', 'YZ'],
  stage: ['NEW_START', 'PRELIMINARY,ONGOING', 'x'],
  investor: ['CITY', 'SOCIAL'],
  direction: ['INFRASTRUCTURE'],
  department: ['1', '2,3', 'x'],
  dept: ['1', '2'],
  area: ['解放碑', '化龙桥,朝天门'],
  warning: ['red', 'yellow,none'],
  month: ['1', '10', '12', '13', '0'],
  basis: ['approved', 'submitted', 'both'],
  // the problem ledger's (问题台账) filters
  status: ['CLOSED', 'PENDING,IN_PROGRESS', 'OPEN'],
  category: ['1', '2,3', 'x'],
  level: ['SUPERVISED', 'KEY,NORMAL', 'HIGH'],
  lead: ['1', '2,3'],
  leader: ['1', 'x'],
  project: ['1', '2'],
  raisedBy: ['1', '3'],
  overdue: ['true', 'false', '1'],
};
const PROBLEM_PARAMS = [
  'year',
  'page',
  'pageSize',
  'sort',
  'dir',
  'q',
  'status',
  'category',
  'level',
  'lead',
  'leader',
  'project',
  'raisedBy',
  'overdue',
];

/** The attachment the seeded database gets in beforeAll (a fresh database's first row), served by the route. */
const ATTACHMENT_ID = 1;
/** The bodies an upload is tried with (made in beforeAll), and the department's draft it may go to. */
const UPLOADS = new Map<string, Buffer>();
let ownDraftId = 0;
const uploadName = fc.oneof(
  weirdString.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80'; // a lone surrogate does not encode: send its raw bytes instead
    }
  }),
  fc.constantFrom('%E7%8E%B0%E5%9C%BA.jpg', '%', '%FF', 'a%00b.jpg', ''),
);

type RouteCase = { arbitrary: fc.Arbitrary<unknown>; call: (input: never) => Promise<Call>; runs?: number };

let t: TestDatabase;
let getActor: ReturnType<typeof vi.fn>;
let token: string;
let mod: Routes;
const actors = new Map<Role, SessionActor>();
const summary = new Tally();
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;

const bearer = (url: string) => new Request(url, { headers: { authorization: `Bearer ${token}` } });
const role = fc.constantFrom<Role | null>('ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER', null);
/** A session route's request as a role (or nobody). */
const asRole = async (r: Role | null) => getActor.mockResolvedValue(r === null ? null : actors.get(r));

const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/openapi.json': {
    arbitrary: queryAround(['x']),
    call: async () => answer(await mod.openapi.GET()),
  },
  // no session, no input: what it answers is tests/integration/health.test.ts's; here, that it writes nothing
  'GET /api/health': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 10)),
    arbitrary: queryAround(['x']),
    call: async () => answer(await mod.health.GET()),
  },
  'GET /api/v1/plan-years/[year]/rollup': {
    arbitrary: fc.tuple(pathSegment('2025'), queryAround(['month', 'basis'], SAMPLES)),
    call: async ([year, q]: [string, string]) =>
      answer(await mod.rollup.GET(bearer(`http://localhost/api/v1/plan-years/x/rollup?${q}`), params({ year }))),
  },
  'GET /api/v1/plan-years/[year]/indicators': {
    arbitrary: fc.tuple(pathSegment('2025', '2031'), queryAround(['x'], SAMPLES)),
    call: async ([year, q]: [string, string]) =>
      answer(
        await mod.indicators.GET(bearer(`http://localhost/api/v1/plan-years/x/indicators?${q}`), params({ year })),
      ),
  },
  'GET /api/v1/projects': {
    arbitrary: queryAround(LIST_PARAMS, SAMPLES),
    call: async (q: string) =>
      answer(await mod.projects.GET(bearer(`http://localhost/api/v1/projects?${q}`), undefined)),
  },
  'GET /api/v1/projects/[code]': {
    arbitrary: fc.tuple(pathSegment('YZ2025-0001', 'YZ2025-0100', 'yz2025-0001'), queryAround(['year'], SAMPLES)),
    call: async ([code, q]: [string, string]) =>
      answer(await mod.project.GET(bearer(`http://localhost/api/v1/projects/x?${q}`), params({ code }))),
  },
  'GET /api/v1/problems': {
    arbitrary: queryAround(PROBLEM_PARAMS, SAMPLES),
    call: async (q: string) =>
      answer(await mod.problems.GET(bearer(`http://localhost/api/v1/problems?${q}`), undefined)),
  },
  'GET /api/v1/problems/[number]': {
    arbitrary: fc.tuple(pathSegment('2025-1', '渝中协〔2025〕1号', '2025-99'), queryAround(['x'], SAMPLES)),
    call: async ([number, q]: [string, string]) =>
      answer(await mod.problem.GET(bearer(`http://localhost/api/v1/problems/x?${q}`), params({ number }))),
  },
  'GET /api/problems/export': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
    arbitrary: fc.tuple(
      role,
      queryAround([...PROBLEM_PARAMS.filter((p) => p !== 'pageSize' && p !== 'page'), 'size', 'hide'], SAMPLES),
    ),
    call: async ([r, q]: [Role | null, string]) => {
      await asRole(r);
      return answer(await mod.problemExport.GET(new NextRequest(`http://localhost/api/problems/export?${q}`)));
    },
  },
  // a download builds a whole workbook for each accepted request: a fifth of the runs keeps the file within its time
  'GET /api/projects/export': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
    arbitrary: fc.tuple(
      role,
      queryAround(
        [...LIST_PARAMS.filter((p) => p !== 'department' && p !== 'pageSize'), 'dept', 'size', 'hide'],
        SAMPLES,
      ),
    ),
    call: async ([r, q]: [Role | null, string]) => {
      await asRole(r);
      return answer(await mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?${q}`)));
    },
  },
  'GET /api/projects/template': {
    arbitrary: fc.tuple(role, queryAround(['year'], SAMPLES)),
    call: async ([r, q]: [Role | null, string]) => {
      await asRole(r);
      return answer(await mod.template.GET(new NextRequest(`http://localhost/api/projects/template?${q}`)));
    },
  },
  'GET /api/reports/month-sheet': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
    arbitrary: fc.tuple(role, queryAround(['year', 'month'], SAMPLES)),
    call: async ([r, q]: [Role | null, string]) => {
      await asRole(r);
      return answer(await mod.monthSheet.GET(new NextRequest(`http://localhost/api/reports/month-sheet?${q}`)));
    },
  },
  // the month sheet's upload: its walls (origin, sign-in, mode, length) and then the actions themselves, with a
  // form of hostile fields and bytes; a twentieth of the runs, as an accepted file costs a parse worker
  'POST /api/reports/month-sheet/upload': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 20)),
    arbitrary: fc.tuple(
      // mostly past the walls, so that most requests reach the action
      fc.oneof({ weight: 3, arbitrary: fc.constant<Role>('DEPARTMENT') }, role),
      fc.constantFrom('check', 'commit', 'check', 'commit', 'x', '__proto__'),
      fc.constantFrom('http://localhost', 'http://localhost', 'http://localhost', 'https://evil.example', null),
      fc.record({
        year: fc.oneof(weirdString, fc.constantFrom('2025', '1999')),
        month: fc.oneof(weirdString, fc.constantFrom('11', '13')),
        file: fc.option(
          fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('表.xlsx', '表.csv', '表.xls', 'x')),
        ),
      }),
      fc.constantFrom('true', 'true', 'true', 'over', 'none'),
    ),
    call: async ([r, mode, origin, fields, length]: [
      Role | null,
      string,
      string | null,
      { year: string; month: string; file: [Uint8Array, string] | null },
      string,
    ]) => {
      await asRole(r);
      actAs(r === null ? null : actors.get(r)!);
      const form = new FormData();
      form.set('year', fields.year);
      form.set('month', fields.month);
      if (fields.file) form.set('file', new File([new Uint8Array(fields.file[0])], fields.file[1]));
      const encoded = new Response(form);
      const body = new Uint8Array(await encoded.arrayBuffer());
      const headers: Record<string, string> = {
        host: 'localhost',
        'content-type': encoded.headers.get('content-type')!,
      };
      if (origin) headers.origin = origin;
      if (length !== 'none') headers['content-length'] = length === 'over' ? '99999999' : String(body.length);
      const request = new NextRequest(`http://localhost/api/reports/month-sheet/upload?mode=${mode}`, {
        method: 'POST',
        body,
        headers,
      });
      return answer(await mod.monthSheetUpload.POST(request));
    },
  },
  'GET /api/bulletins/[year]/[month]/xlsx': {
    arbitrary: fc.tuple(
      role,
      pathSegment('2025'),
      pathSegment('9', '09', '3'),
      fc.constantFrom('zh-CN', 'en', '\u0000', '__proto__'),
    ),
    call: async ([r, year, month, locale]: [Role | null, string, string, string]) => {
      await asRole(r);
      const request = new NextRequest('http://localhost/api/bulletins/x/x/xlsx', {
        headers: { cookie: `NEXT_LOCALE=${encodeURIComponent(locale)}` },
      });
      return answer(await mod.bulletinXlsx.GET(request, params({ year, month })));
    },
  },
  // the annual report's .docx: the bureau's and the admin's; builds the whole document for each accepted request
  'GET /api/plan-years/[year]/annual-report': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
    arbitrary: fc.tuple(role, pathSegment('2025', '2026', '1999', '20250')),
    call: async ([r, year]: [Role | null, string]) => {
      await asRole(r);
      const request = new NextRequest('http://localhost/api/plan-years/x/annual-report');
      return answer(await mod.annualReport.GET(request, params({ year })));
    },
  },
  // a file is served only after its record's check; ids of the department's own photo, another's and none
  'GET /api/attachments/[id]/[variant]': {
    arbitrary: fc.tuple(
      role,
      pathSegment(String(ATTACHMENT_ID), '1', '99999999999'),
      pathSegment('display', 'thumbnail', 'original'),
    ),
    call: async ([r, id, variant]: [Role | null, string, string]) => {
      await asRole(r);
      return answer(
        await mod.attachment.GET(new NextRequest('http://localhost/api/attachments/x/x'), params({ id, variant })),
      );
    },
  },
  // one file per request to a report or a milestone; a 201 only for the department's own draft and a real photo
  'POST /api/attachments': {
    runs: Math.max(1, Math.ceil(PBT_RUNS / 10)),
    arbitrary: fc.tuple(
      role,
      // half of them well-formed, so that the department's requests reach the file checks and the attaching
      fc.oneof(
        queryAround(['reportId', 'milestoneId'], {
          reportId: ['OWN', '1', '99999999999', '0'],
          milestoneId: ['1', '2'],
        }),
        fc.constant('reportId=OWN'),
      ),
      fc.constantFrom('photo', 'html', 'empty', 'bomb'),
      uploadName,
      fc.constantFrom('actual', 'huge', 'none', 'lie'),
    ),
    call: async ([r, q, body, name, length]: [Role | null, string, string, string, string]) => {
      await asRole(r);
      actAs(r === null ? null : actors.get(r)!);
      const bytes = UPLOADS.get(body)!;
      const declared = { actual: String(bytes.length), huge: '99999999999', none: null, lie: '3' }[length];
      const request = new NextRequest(`http://localhost/api/attachments?${q.replaceAll('OWN', String(ownDraftId))}`, {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: {
          host: 'localhost',
          origin: 'http://localhost',
          'x-file-name': name,
          ...(declared === null ? {} : { 'content-length': declared }),
        },
      });
      return answer(await mod.attachmentUpload.POST(request));
    },
  },
  // a project's photos by month (the lightbox's steps), under the list's own rule: own project, another's, none
  'GET /api/projects/[id]/attachments': {
    arbitrary: fc.tuple(role, pathSegment('1', '2', '60', '99999999999'), queryAround(['year'], SAMPLES)),
    call: async ([r, id, q]: [Role | null, string, string]) => {
      await asRole(r);
      return answer(
        await mod.projectAttachments.GET(
          new NextRequest(`http://localhost/api/projects/x/attachments?${q}`),
          params({ id }),
        ),
      );
    },
  },
};

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
  mod = await loadRoutes();
  token = await issueReadToken(t.db);
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
  ownDraftId = reportId;
  await t.db.monthlyReport.update({ where: { id: reportId }, data: { status: 'DRAFT' } });
  UPLOADS.set('photo', await photo({ width: 70 }));
  UPLOADS.set('html', hostile.htmlNamedJpg());
  UPLOADS.set('empty', hostile.empty());
  UPLOADS.set('bomb', decompressionBombPng());
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
    const authorize = credentialsCheck(mod);
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
