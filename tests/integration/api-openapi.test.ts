/**
 * The OpenAPI document is generated from the code (lib/server/api/openapi.ts); this test holds it to what the API
 * really does. It calls every endpoint under app/api/v1 for every answer the document promises (200, 400, 401,
 * 404, 429), against a seeded throwaway database, and validates each real answer with a JSON Schema validator against
 * the schema the document gives for that path and status. The schemas forbid fields they do not describe, so an
 * answer that gains, loses or retypes a field fails here.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDateOnly } from '@/lib/domain/date-only';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.resolve(__dirname, '../..');
const API_DIR = path.join(ROOT, 'app/api/v1');
const DOC_ID = 'https://keystone.local/api/v1/openapi.json';

type Routes = {
  rollup: typeof import('@/app/api/v1/plan-years/[year]/rollup/route');
  indicators: typeof import('@/app/api/v1/plan-years/[year]/indicators/route');
  projects: typeof import('@/app/api/v1/projects/route');
  project: typeof import('@/app/api/v1/projects/[code]/route');
  problems: typeof import('@/app/api/v1/problems/route');
  problem: typeof import('@/app/api/v1/problems/[number]/route');
  openapi: typeof import('@/app/api/v1/openapi.json/route');
};

interface Document {
  openapi: string;
  paths: Record<string, { get: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }>;
  components: { schemas: Record<string, unknown> };
}

let t: TestDatabase;
let routes: Routes;
let doc: Document;
let ajv: Ajv2020;
let token: string;

/** Every (path, status) the document promises, and whether a real answer was checked against it. */
const seen = new Set<string>();

const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

function request(url: string, bearer: string | null = token): Request {
  return new Request(`http://localhost/api/v1${url}`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });
}

/** The API path of a route file: app/api/v1/projects/[code]/route.ts → /projects/{code}. */
function routePaths(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routePaths(full, `${prefix}/${name.replace(/^\[(.+)\]$/, '{$1}')}`);
    return name === 'route.ts' ? [prefix] : [];
  });
}

function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

/** The document's schema for the answer of `apiPath` with `status`, compiled against the document itself. */
function responseValidator(apiPath: string, status: number) {
  const pointer = ['paths', apiPath, 'get', 'responses', String(status), 'content', 'application/json', 'schema']
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  const validate = ajv.getSchema(`${DOC_ID}#/${pointer}`);
  if (!validate) throw new Error(`the document has no ${status} answer for ${apiPath}`);
  return validate;
}

/** Validates a real answer against the document and records that this (path, status) was exercised. */
async function conforms(apiPath: string, response: Response, status: number): Promise<unknown> {
  expect(response.status, `${apiPath}: ${await response.clone().text()}`).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body: unknown = await response.json();
  const validate = responseValidator(apiPath, status);
  expect(validate(body), `${apiPath} ${status}:\n${explain(validate.errors)}`).toBe(true);
  seen.add(`${apiPath} ${status}`);
  return body;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  process.env.DATABASE_URL = t.url;
  routes = {
    rollup: await import('@/app/api/v1/plan-years/[year]/rollup/route'),
    indicators: await import('@/app/api/v1/plan-years/[year]/indicators/route'),
    projects: await import('@/app/api/v1/projects/route'),
    project: await import('@/app/api/v1/projects/[code]/route'),
    problems: await import('@/app/api/v1/problems/route'),
    problem: await import('@/app/api/v1/problems/[number]/route'),
    openapi: await import('@/app/api/v1/openapi.json/route'),
  };
  const tokens = await import('@/lib/server/api/tokens');
  const issued = tokens.generateApiToken();
  await t.db.apiToken.create({ data: { name: '文档校验', tokenHash: issued.tokenHash, prefix: issued.prefix } });
  token = issued.token;

  doc = (await routes.openapi.GET().json()) as Document;
  ajv = new Ajv2020({ allErrors: true, strict: true });
  // the OpenAPI document's own fields are not JSON Schema keywords; schemas are read from inside them by pointer
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
  ajv.addFormat('date', isDateOnly);
  ajv.addSchema({ ...doc, $id: DOC_ID });
}, 120_000);

afterAll(async () => {
  const { prisma } = await import('@/lib/db');
  await prisma.$disconnect();
  await t?.drop();
});

describe('the OpenAPI document', () => {
  it('describes every route under app/api/v1, and no other', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(routePaths(API_DIR).sort());
    expect(doc.openapi).toBe('3.1.0');
  });

  it('names every path parameter of a path in its parameters', () => {
    for (const [apiPath, item] of Object.entries(doc.paths)) {
      const inPath = [...apiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (item.get.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, apiPath).toEqual(inPath);
    }
  });

  it('would notice an answer that drifted from it', async () => {
    const page = (await conforms(
      '/projects',
      await routes.projects.GET(request('/projects?pageSize=1'), undefined),
      200,
    )) as Record<string, unknown>;
    const validate = responseValidator('/projects', 200);
    expect(validate({ ...page, undocumented: 1 })).toBe(false);
    const { unit: _unit, ...withoutUnit } = page;
    expect(validate(withoutUnit)).toBe(false);
    expect(validate({ ...page, total: String(page.total) })).toBe(false);
  });
});

describe('every endpoint answers as the document says', () => {
  it('GET /plan-years/{year}/rollup', async () => {
    const call = (year: string, query = '', bearer?: string | null) =>
      routes.rollup.GET(request(`/plan-years/${year}/rollup${query}`, bearer), params({ year }));
    const P = '/plan-years/{year}/rollup';
    await conforms(P, await call('2025'), 200);
    await conforms(P, await call('2025', '?month=3&basis=submitted'), 200);
    await conforms(P, await call('2025', '?month=12'), 200);
    await conforms(P, await call('2025', '?month=13'), 400);
    await conforms(P, await call('2025', '?basis=approved&basis=submitted'), 400);
    await conforms(P, await call('twenty'), 404);
    await conforms(P, await call('2025', '', null), 401);
    await conforms(P, await call('2031'), 404);
  });

  it('GET /plan-years/{year}/indicators', async () => {
    const call = (year: string, query = '', bearer?: string | null) =>
      routes.indicators.GET(request(`/plan-years/${year}/indicators${query}`, bearer), params({ year }));
    const P = '/plan-years/{year}/indicators';
    await conforms(P, await call('2025'), 200);
    await conforms(P, await call('2025', '?month=3'), 400);
    await conforms(P, await call('twenty'), 404);
    await conforms(P, await call('2025', '', null), 401);
    await conforms(P, await call('2031'), 404);
  });

  it('GET /projects', async () => {
    const call = (query = '', bearer?: string | null) =>
      routes.projects.GET(request(`/projects${query}`, bearer), undefined);
    const P = '/projects';
    const first = (await conforms(P, await call(), 200)) as { data: { departmentId: number; area: string }[] };
    const { departmentId, area } = first.data[0]!;
    await conforms(P, await call('?stage=PRELIMINARY&pageSize=200'), 200);
    await conforms(
      P,
      await call(`?department=${departmentId}&area=${encodeURIComponent(area)}&sort=rate&dir=desc`),
      200,
    );
    await conforms(P, await call('?warning=red,yellow&investor=SOCIAL&direction=REAL_ESTATE&q=轨道'), 200);
    await conforms(P, await call('?year=2025&page=100000'), 200);
    await conforms(P, await call('?stage=SOMETIME'), 400);
    await conforms(P, await call('?stages=PRELIMINARY'), 400);
    await conforms(P, await call('', null), 401);
    await conforms(P, await call('?year=2031'), 404);
  });

  it('GET /projects/{code}', async () => {
    const call = (code: string, query = '', bearer?: string | null) =>
      routes.project.GET(request(`/projects/${encodeURIComponent(code)}${query}`, bearer), params({ code }));
    const P = '/projects/{code}';
    // one project of each stage (a 前期 project has no annual plan), one with reports in every state
    for (const stage of ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'] as const) {
      const { project } = await t.db.projectPlan.findFirstOrThrow({
        where: { stage, planYear: { year: 2025 } },
        select: { project: { select: { code: true } } },
        orderBy: { id: 'asc' },
      });
      await conforms(P, await call(project.code, '?year=2025'), 200);
    }
    const reported = await t.db.monthlyReport.findFirstOrThrow({
      where: { status: 'RETURNED' },
      select: { plan: { select: { project: { select: { code: true } } } } },
    });
    await conforms(P, await call(reported.plan.project.code), 200);
    // a plan year the project has no plan in: `plan` is null
    const code = reported.plan.project.code;
    await t.db.planYear.create({ data: { year: 2030, title: '渝中区2030年重点项目计划', approvedInvestment: '0' } });
    const planless = (await conforms(P, await call(code, '?year=2030'), 200)) as { plan: unknown };
    expect(planless.plan).toBeNull();
    await conforms(P, await call(code, '?year=next'), 400);
    await conforms(P, await call(code, '?yr=2025'), 400);
    await conforms(P, await call(code, '', null), 401);
    await conforms(P, await call('NO-SUCH-CODE'), 404);
    await conforms(P, await call(code, '?year=2031'), 404);
  });

  it('GET /problems', async () => {
    const { insertProblem, departmentId } = await import('../helpers/problems');
    const own = await departmentId(t.db, '区住房城乡建委');
    const project = await t.db.project.findFirstOrThrow({ where: { departmentId: own }, orderBy: { id: 'asc' } });
    await insertProblem(t.db, {
      raisedByDepartmentId: own,
      leadDepartmentId: own,
      projectId: project.id,
      dueDate: '2025-01-10',
      reply: '进展',
    });
    await insertProblem(t.db, {
      raisedByDepartmentId: own,
      status: 'CLOSED',
      leadDepartmentId: own,
      dueDate: '2025-01-10',
      supervised: true,
    });
    const call = (query = '', bearer?: string | null) =>
      routes.problems.GET(request(`/problems${query}`, bearer), undefined);
    const P = '/problems';
    const all = (await conforms(P, await call(), 200)) as { total: number; data: { project: unknown }[] };
    // the demo's problems and the two above
    expect(all.total).toBe(await t.db.problem.count());
    await conforms(
      P,
      await call(`?overdue=true&status=IN_PROGRESS,PENDING&lead=${own}&sort=daysOverdue&year=2025`),
      200,
    );
    await conforms(P, await call('?q=2025-1&pageSize=100&page=3'), 200);
    await conforms(P, await call('?overdue=yes'), 400);
    await conforms(P, await call('?statuses=CLOSED'), 400);
    await conforms(P, await call('?pageSize=101'), 400);
    await conforms(P, await call('', null), 401);
    await conforms(P, await call('?year=2031'), 404);
  });

  it('GET /problems/{number}', async () => {
    const call = (number: string, query = '', bearer?: string | null) =>
      routes.problem.GET(request(`/problems/${encodeURIComponent(number)}${query}`, bearer), params({ number }));
    const P = '/problems/{number}';
    const open = (await conforms(P, await call('2025-1'), 200)) as { number: string; entries: unknown[] };
    expect(open.number).toBe('渝中协〔2025〕1号');
    expect(open.entries.length).toBeGreaterThan(1);
    await conforms(P, await call('渝中协〔2025〕2号'), 200);
    await conforms(P, await call('2025-1', '?expand=all'), 400);
    await conforms(P, await call('2025-1', '', null), 401);
    await conforms(P, await call('2025-999'), 404);
    await conforms(P, await call('not-a-number'), 404);
  });

  it('GET /openapi.json', async () => {
    await conforms('/openapi.json', routes.openapi.GET(), 200);
  });

  it('answers 429 with Retry-After on every token-bearing path once the token is over its limit', async () => {
    const previous = process.env.KEYSTONE_API_RATE_LIMIT;
    process.env.KEYSTONE_API_RATE_LIMIT = '1/60';
    try {
      const tokens = await import('@/lib/server/api/tokens');
      const { project } = await t.db.projectPlan.findFirstOrThrow({
        where: { planYear: { year: 2025 } },
        select: { project: { select: { code: true } } },
        orderBy: { id: 'asc' },
      });
      const year = { year: '2025' };
      const calls: Record<string, (bearer: string) => Promise<Response>> = {
        '/plan-years/{year}/rollup': (b) => routes.rollup.GET(request('/plan-years/2025/rollup', b), params(year)),
        '/plan-years/{year}/indicators': (b) =>
          routes.indicators.GET(request('/plan-years/2025/indicators', b), params(year)),
        '/projects': (b) => routes.projects.GET(request('/projects?pageSize=1', b), undefined),
        '/projects/{code}': (b) =>
          routes.project.GET(request(`/projects/${encodeURIComponent(project.code)}`, b), params(project)),
        '/problems': (b) => routes.problems.GET(request('/problems?pageSize=1', b), undefined),
        '/problems/{number}': (b) => routes.problem.GET(request('/problems/2025-1', b), params({ number: '2025-1' })),
      };
      for (const [apiPath, call] of Object.entries(calls)) {
        // a token of its own per path: each has its allowance of one request a minute
        const issued = tokens.generateApiToken();
        await t.db.apiToken.create({
          data: { name: `限流 ${apiPath}`, tokenHash: issued.tokenHash, prefix: issued.prefix },
        });
        expect((await call(issued.token)).status).toBe(200);
        const refused = await call(issued.token);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        await conforms(apiPath, refused, 429);
      }
    } finally {
      process.env.KEYSTONE_API_RATE_LIMIT = previous;
    }
  });

  it('left no answer of the document unexercised', () => {
    const promised = Object.entries(doc.paths).flatMap(([apiPath, item]) =>
      Object.keys(item.get.responses).map((status) => `${apiPath} ${status}`),
    );
    expect(promised.filter((p) => !seen.has(p))).toEqual([]);
  });
});
