import type { Db } from '@/lib/prisma';

/**
 * Where a request's reads go when a streaming replica is configured (DATABASE_REPLICA_URL; docs/scaling.md):
 * dashboards, lists and the API read from the replica; writes, and everything a server action reads inside its
 * transaction, use the primary. Read-your-writes by the position in the WAL, not by a time window: after a user's
 * write the primary's WAL insert position is kept in a cookie (lib/read-db.ts), and that user's reads go to the
 * replica only once it has replayed past it. A window would be a guess at the lag; the position is exact, costs one
 * query on the replica per request while the cookie lives, and a cookie (not process memory) follows the user to
 * whichever worker or machine serves the next request.
 */

/** A PostgreSQL LSN as pg_lsn prints it, e.g. "0/16B3748". */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export function isLsn(value: string | undefined): value is string {
  return value !== undefined && LSN.test(value);
}

/**
 * The position after every write committed so far on the primary: call once a write has committed. The insert
 * position, not the flush or write one: with synchronous_commit off a committed transaction's record may not be
 * written yet, but it has always been inserted.
 */
export async function writePosition(primary: Db): Promise<string> {
  const rows = await primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`;
  return rows[0]!.lsn;
}

/** Whether the replica has replayed the WAL up to `lsn` (false when it is not a standby, or cannot answer). */
export async function replicaHasReplayed(replica: Db, lsn: string): Promise<boolean> {
  try {
    const rows = await replica.$queryRaw<
      { replayed: boolean | null }[]
    >`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS replayed`;
    return rows[0]?.replayed === true;
  } catch {
    return false;
  }
}

/**
 * The client for a request's reads: the primary without a replica; the replica unless the user's last write (its
 * position, `wrote`) is not replayed there yet. A position that cannot be read is ignored (the cookie is the user's).
 */
export async function readClient(primary: Db, replica: Db | null, wrote: string | undefined): Promise<Db> {
  if (!replica) return primary;
  if (!isLsn(wrote)) return replica;
  return (await replicaHasReplayed(replica, wrote)) ? replica : primary;
}
