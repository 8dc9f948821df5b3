import 'server-only';
import { randomUUID } from 'node:crypto';
import type { User } from 'next-auth';
import { prisma } from '@/lib/db';
import { RATE_LIMITED_PREFIX, SIGN_IN_UNAVAILABLE, ZSignIn } from '@/lib/validations/auth';
import { beginPasswordAttempt, passwordAttemptSucceeded, type LockScope } from './login-throttle';
import { verifyPassword } from './password';

/** A sign-in attempt is audited too: who was tried, from where, and why it failed (never the password). */
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

/**
 * One row when a lock begins, not one per refused attempt: otherwise anyone could grow the append-only table
 * without signing in. The row says what was locked and for how long; the attempts refused during the lock are
 * not written (the counter in rate_limits has them).
 */
export async function auditLockStarted(
  action: 'auth.signInThrottled' | 'user.passwordCheckThrottled',
  username: string,
  ip: string | null,
  scopes: LockScope[],
  lockedForSeconds: number,
) {
  if (scopes.length === 0) return;
  await prisma.auditLog.createMany({
    data: scopes.map((scope) => ({
      actor: username.slice(0, 64),
      ip,
      action,
      entity: 'User',
      after: { lockedBy: scope, lockedForSeconds, ...(scope === 'address' ? { address: ip } : {}) },
    })),
  });
}

async function checkCredentials(username: string, password: string, ip: string | null): Promise<User | null> {
  // Counted before the password is checked, so parallel guesses cannot all pass, and a blocked guesser learns
  // nothing from the answer.
  const attempt = await beginPasswordAttempt(username, ip);
  if (!attempt.allowed) {
    await auditLockStarted('auth.signInThrottled', username, ip, attempt.lockStarted, attempt.retryAfterSeconds);
    throw new Error(`${RATE_LIMITED_PREFIX}${attempt.retryAfterSeconds}`);
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
      sessionVersion: true,
      department: { select: { name: true } },
    },
  });

  const usable = user !== null && user.active;
  const passwordOk = await verifyPassword(usable ? user.passwordHash : null, password);
  if (!usable || !passwordOk) {
    await auditSignInFailure(
      username,
      ip,
      user === null ? 'unknownUser' : user.active ? 'wrongPassword' : 'inactive',
      user?.id,
    );
    if (attempt.lockIfFails !== null) throw new Error(`${RATE_LIMITED_PREFIX}${attempt.lockIfFails}`);
    return null;
  }
  await passwordAttemptSucceeded(username, ip);

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
    sessionVersion: user.sessionVersion,
  };
}

/**
 * next-auth's `authorize`: a user for the right password, null for a wrong one, and an error whose message the
 * login form understands for a lock. Anything unexpected (the database down, say) is logged with a reference and
 * answered with SIGN_IN_UNAVAILABLE alone: next-auth hands an error's message to the browser, and a driver's
 * message names hosts, ports and users.
 */
export async function authorizeCredentials(credentials: unknown, ip: string | null): Promise<User | null> {
  const parsed = ZSignIn.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  try {
    return await checkCredentials(parsed.data.username, parsed.data.password, ip);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(RATE_LIMITED_PREFIX)) throw error;
    const ref = randomUUID().slice(0, 8);
    console.error(`[sign-in] ref ${ref}: sign-in failed unexpectedly`, error);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}
