import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { safeRedirectPath } from './redirect';
import { getAuthSecret } from './secret';
import { authorizeCredentials } from './sign-in';
import { SESSION_MAX_AGE_SECONDS } from './session-policy';
import { currentClientAddress } from './socket-address';

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
}

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Keystone',
      credentials: {
        username: { type: 'text' },
        password: { type: 'password' },
      },
      // The address comes from the socket and the trusted proxies only (lib/auth/client-address.ts).
      authorize: (credentials, req) =>
        authorizeCredentials(credentials, currentClientAddress(header(req.headers, 'x-forwarded-for'))),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only on the sign-in request; later requests keep what was stored then, including the
      // sign-in time and the session version, which no renewal changes (lib/auth/session-policy.ts).
      if (user) {
        token.userId = user.userId;
        token.username = user.username;
        token.displayName = user.displayName;
        token.role = user.role;
        token.departmentId = user.departmentId;
        token.departmentName = user.departmentName;
        token.sessionVersion = user.sessionVersion;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (
        typeof token.userId === 'number' &&
        token.username !== undefined &&
        token.displayName !== undefined &&
        token.role !== undefined
      ) {
        session.user = {
          id: token.userId,
          username: token.username,
          displayName: token.displayName,
          role: token.role,
          departmentId: token.departmentId ?? null,
          departmentName: token.departmentName ?? null,
          sessionVersion: token.sessionVersion,
          signedInAt: token.signedInAt,
        };
      }
      return session;
    },
    // Every redirect next-auth makes goes through the one same-origin check (lib/auth/redirect.ts).
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
    },
  },
};
