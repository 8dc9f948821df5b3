import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { prisma } from '@/lib/db';
import type { Actor } from './actor';
import { authOptions } from './options';

/** The actor plus what the top bar shows about them. */
export interface SessionActor extends Actor {
  departmentName: string | null;
}

/**
 * The signed-in user, or null. The token only names the user: role, department and the active flag are read from
 * the database on every request, so deactivating a user or moving them to another department takes effect at
 * once rather than when their 8-hour token expires. `cache` makes the layout and the page share one query.
 */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (typeof userId !== 'number') return null;

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
      department: { select: { name: true } },
    },
  });
  if (!user || !user.active) return null;

  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: user.department?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  };
});

/** For pages, layouts and server actions that need a signed-in user: anyone else is sent to the login page. */
export async function requireActor(): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  // A password set by an admin is known to two people; the user replaces it before doing anything else.
  if (actor.mustChangePassword) redirect('/change-password');
  return actor;
}
