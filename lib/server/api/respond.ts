import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/log';
import { AppError } from '@/lib/server/errors';
import { throttle } from '@/lib/throttle';
import type { ZApiError } from './response-schemas';
import { authenticateApiToken, type ApiPrincipal } from './tokens';

/**
 * The JSON API's answers: one error shape `{ error: { code, message, details? } }`, never a stack trace, and
 * `Cache-Control: no-store` on everything (the figures change as reports are approved, and a token-bearing
 * request must not be served from a shared cache).
 */

/** the codes the OpenAPI document promises (response-schemas.ts), so the two cannot drift apart */
export type ApiErrorCode = z.infer<typeof ZApiError>['error']['code'];

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiError(
  status: 400 | 401 | 403 | 404 | 429 | 500,
  code: ApiErrorCode,
  message: string,
  details?: { parameter: string; message: string }[],
  extraHeaders: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="keystone-api"' } : {};
  return apiJson({ error: { code, message, ...(details ? { details } : {}) } }, status, {
    ...headers,
    ...extraHeaders,
  });
}

/** Too many requests from one token (lib/throttle.ts): say when to come back, in seconds and in the header. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  apiError(429, 'RATE_LIMITED', `Too many requests for this token: try again in ${retryAfterSeconds} s.`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });

export const badRequest = (details: { parameter: string; message: string }[]) =>
  apiError(400, 'BAD_REQUEST', details.map((d) => `${d.parameter}: ${d.message}`).join('; '), details);

export const notFound = (message: string) => apiError(404, 'NOT_FOUND', message);

/**
 * A route handler behind a bearer token: authenticates, hands the handler the API's actor, and turns what the
 * data-access layer throws into the API's error shape.
 */
export function withApiToken<C>(handler: (request: Request, principal: ApiPrincipal, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const principal = await authenticateApiToken(prisma, request.headers.get('authorization'));
      if (!principal) {
        return apiError(401, 'UNAUTHORIZED', 'A valid API token is required: send "Authorization: Bearer <token>".');
      }
      const wait = await throttle('api', String(principal.tokenId));
      if (wait !== null) return tooManyRequests(wait);
      return await handler(request, principal, context);
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'NOT_FOUND') return notFound(error.message);
        if (error.code === 'FORBIDDEN') return apiError(403, 'FORBIDDEN', 'This token may not read this resource.');
      }
      const requestId = request.headers.get('x-request-id');
      const ref = (requestId ?? randomUUID()).slice(0, 8);
      logger.error({ reqId: requestId, ref, path: new URL(request.url).pathname, err: error }, 'api request failed');
      return apiError(500, 'INTERNAL', `Internal error (ref ${ref}).`);
    }
  };
}
