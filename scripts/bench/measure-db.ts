/**
 * Measurements a, b, d and e: the app's own data-access functions and server actions (called in-process, with the
 * request context stubbed as the integration tests mock it) against hand-written SQL doing the same work (the
 * floor). Every figure is the median of `runs` timed runs after one untimed warm-up.
 */
import pg from 'pg';
import { actorOf, type BenchContext } from './context';
import { measureImport } from './measure-import';
import { measureReads } from './measure-reads';
import { measureWrites } from './measure-writes';
import type { Pair, Timing } from './timing';

export interface DbResults {
  dashboard: Pair & { projects: number };
  list: Pair & { departmentId: number; stages: string[]; matched: number };
  batchSave: Pair & { rows: number };
  bulkApprove: Pair & { reports: number };
  /** issue 20's floors: the same app timings against SQL over the maintained summary / an UPDATE plus its upkeep */
  dashboardSummary: Pair;
  listSummary: Pair;
  bulkApproveUpkeep: Pair & { reports: number };
  import: {
    rows: number;
    dryRun: Timing;
    commit: Timing;
    copy: Timing;
    /** rows per second */
    importRate: number;
    copyRate: number;
    /** import rate ÷ COPY rate */
    share: number;
    fileBytes: number;
  };
}

export async function measureDb(
  url: string,
  opts: { runs: number; writeRuns: number; importRows: number; log: (s: string) => void },
): Promise<DbResults> {
  process.env.DATABASE_URL = url; // lib/db.ts (the actions' client) reads it when first imported
  const { createPrismaClient } = await import('../../lib/prisma');
  const { prisma: appPrisma } = await import('../../lib/db');

  const db = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const c = await pool.connect();
  try {
    const planYear = await db.planYear.findFirstOrThrow({ where: { year: 2025 } });
    const ctx: BenchContext = {
      db,
      pool,
      c,
      runs: opts.runs,
      writeRuns: opts.writeRuns,
      log: opts.log,
      leader: await actorOf(db, { username: 'leader' }),
      bureau: await actorOf(db, { username: 'bureau' }),
      planYear,
      month: Math.max(planYear.currentMonth - 1, 1),
    };
    return {
      ...(await measureReads(ctx)),
      ...(await measureWrites(ctx)),
      import: await measureImport(ctx, opts.importRows),
    };
  } finally {
    c.release();
    await pool.end();
    await db.$disconnect();
    await appPrisma.$disconnect();
  }
}
