/**
 * The read-only JSON API for the city's platform, called as the platform calls it: each story sends a `Request`
 * with a bearer token to the real route handlers, against a throwaway copy of the seeded database, and compares
 * what comes back with the data-access functions the pages use and with direct SQL sums over the same tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let rollupRoute: typeof import('@/app/api/v1/plan-years/[year]/rollup/route');
let projectsRoute: typeof import('@/app/api/v1/projects/route');
let projectRoute: typeof import('@/app/api/v1/projects/[code]/route');
let openapiRoute: typeof import('@/app/api/v1/openapi.json/route');
let tokens: typeof import('@/lib/server/api/tokens');
let getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
let listProjects: typeof import('@/lib/server/projects/list-projects').listProjects;

let leader: Actor;
let activeToken: string;
let activeTokenId: number;
let revokedToken: string;

const BASE = 'http://localhost/api/v1';

async function issue(name: string, revoked = false) {
  const { token, tokenHash, prefix } = tokens.generateApiToken();
  const row = await t.db.apiToken.create({ data: { name, tokenHash, prefix, revokedAt: revoked ? new Date() : null } });
  return { token, id: row.id };
}

function request(path: string, token: string | null = activeToken, authorization?: string): Request {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  return new Request(`${BASE}${path}`, { headers });
}

const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

async function rollup(year: string, query = '', token: string | null = activeToken) {
  return rollupRoute.GET(request(`/plan-years/${year}/rollup${query}`, token), params({ year }));
}
async function projects(query = '', token: string | null = activeToken) {
  return projectsRoute.GET(request(`/projects${query}`, token), undefined);
}
async function project(code: string, query = '', token: string | null = activeToken) {
  return projectRoute.GET(request(`/projects/${encodeURIComponent(code)}${query}`, token), params({ code }));
}

interface ErrorBody {
  error: { code: string; message: string; details?: { parameter: string; message: string }[] };
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

async function ok<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as T;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  rollupRoute = await import('@/app/api/v1/plan-years/[year]/rollup/route');
  projectsRoute = await import('@/app/api/v1/projects/route');
  projectRoute = await import('@/app/api/v1/projects/[code]/route');
  openapiRoute = await import('@/app/api/v1/openapi.json/route');
  tokens = await import('@/lib/server/api/tokens');
  ({ getRollup } = await import('@/lib/server/dashboard/get-rollup'));
  ({ listProjects } = await import('@/lib/server/projects/list-projects'));
  ({ token: activeToken, id: activeTokenId } = await issue('市平台'));
  ({ token: revokedToken } = await issue('已撤销', true));
}, 120_000);

afterAll(async () => t?.drop());

describe('authentication', () => {
  it('refuses a request without a token, with a malformed header, an unknown token or a revoked token', async () => {
    const cases: Request[] = [
      request('/projects', null),
      request('/projects', null, 'Basic YWRtaW46S2V5c3RvbmVAMjAyNQ=='),
      request('/projects', null, 'Bearer'),
      request('/projects', `ks_${'A'.repeat(43)}`),
      request('/projects', activeToken.slice(0, -1)),
      request('/projects', revokedToken),
    ];
    for (const req of cases) {
      const response = await projectsRoute.GET(req, undefined);
      const body = await expectError(response, 401, 'UNAUTHORIZED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(Object.keys(body)).toEqual(['error']);
    }
    // every protected route, not just the list
    await expectError(await rollup('2025', '', null), 401, 'UNAUTHORIZED');
    await expectError(await project('X', '', revokedToken), 401, 'UNAUTHORIZED');
  });

  it('accepts an active token and records when it was last used, at most once a minute', async () => {
    await t.db.apiToken.update({ where: { id: activeTokenId }, data: { lastUsedAt: null } });
    await ok(await projects('?pageSize=1'));
    const first = (await t.db.apiToken.findUniqueOrThrow({ where: { id: activeTokenId } })).lastUsedAt;
    expect(first).not.toBeNull();
    await ok(await projects('?pageSize=1'));
    const second = (await t.db.apiToken.findUniqueOrThrow({ where: { id: activeTokenId } })).lastUsedAt;
    expect(second?.getTime()).toBe(first?.getTime());
  });

  it('stops accepting a token as soon as it is revoked', async () => {
    const { token, id } = await issue('临时');
    await ok(await projects('?pageSize=1', token));
    await t.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await expectError(await projects('?pageSize=1', token), 401, 'UNAUTHORIZED');
  });
});

describe('GET /plan-years/{year}/rollup', () => {
  it('answers with getRollup’s figures, labelled 万元, for both bases', async () => {
    for (const basis of ['approved', 'submitted'] as const) {
      const body = await ok<Record<string, unknown>>(await rollup('2025', `?month=10&basis=${basis}`));
      const expected = await getRollup(t.db, leader, { year: 2025, month: 10, basis });
      expect(body).toEqual({ unit: '万元', ...JSON.parse(JSON.stringify(expected)) });
    }
  });

  it('sums the approved reports exactly as a direct SQL sum does', async () => {
    const body = await ok<{ completed: string; annualPlan: string; projectCount: number; month: number }>(
      await rollup('2025', '?month=9'),
    );
    const [sums] = await t.db.$queryRaw<{ completed: string; plan: string }[]>`
      SELECT (SELECT COALESCE(sum(r."approvedInvested"), 0) FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
               JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2025 AND r.month <= 9)::numeric(18, 2)::text AS completed,
             (SELECT COALESCE(sum(pp."annualPlan"), 0) FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
               WHERE y.year = 2025)::numeric(18, 2)::text AS plan`;
    expect(body.month).toBe(9);
    expect(body.completed).toBe(sums!.completed);
    expect(Number(body.completed)).toBeGreaterThan(0);
    expect(body.annualPlan).toBe(sums!.plan);
    expect(body.annualPlan).toBe('2478000.00');
    expect(body.projectCount).toBe(421);
  });

  it('defaults to the last closed month, as the dashboard does', async () => {
    const body = await ok<{ month: number; currentMonth: number }>(await rollup('2025'));
    expect(body.month).toBe(Math.max(body.currentMonth - 1, 1));
  });

  it('answers 404 for a year without a plan and 400 for a bad month or basis', async () => {
    await expectError(await rollup('2031'), 404, 'NOT_FOUND');
    await expectError(await rollup('twenty'), 404, 'NOT_FOUND');
    for (const query of [
      '?month=13',
      '?month=0',
      '?month=abc',
      '?month=1.5',
      '?basis=official',
      '?month=3&month=4',
      '?months=3',
    ]) {
      const body = await expectError(await rollup('2025', query), 400, 'BAD_REQUEST');
      expect(body.error.details?.length, query).toBeGreaterThan(0);
    }
    const body = await expectError(await rollup('2025', '?month=13'), 400, 'BAD_REQUEST');
    expect(body.error.details).toEqual([{ parameter: 'month', message: 'month must be a whole number from 1 to 12' }]);
    expect(body.error.message).toContain('month');
  });
});

interface ProjectPage {
  data: { code: string; stage: string; departmentId: number; annualPlan: string | null; ytdApproved: string }[];
  page: number;
  pageSize: number;
  total: number;
  year: number;
  unit: string;
}

describe('GET /projects', () => {
  it('pages through all 421 projects of the default year, in the list’s order, without overlap', async () => {
    const first = await ok<ProjectPage>(await projects('?pageSize=200'));
    expect(first).toMatchObject({ page: 1, pageSize: 200, total: 421, year: 2025, unit: '万元' });
    expect(first.data).toHaveLength(200);
    const third = await ok<ProjectPage>(await projects('?year=2025&pageSize=200&page=3'));
    expect(third.data).toHaveLength(21);
    const second = await ok<ProjectPage>(await projects('?year=2025&pageSize=200&page=2'));
    const codes = [...first.data, ...second.data, ...third.data].map((p) => p.code);
    expect(new Set(codes).size).toBe(421);
    expect(codes).toEqual([...codes].sort());
    // the same rows listProjects gives the project list page
    const listed = await listProjects(t.db, leader, { year: 2025, page: 2, pageSize: 200 });
    expect(second.data).toEqual(JSON.parse(JSON.stringify(listed!.items)));
  });

  it('filters as the list does: stage, investor, warning, department, search', async () => {
    const newStarts = await ok<ProjectPage>(await projects('?stage=NEW_START&pageSize=200'));
    expect(newStarts.total).toBe(126);
    expect(newStarts.data.every((p) => p.stage === 'NEW_START')).toBe(true);

    const two = await ok<ProjectPage>(await projects('?stage=COMPLETION,ONGOING&pageSize=1'));
    const repeated = await ok<ProjectPage>(await projects('?stage=COMPLETION&stage=ONGOING&pageSize=1'));
    expect(two.total).toBe(86 + 54);
    expect(repeated.total).toBe(two.total);

    const zjw = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw' } });
    const byDepartment = await ok<ProjectPage>(
      await projects(`?department=${zjw.departmentId}&warning=red,yellow&investor=DISTRICT&pageSize=200`),
    );
    const listed = await listProjects(t.db, leader, {
      year: 2025,
      pageSize: 200,
      departmentIds: [zjw.departmentId!],
      warnings: ['red', 'yellow'],
      investorTypes: ['DISTRICT'],
    });
    expect(byDepartment.total).toBe(listed!.total);
    expect(byDepartment.data.map((p) => p.code)).toEqual(listed!.items.map((p) => p.code));
    expect(byDepartment.data.every((p) => p.departmentId === zjw.departmentId)).toBe(true);

    const sample = newStarts.data[0]!;
    const found = await ok<ProjectPage>(await projects(`?q=${encodeURIComponent(sample.code.toLowerCase())}`));
    expect(found.data.map((p) => p.code)).toContain(sample.code);
  });

  it('answers 400 with the validation messages for bad parameters, and 404 for an unknown year', async () => {
    const cases: [string, string][] = [
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=500', 'pageSize'],
      ['?page=abc', 'page'],
      ['?stage=FINISHED', 'stage'],
      ['?warning=orange', 'warning'],
      ['?department=zjw', 'department'],
      ['?sort=budget', 'sort'],
      ['?year=25', 'year'],
      ['?stages=NEW_START', 'stages'],
    ];
    for (const [query, parameter] of cases) {
      const body = await expectError(await projects(query), 400, 'BAD_REQUEST');
      expect(
        body.error.details?.map((d) => d.parameter),
        query,
      ).toContain(parameter);
    }
    const body = await expectError(await projects('?stage=FINISHED'), 400, 'BAD_REQUEST');
    expect(body.error.details![0]!.message).toBe('stage must be one of COMPLETION, ONGOING, NEW_START, PRELIMINARY');
    await expectError(await projects('?year=2031'), 404, 'NOT_FOUND');
  });
});

interface ProjectBody {
  code: string;
  name: string;
  department: { id: number; name: string };
  contactPhone?: unknown;
  unit: string;
  plan: {
    year: number;
    annualPlan: string | null;
    totals: { planned: string; reported: string; approved: string };
    months: {
      month: number;
      planned: string | null;
      reported: string | null;
      status: string | null;
      approved: string | null;
    }[];
  } | null;
}

describe('GET /projects/{code}', () => {
  it('answers with the project, its plan and twelve months of history, as getProject and the database have them', async () => {
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, stage: 'ONGOING', reports: { some: { status: 'APPROVED' } } },
      include: { project: { include: { department: true } } },
      orderBy: { id: 'asc' },
    });
    const body = await ok<ProjectBody>(await project(plan.project.code, '?year=2025'));
    expect(body).toMatchObject({
      code: plan.project.code,
      name: plan.project.name,
      department: { id: plan.project.departmentId, name: plan.project.department.name },
      unit: '万元',
    });
    expect(body).not.toHaveProperty('contactPhone');
    expect(body.plan!.year).toBe(2025);
    expect(body.plan!.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const reports = await t.db.monthlyReport.findMany({ where: { planId: plan.id } });
    const items = await t.db.monthlyPlanItem.findMany({ where: { planId: plan.id } });
    for (const m of body.plan!.months) {
      const report = reports.find((r) => r.month === m.month);
      expect(m.status, `month ${m.month}`).toBe(report?.status ?? null);
      expect(m.reported).toBe(report?.investedThisMonth.toFixed(2) ?? null);
      expect(m.approved).toBe(report?.approvedInvested?.toFixed(2) ?? null);
      expect(m.planned).toBe(items.find((i) => i.month === m.month)?.amount.toFixed(2) ?? null);
    }
    const approved = body.plan!.months.reduce((a, m) => a + Math.round(Number(m.approved ?? 0) * 100), 0);
    expect(approved).toBe(Math.round(Number(body.plan!.totals.approved) * 100));
    expect(body.plan!.months.some((m) => m.status === 'APPROVED')).toBe(true);

    // without ?year, the year the pages show (the active one)
    const byDefault = await ok<ProjectBody>(await project(plan.project.code));
    expect(byDefault.plan!.year).toBe(2025);
  });

  it('answers 404 for an unknown code or year, and 400 for a bad year', async () => {
    const body = await expectError(await project('NO-SUCH-CODE'), 404, 'NOT_FOUND');
    expect(body.error.message).toContain('NO-SUCH-CODE');
    const code = (await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } })).code;
    await expectError(await project(code, '?year=2031'), 404, 'NOT_FOUND');
    await expectError(await project(code, '?year=next'), 400, 'BAD_REQUEST');
    await expectError(await project(code, '?yr=2025'), 400, 'BAD_REQUEST');
  });
});

describe('GET /openapi.json', () => {
  it('needs no token and describes every path, its schemas and the bearer scheme', async () => {
    const response = openapiRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const doc = JSON.parse(await response.text()) as {
      openapi: string;
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: {
        securitySchemes: Record<string, { type: string; scheme: string }>;
        schemas: Record<string, unknown>;
      };
      security: unknown[];
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/openapi.json',
      '/plan-years/{year}/rollup',
      '/projects',
      '/projects/{code}',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const name of ['Error', 'Rollup', 'ProjectPage', 'ProjectListItem', 'Project', 'ProjectMonth']) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
    for (const path of ['/plan-years/{year}/rollup', '/projects', '/projects/{code}']) {
      expect(Object.keys(doc.paths[path]!.get!.responses).sort(), path).toEqual(['200', '400', '401', '404']);
    }
    // every $ref points at a schema that exists
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });
});
