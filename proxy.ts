import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * Sends visitors without a session token to the login page, remembering where they were going.
 * It decides nothing else: a valid token may belong to a user deactivated since, and every page, action and
 * data-access function checks the user and the record itself (lib/auth/session.ts, lib/server/*).
 */
export async function proxy(request: NextRequest) {
  const secret = getAuthSecret();
  const token = secret ? await getToken({ req: request, secret }) : null;
  if (token) return NextResponse.next();

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
