/**
 * Reads on a streaming replica (DATABASE_REPLICA_URL; lib/read-db.ts, lib/server/read-routing.ts), against a real
 * primary and a real hot standby streaming from it (tests/helpers/streaming-replica.ts). Dashboard reads go to the
 * replica; a user who has just written reads from the primary until the replica has replayed their write, which
 * the test holds back with pg_wal_replay_pause(): meanwhile another user still reads the replica's older figures.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { migrate } from '../../scripts/lib/migrate';
import { startStreamingPair, type StreamingPair } from '../helpers/streaming-replica';

// The browser's cookie jar for next/headers, as a user's successive requests carry it.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));

const DATABASE = 'keystone';
const ENV = ['DATABASE_URL', 'DATABASE_REPLICA_URL'] as const;
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

let pair: StreamingPair;
let primary: Db;
let replica: Db;
let readDb: typeof import('@/lib/read-db').readDb;
let WROTE_COOKIE: string;
let replicaHasReplayed: typeof import('@/lib/server/read-routing').replicaHasReplayed;
let writePosition: typeof import('@/lib/server/read-routing').writePosition;
let getRollupCached: typeof import('@/lib/server/dashboard/figures-cache').getRollupCached;
let approveReport: typeof import('@/lib/actions/reports').approveReport;
let actors: typeof import('../helpers/actors');
let leader: Actor;

async function onReplica<T>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: pair.replicaUrl(DATABASE) });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

async function untilReplayed(lsn: string) {
  for (let i = 0; i < 300; i++) {
    if (await replicaHasReplayed(replica, lsn)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the replica did not replay ${lsn} in 15 s`);
}

/** the district's completed investment to date (approved basis), as the dashboard shows it */
let month = 12;
const completed = async (db: Db) =>
  Number((await getRollupCached(db, leader, { year: 2025, month, basis: 'approved' }))!.completed);

beforeAll(async () => {
  pair = await startStreamingPair('replica');
  const admin = new pg.Client({ connectionString: pair.primaryUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  await migrate(pair.primaryUrl(DATABASE));
  // the app's modules, loaded now so that lib/db opens its primary and replica pools on this pair
  process.env.DATABASE_URL = pair.primaryUrl(DATABASE);
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl(DATABASE);
  const db = await import('@/lib/db');
  primary = db.prisma;
  replica = db.replica!;
  ({ readDb, WROTE_COOKIE } = await import('@/lib/read-db'));
  ({ replicaHasReplayed, writePosition } = await import('@/lib/server/read-routing'));
  ({ getRollupCached } = await import('@/lib/server/dashboard/figures-cache'));
  ({ approveReport } = await import('@/lib/actions/reports'));
  actors = await import('../helpers/actors');
  const { seedDatabase } = await import('@/prisma/seed/load');
  await seedDatabase(primary);
  await untilReplayed(await writePosition(primary));
  leader = await actors.actorOf(primary, 'leader');
}, 300_000);

afterAll(async () => {
  await primary?.$disconnect();
  await replica?.$disconnect();
  pair?.stop();
  for (const k of ENV)
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
});

describe('reads on a streaming replica', () => {
  it('is a real hot standby: in recovery, streaming from the primary, refusing writes', async () => {
    expect(await onReplica<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery')).toEqual([
      { recovery: true },
    ]);
    expect(await onReplica<{ status: string }>('SELECT status FROM pg_stat_wal_receiver')).toEqual([
      { status: 'streaming' },
    ]);
    await expect(replica.$executeRaw`UPDATE "PlanYear" SET "updatedAt" = now()`).rejects.toThrow(/read-only/);
  });

  it("sends a user's reads to the replica, and to the primary after their own write until the replica has it", async () => {
    // a report the seed left waiting for review; the dashboard of its month
    const report = await primary.monthlyReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', investedThisMonth: { gt: 0 }, plan: { planYear: { year: 2025 } } },
      orderBy: { id: 'asc' },
    });
    month = report.month;
    jar.clear();
    expect(await readDb()).toBe(replica);
    const before = await completed(await readDb());
    expect(before).toBe(await completed(primary));

    // The replica stops replaying: from now on it lags behind every commit.
    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      await actors.signIn(primary, 'bureau');
      const result = await approveReport({ reportId: report.id, version: report.version });
      expect(result).toMatchObject({ ok: true });
      const wrote = jar.get(WROTE_COOKIE);
      expect(wrote).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // The user who wrote reads from the primary and sees the write…
      expect(await readDb()).toBe(primary);
      const after = await completed(await readDb());
      expect(after).toBeGreaterThan(before);
      // …while the replica still shows the figures before it, which is what a user without the cookie reads.
      expect(await completed(replica)).toBe(before);
      jar.delete(WROTE_COOKIE);
      expect(await readDb()).toBe(replica);
      expect(await completed(await readDb())).toBe(before);
      jar.set(WROTE_COOKIE, wrote!);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }

    // Once the replica has replayed the write, the same user reads from it again, and it shows the write.
    await untilReplayed(jar.get(WROTE_COOKIE)!);
    expect(await readDb()).toBe(replica);
    expect(await completed(await readDb())).toBe(await completed(primary));
    expect(await completed(replica)).toBeGreaterThan(before);
  });

  it('ignores a position cookie that is not an LSN', async () => {
    jar.set(WROTE_COOKIE, "0/0'; DROP TABLE x; --");
    expect(await readDb()).toBe(replica);
    jar.set(WROTE_COOKIE, 'FFFFFFFF/FFFFFFFF');
    expect(await readDb()).toBe(primary); // a position the replica has not reached: the primary, never stale reads
  });
});
