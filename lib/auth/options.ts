import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { prisma } from '@/lib/db';
import { ZSignIn } from '@/lib/validations/auth';
import { verifyPassword } from './password';
import { getAuthSecret } from './secret';

/** A working day: a session left open on a shared office PC ends by the evening. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The client address as the reverse proxy reports it; only recorded, never trusted for a decision. */
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded !== 'string') return null;
  return forwarded.split(',')[0]?.trim() || null;
}

async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<User | null> {
  const parsed = ZSignIn.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { username, password } = parsed.data;

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
  if (!usable || !passwordOk) return null;

  // A sign-in is part of the audit trail a district system must keep, written with the timestamp it changes.
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    prisma.auditLog.create({
      data: {
        actorId: user.id,
        actor: user.username,
        ip: clientIp(headers),
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
