import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/secret';
import { encodeSessionToken, sessionCookieName, sessionCookieOptions } from '@/lib/auth/session-cookie';
import { SESSION_RENEW_AFTER_SECONDS, withinAbsoluteLifetime } from '@/lib/auth/session-policy';
import { requestIdFrom } from '@/lib/http/request-id';
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

/** Paths any visitor may reach: the login page and every API route (which answer 401 themselves). */
function isPublic(pathname: string): boolean {
  return pathname === '/login' || pathname.startsWith('/login/') || pathname.startsWith('/api/');
}

/**
 * For every request but Next's static assets:
 * - a request id for the logs (x-request-id, returned as X-Request-Id): the caller's own when it is a bounded id of
 *   safe characters (a load balancer's), else a fresh one (lib/http/request-id.ts);
 * - a fresh nonce and the Content-Security-Policy built on it (Next.js reads the policy from the request headers
 *   and puts the nonce on its scripts), plus HSTS when the app is served over https;
 * - visitors without a usable session token are sent to the login page, remembering where they were going;
 * - an active session's cookie is renewed, sliding its 8 idle hours forward, until its absolute 12 hours end.
 * It decides nothing else: a valid token may belong to a user deactivated or signed out everywhere since, and every
 * page, action and data-access function checks the user and the record itself (lib/auth/session.ts, lib/server/*).
 */
export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === 'https:' || (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  // Every log line of this request carries it (lib/log.ts); the response names it too, for a support call.
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const withHeaders = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', csp);
    response.headers.set('X-Request-Id', requestId);
    if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    return response;
  };
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-id', requestId);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });

  if (isPublic(request.nextUrl.pathname)) return withHeaders(next());

  const secret = getAuthSecret();
  const token = secret ? await getToken({ req: request, secret, secureCookie: https }) : null;
  const nowSeconds = Date.now() / 1000;
  if (token && secret && withinAbsoluteLifetime(token, nowSeconds)) {
    const response = next();
    const issuedAt = typeof token.iat === 'number' ? token.iat : 0;
    if (nowSeconds - issuedAt > SESSION_RENEW_AFTER_SECONDS) {
      // signedInAt and sessionVersion travel on unchanged: renewal never extends the absolute lifetime
      response.cookies.set(
        sessionCookieName(https),
        await encodeSessionToken(token, secret),
        sessionCookieOptions(https),
      );
    }
    return withHeaders(response);
  }

  const login = new URL('/login', request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== '/') login.searchParams.set('callbackUrl', target);
  const response = NextResponse.redirect(login);
  if (token) {
    // a token past its 12 hours: say so on the login page, and drop the cookie
    login.searchParams.set('reason', 'expired');
    response.headers.set('Location', login.toString());
    response.cookies.delete(sessionCookieName(https));
  }
  return withHeaders(response);
}

export const config = {
  // Everything but Next's own paths (build assets, and in development the hot-reload websocket, which a proxied
  // upgrade would break) and files with an extension (icons, robots.txt): pages, the login page, the API (for
  // HSTS; it is not redirected) and server-action posts.
  matcher: ['/((?!_next/|.*\\..*).*)'],
};
