import { NextResponse, type NextRequest } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-policy';
import { getAuthSecret } from '@/lib/auth/secret';

/** Renew the session cookie at most this often, so an active user's 8 hours start again from their last request. */
const RENEW_AFTER_SECONDS = 5 * 60;

/**
 * Sends visitors without a session token to the login page, remembering where they were going, and slides the
 * session's expiry forward while the user is active (8 hours of inactivity end it).
 * It decides nothing else: a valid token may belong to a user deactivated since, and every page, action and
 * data-access function checks the user and the record itself (lib/auth/session.ts, lib/server/*).
 */
export async function proxy(request: NextRequest) {
  const secret = getAuthSecret();
  const secure = request.nextUrl.protocol === 'https:' || (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  const token = secret ? await getToken({ req: request, secret, secureCookie: secure }) : null;
  if (token && secret) {
    const response = NextResponse.next();
    const issuedAt = typeof token.iat === 'number' ? token.iat : 0;
    if (Date.now() / 1000 - issuedAt > RENEW_AFTER_SECONDS) {
      const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
      response.cookies.set(`${secure ? '__Secure-' : ''}next-auth.session-token`, await encode({ token: claims, secret, maxAge: SESSION_MAX_AGE_SECONDS }), {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure,
        maxAge: SESSION_MAX_AGE_SECONDS,
      });
    }
    return response;
  }

  const login = new URL('/login', request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== '/') login.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(login);
}

export const config = {
  // Not: the login page, next-auth's own endpoints and the JSON API (which answers 401 itself rather than
  // redirecting), Next's assets, and files with an extension (icons, robots.txt).
  matcher: ['/((?!login|api/|_next/|.*\\..*).*)'],
};
