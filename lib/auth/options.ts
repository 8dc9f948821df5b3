import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { prisma } from '@/lib/db';
import { RATE_LIMITED_PREFIX, ZSignIn } from '@/lib/validations/auth';
import { clearSignInFailures, recordSignInFailure, signInThrottleState } from './login-throttle';
import { verifyPassword } from './password';
import { getAuthSecret } from './secret';
import { SESSION_MAX_AGE_SECONDS } from './session-policy';


/** The client address as the reverse proxy reports it; only recorded, never trusted for a decision. */
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded !== 'string') return null;
  return forwarded.split(',')[0]?.trim() || null;
}

/** A failed sign-in is audited too: who was tried, from where, and why it failed (never the password). */
async function auditSignInFailure(username: string, ip: string | null, why: string, userId?: number) {
  await prisma.auditLog.create({
    data: {
      actor: username.slice(0, 64),
      ip,
      action: 'auth.signInFailed',
      entity: 'User',
      entityId: userId === undefined ? null : String(userId),
      after: { reason: why },
    },
  });
}

async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<User | null> {
  const parsed = ZSignIn.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const ip = clientIp(headers);

  // Throttled before the password is even checked, so a blocked guesser learns nothing from the answer.
  const throttle = await signInThrottleState(username, ip);
  if (throttle.blocked) {
    await auditSignInFailure(username, ip, 'throttled');
    throw new Error(`${RATE_LIMITED_PREFIX}${throttle.retryAfterSeconds}`);
  }

  const user = await prisma.user.findUnique({
    where: { username },
    // The client omits passwordHash globally (lib/prisma.ts); this is the one query that needs it.
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      departmentId: true,
      active: true,
      passwordHash: true,
      department: { select: { name: true } },
    },
  });

  const usable = user !== null && user.active;
  const passwordOk = await verifyPassword(usable ? user.passwordHash : null, password);
  if (!usable || !passwordOk) {
    const after = await recordSignInFailure(username, ip);
    await auditSignInFailure(username, ip, user === null ? 'unknownUser' : user.active ? 'wrongPassword' : 'inactive', user?.id);
    if (after.blocked) throw new Error(`${RATE_LIMITED_PREFIX}${after.retryAfterSeconds}`);
    return null;
  }
  await clearSignInFailures(username);

  // A sign-in is part of the audit trail a district system must keep, written with the timestamp it changes.
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    prisma.auditLog.create({
      data: {
        actorId: user.id,
        actor: user.username,
        ip,
        action: 'auth.signIn',
        entity: 'User',
        entityId: String(user.id),
      },
    }),
  ]);

  return {
    id: String(user.id),
    userId: user.id,
    name: user.displayName,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: user.department?.name ?? null,
  };
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
      authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only on the sign-in request; later requests keep what was stored then.
      if (user) {
        token.userId = user.userId;
        token.username = user.username;
        token.displayName = user.displayName;
        token.role = user.role;
        token.departmentId = user.departmentId;
        token.departmentName = user.departmentName;
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
        };
      }
      return session;
    },
  },
};
