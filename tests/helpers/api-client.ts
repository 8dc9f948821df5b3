/**
 * The read-only JSON API called as the city's platform calls it (tests/integration/api-v1*.test.ts): a `Request`
 * with a bearer token to the real route handlers, and what an answer must look like.
 */
import { expect } from 'vitest';
import type { Db } from '@/lib/prisma';
import { params } from './route-calls';

const BASE = 'http://localhost/api/v1';

export interface ErrorBody {
  error: { code: string; message: string; details?: { parameter: string; message: string }[] };
}

/** An error answer of this status and code, never cached, in JSON with a message; its body. */
export async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** A 200 answer, never cached; its body. */
export async function ok<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as T;
}

/**
 * The API's routes called with the token of a platform issued now (`activeToken`), or with the token given (null:
 * none). Make it after the test database is the app's: the routes are imported here (lib/db reads DATABASE_URL on
 * first import).
 */
export async function apiClient(db: Db) {
  const rollupRoute = await import('@/app/api/v1/plan-years/[year]/rollup/route');
  const projectsRoute = await import('@/app/api/v1/projects/route');
  const projectRoute = await import('@/app/api/v1/projects/[code]/route');
  const tokens = await import('@/lib/server/api/tokens');

  /** A new token in the database (revoked already, if asked); its secret and id. */
  async function issue(name: string, revoked = false) {
    const { token, tokenHash, prefix } = tokens.generateApiToken();
    const row = await db.apiToken.create({ data: { name, tokenHash, prefix, revokedAt: revoked ? new Date() : null } });
    return { token, id: row.id };
  }
  const active = await issue('市平台');

  function request(path: string, token: string | null = active.token, authorization?: string): Request {
    const headers: Record<string, string> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    else if (token !== null) headers.authorization = `Bearer ${token}`;
    return new Request(`${BASE}${path}`, { headers });
  }

  return {
    activeToken: active.token,
    activeTokenId: active.id,
    issue,
    request,
    projectsRoute,
    rollup: (year: string, query = '', token: string | null = active.token) =>
      rollupRoute.GET(request(`/plan-years/${year}/rollup${query}`, token), params({ year })),
    projects: (query = '', token: string | null = active.token) =>
      projectsRoute.GET(request(`/projects${query}`, token), undefined),
    project: (code: string, query = '', token: string | null = active.token) =>
      projectRoute.GET(request(`/projects/${encodeURIComponent(code)}${query}`, token), params({ code })),
  };
}
