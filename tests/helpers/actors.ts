/**
 * Who calls the server actions in an integration test. The request context is mocked for every integration file
 * (./integration-setup.ts); these helpers say who is signed in, read from the test's database the way a session
 * reads its user (lib/auth/session.ts), so a test never carries a hand-made copy of a user.
 */
import { vi } from 'vitest';
import type { AppLocale } from '@/i18n/config';
import { getRequestContext, type RequestContext } from '@/lib/auth/request-context';
import type { SessionActor } from '@/lib/auth/session';
import type { Db } from '@/lib/prisma';

/** The mocked `getRequestContext`, for a test that needs more than one caller in a row (`mockResolvedValueOnce`). */
export const requestContext = vi.mocked(getRequestContext);

export interface CallerOptions {
  locale?: AppLocale;
  /** the client address the audit trail records */
  ip?: string | null;
}

/** A user as their session shows them: role, department and its name, read from the database now. */
export async function actorOf(db: Db, username: string): Promise<SessionActor> {
  const user = await db.user.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      departmentId: true,
      mustChangePassword: true,
      department: { select: { name: true } },
    },
  });
  if (!user) throw new Error(`no user ${username} in the test database`);
  const { department, ...actor } = user;
  return { ...actor, departmentName: department?.name ?? null };
}

/** The request context of a call from this actor (null: nobody signed in). */
export function contextOf(
  actor: SessionActor | null,
  { locale = 'zh-CN', ip = '127.0.0.1' }: CallerOptions = {},
): RequestContext {
  return { actor, ip, locale };
}

/** Every following action call comes from this actor (null: nobody is signed in). */
export function actAs(actor: SessionActor | null, options?: CallerOptions): void {
  requestContext.mockResolvedValue(contextOf(actor, options));
}

/** Every following action call comes from this user; returns the actor, for assertions on ids and names. */
export async function signIn(db: Db, username: string, options?: CallerOptions): Promise<SessionActor> {
  const actor = await actorOf(db, username);
  actAs(actor, options);
  return actor;
}
