/**
 * The session cookie as next-auth writes it, for the two places that write it themselves: proxy.ts (renewal on
 * activity) and a password change (a new token for the browser that made it). Free of server-only imports.
 */
import { encode, type JWT } from 'next-auth/jwt';
import { SESSION_MAX_AGE_SECONDS } from './session-policy';

export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: SESSION_MAX_AGE_SECONDS };
}

/** A fresh cookie value for these claims: next-auth's own `iat`, `exp` and `jti` are set anew. */
export async function encodeSessionToken(token: JWT, secret: string): Promise<string> {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}
