import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { prisma, replica } from './db';
import type { Db } from './prisma';
import { readClient, writePosition } from './server/read-routing';

/** The user's last write's WAL position (lib/server/read-routing.ts); only while a replica may lag behind it. */
export const WROTE_COOKIE = 'keystone-wrote';
/**
 * how long a write sends its user's reads to the primary at most: a replica further behind than this is an outage
 * for monitoring (pg_stat_replication), not something to route around on every request
 */
const WROTE_MAX_AGE_S = 300;

/**
 * The database client for the reads of dashboards, lists and the API: the replica when DATABASE_REPLICA_URL is
 * set and it has replayed this user's last write, else the primary. Once per request (React's cache).
 */
export const readDb = cache(async (): Promise<Db> => {
  if (!replica) return prisma;
  return readClient(prisma, replica, (await cookies()).get(WROTE_COOKIE)?.value);
});

/**
 * After a committed write (lib/actions/safe-action.ts): the primary's position, in a cookie, so this user's next
 * reads wait for the replica to have it. Nothing without a replica. A response already streaming cannot take a
 * cookie: then the reads route as before the write (logged by the caller).
 */
export async function rememberWrite(): Promise<void> {
  if (!replica) return;
  (await cookies()).set(WROTE_COOKIE, await writePosition(prisma), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: WROTE_MAX_AGE_S,
    secure: process.env.NEXTAUTH_URL?.startsWith('https://') ?? false,
  });
}
