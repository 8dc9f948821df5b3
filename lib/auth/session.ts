import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getServerSession, type Session } from 'next-auth';
import { prisma } from '@/lib/db';
import type { Actor } from './actor';
import { authOptions } from './options';
import { sessionRefusal } from './session-policy';

/** The actor plus what the top bar and the account page show about them. */
export interface SessionActor extends Actor {
  departmentName: string | null;
  /** when this session's password check happened (it ends 12 hours later at the latest); absent outside a session */
  signedInAt?: Date;
}

/**
 * The user a session token names, or null when the token no longer counts: past its absolute lifetime, from
 * before the user's session version moved (password change, reset, deactivation, role or department change,
 * sign-out everywhere), or the user is inactive. Role, department and the active flag are read from the
 * database, never from the token, so a change takes effect at the next request.
 */
export async function actorForSession(
  claims: Session['user'] | null | undefined,
  now = Date.now(),
): Promise<SessionActor | null> {
  const userId = claims?.id;
  if (!claims || typeof userId !== 'number') return null;

  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      departmentId: true,
      active: true,
      mustChangePassword: true,
      sessionVersion: true,
      department: { select: { name: true } },
    },
  });
  if (sessionRefusal(claims, user, now / 1000) !== null || !user) return null;

  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: user.department?.name ?? null,
    mustChangePassword: user.mustChangePassword,
    signedInAt: new Date((claims.signedInAt as number) * 1000),
  };
}

/** The signed-in user, or null. `cache` makes the layout and the page share one query per request. */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const session = await getServerSession(authOptions);
  return actorForSession(session?.user);
});

/** For pages, layouts and server actions that need a signed-in user: anyone else is sent to the login page. */
export async function requireActor(): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  // A password set by an admin is known to two people; the user replaces it before doing anything else.
  if (actor.mustChangePassword) redirect('/change-password');
  return actor;
}
