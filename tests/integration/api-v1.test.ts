/**
 * The read-only JSON API for the city's platform, called as the platform calls it: each story sends a `Request`
 * with a bearer token to the real route handlers, against a throwaway copy of the seeded database, and compares
 * what comes back with the data-access functions the pages use and with direct SQL sums over the same tables.
 * Authentication, the rollup and the document here; the project routes in api-v1-projects.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { apiClient, expectError, ok } from '../helpers/api-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof apiClient>>;
let openapiRoute: typeof import('@/app/api/v1/openapi.json/route');
let getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
let leader: Actor;
let revokedToken: string;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  api = await apiClient(t.db);
  openapiRoute = await import('@/app/api/v1/openapi.json/route');
  ({ getRollup } = await import('@/lib/server/dashboard/get-rollup'));
  ({ token: revokedToken } = await api.issue('已撤销', true));
}, 120_000);

afterAll(async () => t?.drop());

describe('authentication', () => {
  it('refuses a request without a token, with a malformed header, an unknown token or a revoked token', async () => {
    const cases: Request[] = [
      api.request('/projects', null),
      api.request('/projects', null, 'Basic YWRtaW46S2V5c3RvbmVAMjAyNQ=='),
      api.request('/projects', null, 'Bearer'),
      api.request('/projects', `ks_${'A'.repeat(43)}`),
      api.request('/projects', api.activeToken.slice(0, -1)),
      api.request('/projects', revokedToken),
    ];
    for (const req of cases) {
      const response = await api.projectsRoute.GET(req, undefined);
      const body = await expectError(response, 401, 'UNAUTHORIZED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(Object.keys(body)).toEqual(['error']);
    }
    // every protected route, not just the list
    await expectError(await api.rollup('2025', '', null), 401, 'UNAUTHORIZED');
    await expectError(await api.project('X', '', revokedToken), 401, 'UNAUTHORIZED');
  });

  it('accepts an active token and records when it was last used, at most once a minute', async () => {
    await t.db.apiToken.update({ where: { id: api.activeTokenId }, data: { lastUsedAt: null } });
    await ok(await api.projects('?pageSize=1'));
    const first = (await t.db.apiToken.findUniqueOrThrow({ where: { id: api.activeTokenId } })).lastUsedAt;
    expect(first).not.toBeNull();
    await ok(await api.projects('?pageSize=1'));
    const second = (await t.db.apiToken.findUniqueOrThrow({ where: { id: api.activeTokenId } })).lastUsedAt;
    expect(second?.getTime()).toBe(first?.getTime());
  });

  it('stops accepting a token as soon as it is revoked', async () => {
    const { token, id } = await api.issue('临时');
    await ok(await api.projects('?pageSize=1', token));
    await t.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await expectError(await api.projects('?pageSize=1', token), 401, 'UNAUTHORIZED');
  });
});

describe('GET /plan-years/{year}/rollup', () => {
  it('answers with getRollup’s figures, labelled 万元, for both bases', async () => {
    for (const basis of ['approved', 'submitted'] as const) {
      const body = await ok<Record<string, unknown>>(await api.rollup('2025', `?month=10&basis=${basis}`));
      const expected = await getRollup(t.db, leader, { year: 2025, month: 10, basis });
      expect(body).toEqual({ unit: '万元', ...JSON.parse(JSON.stringify(expected)) });
    }
  });

  it('sums the approved reports exactly as a direct SQL sum does', async () => {
    const body = await ok<{ completed: string; annualPlan: string; projectCount: number; month: number }>(
      await api.rollup('2025', '?month=9'),
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
    const body = await ok<{ month: number; currentMonth: number }>(await api.rollup('2025'));
    expect(body.month).toBe(Math.max(body.currentMonth - 1, 1));
  });

  it('answers 404 for a year without a plan and 400 for a bad month or basis', async () => {
    await expectError(await api.rollup('2031'), 404, 'NOT_FOUND');
    await expectError(await api.rollup('twenty'), 404, 'NOT_FOUND');
    for (const query of [
      '?month=13',
      '?month=0',
      '?month=abc',
      '?month=1.5',
      '?basis=official',
      '?month=3&month=4',
      '?months=3',
    ]) {
      const body = await expectError(await api.rollup('2025', query), 400, 'BAD_REQUEST');
      expect(body.error.details?.length, query).toBeGreaterThan(0);
    }
    const body = await expectError(await api.rollup('2025', '?month=13'), 400, 'BAD_REQUEST');
    expect(body.error.details).toEqual([{ parameter: 'month', message: 'month must be a whole number from 1 to 12' }]);
    expect(body.error.message).toContain('month');
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
      '/plan-years/{year}/indicators',
      '/plan-years/{year}/rollup',
      '/problems',
      '/problems/{number}',
      '/projects',
      '/projects/{code}',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const name of ['Error', 'Rollup', 'ProjectPage', 'ProjectListItem', 'Project', 'ProjectMonth']) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
    for (const path of ['/plan-years/{year}/rollup', '/projects', '/projects/{code}']) {
      expect(Object.keys(doc.paths[path]!.get!.responses).sort(), path).toEqual(['200', '400', '401', '404', '429']);
    }
    // every $ref points at a schema that exists
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });
});
