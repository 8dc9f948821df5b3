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
import { actorOf } from '../helpers/actors';
import {
  Fingerprint,
  objectOf,
  pathSegment,
  PBT_RUNS,
  queryAround,
  Tally,
  weirdString,
} from '../helpers/property-inputs';
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
  sort: ['rate', 'name', 'nope'],
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
};

interface Call {
  status: number;
  contentType: string;
  body: Buffer;
}
type RouteCase = { arbitrary: fc.Arbitrary<unknown>; call: (input: never) => Promise<Call>; runs?: number };

let t: TestDatabase;
let getActor: ReturnType<typeof vi.fn>;
let token: string;
const actors = new Map<Role, SessionActor>();
const summary = new Tally();
const mod = {} as {
  rollup: typeof import('@/app/api/v1/plan-years/[year]/rollup/route');
  projects: typeof import('@/app/api/v1/projects/route');
  project: typeof import('@/app/api/v1/projects/[code]/route');
  openapi: typeof import('@/app/api/v1/openapi.json/route');
  exportRoute: typeof import('@/app/api/projects/export/route');
  template: typeof import('@/app/api/projects/template/route');
  bulletinXlsx: typeof import('@/app/api/bulletins/[year]/[month]/xlsx/route');
  authOptions: typeof import('@/lib/auth/options').authOptions;
};

async function answer(response: Response): Promise<Call> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const bearer = (url: string) => new Request(url, { headers: { authorization: `Bearer ${token}` } });
const role = fc.constantFrom<Role | null>('ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER', null);
/** A session route's request as a role (or nobody). */
const asRole = async (r: Role | null) => getActor.mockResolvedValue(r === null ? null : actors.get(r));

const ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/openapi.json': {
    arbitrary: queryAround(['x']),
    call: async () => answer(await mod.openapi.GET()),
  },
  'GET /api/v1/plan-years/[year]/rollup': {
    arbitrary: fc.tuple(pathSegment('2025'), queryAround(['month', 'basis'], SAMPLES)),
    call: async ([year, q]: [string, string]) =>
      answer(await mod.rollup.GET(bearer(`http://localhost/api/v1/plan-years/x/rollup?${q}`), params({ year }))),
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
  Object.assign(mod, {
    rollup: await import('@/app/api/v1/plan-years/[year]/rollup/route'),
    projects: await import('@/app/api/v1/projects/route'),
    project: await import('@/app/api/v1/projects/[code]/route'),
    openapi: await import('@/app/api/v1/openapi.json/route'),
    exportRoute: await import('@/app/api/projects/export/route'),
    template: await import('@/app/api/projects/template/route'),
    bulletinXlsx: await import('@/app/api/bulletins/[year]/[month]/xlsx/route'),
    authOptions: (await import('@/lib/auth/options')).authOptions,
  });
  const tokens = await import('@/lib/server/api/tokens');
  const generated = tokens.generateApiToken();
  token = generated.token;
  // last used "in the future": a read never records its use, so the tables stay as they were across every request
  await t.db.apiToken.create({
    data: {
      name: 'property',
      tokenHash: generated.tokenHash,
      prefix: generated.prefix,
      lastUsedAt: new Date('2100-01-01'),
    },
  });
  for (const r of Object.keys(USERS) as Role[]) {
    actors.set(r, await actorOf(t.db, USERS[r]));
  }
  // a published bulletin, so the bulletin download has something to export
  await publishedBulletin(9, '性质测试通报', '正文');
}, 120_000);

/** A published bulletin of a month, with the figures of that month frozen in it, as drafting and publishing leave it. */
async function publishedBulletin(month: number, title: string, body: string) {
  const { takeBulletinFigures } = await import('@/lib/server/bulletins/figures');
  const planYear = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const figures = await takeBulletinFigures(t.db, actors.get('BUREAU')!, planYear, month);
  await t.db.bulletin.create({
    data: {
      planYearId: planYear.id,
      month,
      title,
      body,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      figures: JSON.parse(JSON.stringify(figures)),
    },
  });
}

afterAll(async () => {
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
          tally.add(String(call.status));
          summary.add(String(call.status));
          expect(call.status, `${name} answered ${call.status}: ${call.body.toString('utf8', 0, 300)}`).toBeLessThan(
            500,
          );
          if (call.status >= 400) {
            expect(call.contentType).toContain('application/json');
            expect(() => JSON.parse(call.body.toString('utf8'))).not.toThrow();
          } else if (call.contentType.includes('spreadsheetml')) {
            expect(call.body.subarray(0, 2).toString()).toBe('PK');
            // reading a workbook back costs; the first few of each route are enough to catch an unreadable one
            if (readBack++ < 5) await new ExcelJS.Workbook().xlsx.load(call.body as unknown as ArrayBuffer);
          }
          const written = await fingerprint.settle();
          if (call.status >= 400)
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
    const provider = mod.authOptions.providers.find((p) => p.id === 'credentials') as unknown as {
      options: { authorize: (c: unknown, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const fingerprint = new Fingerprint(t.db);
    await fingerprint.start();
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(credentials, async (input) => {
        const outcome = await provider.options.authorize(input, { headers: { 'x-forwarded-for': '127.0.0.9' } }).then(
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

describe('a text no spreadsheet can hold, stored before the text rule existed', () => {
  it('leaves the exported project list and bulletin readable, the text kept without those characters', async () => {
    const project = await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await t.db.project.update({ where: { id: project.id }, data: { name: '旧数据\uFFFE项目\u0001名称\uFFFF' } });
    await publishedBulletin(3, '旧通报\uFFFE标题', '正文\u0001一段');
    await asRole('BUREAU');

    const exported = await answer(
      await mod.exportRoute.GET(new NextRequest('http://localhost/api/projects/export?year=2025')),
    );
    expect(exported.status).toBe(200);
    const workbook = await new ExcelJS.Workbook().xlsx.load(exported.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('旧数据项目名称');

    const bulletin = await answer(
      await mod.bulletinXlsx.GET(
        new NextRequest('http://localhost/api/bulletins/2025/3/xlsx'),
        params({ year: '2025', month: '3' }),
      ),
    );
    expect(bulletin.status).toBe(200);
    const book = await new ExcelJS.Workbook().xlsx.load(bulletin.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('旧通报标题');
    expect(cells.some((c) => c.includes('正文一段'))).toBe(true);
  });
});

describe('the requests that answered with a server error before', () => {
  const json = (call: Call) =>
    JSON.parse(call.body.toString('utf8')) as { code?: string; error?: { details?: { parameter: string }[] } };

  it('?__proto__=1 and ?constructor=1 are unknown parameters: the API answers 400 naming them, the export ignores them', async () => {
    for (const name of ['__proto__', 'constructor']) {
      const api = await answer(await mod.projects.GET(bearer(`http://localhost/api/v1/projects?${name}=1`), undefined));
      expect(api.status).toBe(400);
      expect(json(api).error?.details?.map((d) => d.parameter)).toEqual([name]);
      const rollup = await answer(
        await mod.rollup.GET(
          bearer(`http://localhost/api/v1/plan-years/2025/rollup?${name}=1`),
          params({ year: '2025' }),
        ),
      );
      expect(rollup.status).toBe(400);
      await asRole('BUREAU');
      const exported = await answer(
        await mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?year=2025&${name}=1`)),
      );
      expect(exported.status).toBe(200);
    }
  });

  it('a NUL or U+FFFE in ?q= or ?area= is a 400 naming the parameter, from the API and from the export', async () => {
    await asRole('BUREAU');
    for (const [name, value] of [
      ['q', '%00'],
      ['area', '%EF%BF%BE'],
      ['q', 'a%ED%A0%80'],
    ] as const) {
      const api = await answer(
        await mod.projects.GET(bearer(`http://localhost/api/v1/projects?${name}=${value}`), undefined),
      );
      const exported = await answer(
        await mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?year=2025&${name}=${value}`)),
      );
      if (value === 'a%ED%A0%80') {
        // bad UTF-8 is decoded to U+FFFD, an ordinary character: a search that finds nothing
        expect([api.status, exported.status]).toEqual([200, 200]);
        continue;
      }
      expect(api.status).toBe(400);
      expect(json(api).error?.details?.map((d) => d.parameter)).toEqual([name]);
      expect(exported.status).toBe(400);
      expect(json(exported).code).toBe('VALIDATION');
    }
  });

  it('a sign-in with a NUL in the username is refused before the database is asked', async () => {
    const provider = mod.authOptions.providers.find((p) => p.id === 'credentials') as unknown as {
      options: { authorize: (c: unknown, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const fingerprint = new Fingerprint(t.db);
    await fingerprint.start();
    await expect(
      provider.options.authorize({ username: 'zjw\u0000', password: 'Keystone@2025' }, { headers: {} }),
    ).resolves.toBeNull();
    expect((await fingerprint.settle()).changed).toBe(false);
  });
});
