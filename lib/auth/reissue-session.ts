import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { getAuthSecret } from './secret';
import { encodeSessionToken, sessionCookieName, sessionCookieOptions } from './session-cookie';

/**
 * After the user changed their own password, every session token of theirs is refused (the version moved), and
 * so would be the one of the browser they did it in. That browser just proved the password, so it gets a new
 * token carrying the new version and a new sign-in time; every other browser has to sign in again.
 */
export async function reissueOwnSession(userId: number): Promise<void> {
  const secret = getAuthSecret();
  if (!secret) return;
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  const jar = await cookies();
  for (const secure of [true, false]) {
    const name = sessionCookieName(secure);
    const value = jar.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret }).catch(() => null);
    if (!token || token.userId !== userId) continue;
    const fresh = { ...token, sessionVersion, signedInAt: Math.floor(Date.now() / 1000) };
    jar.set(name, await encodeSessionToken(fresh, secret), sessionCookieOptions(secure));
  }
}
