import http from 'node:http';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { signIn } from '../scripts/bench/app-server';
import { DEMO_PASSWORD } from './helpers';
import { startOwnServer, suiteDatabaseUrl, waitFor } from './own-server';

/**
 * One process per core (scripts/next-server.mjs → scripts/lib/cluster-primary.mjs): a server of its own with two
 * workers on the suite's database. Each worker caches the dashboard's figures (lib/server/dashboard/figures-cache.ts)
 * under the figures version; after a committed write both workers answer with the new figures, whichever of them
 * cached the old ones. A worker killed outright is forked again and serves; the job queue runs in worker 1 only.
 */

const DASHBOARD = '/dashboard?year=2025&month=10';

/** A GET on a connection of its own (no keep-alive), so the primary may hand it to either worker. */
function get(url: string, cookie: string): Promise<{ status: number; reqId: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { cookie } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, reqId: String(res.headers['x-request-id']), body }));
      })
      .on('error', reject);
  });
}

/** The headline "completed" figure as the dashboard's HTML shows it, e.g. "216.30亿元". */
function completedHeadline(html: string): string {
  const m = /data-testid="headline-completed"[^>]*>(.*?)<\/[a-z]+>/s.exec(html);
  if (!m) throw new Error('no headline-completed on the dashboard');
  return m[1]!.replace(/<[^>]+>/g, '').trim();
}

test('two workers: a write is seen through either, and a killed worker is started again', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const suiteDb = suiteDatabaseUrl(baseURL!);
  const server = await startOwnServer({
    DATABASE_URL: suiteDb,
    NEXTAUTH_SECRET: 'cluster-test',
    WEB_CONCURRENCY: '2',
    KEYSTONE_JOBS: 'off',
  });
  const { base, lines } = server;
  /** the worker that served the request with this id, from its log line */
  const servedBy = (reqId: string) =>
    waitFor(`the log line of ${reqId}`, () => lines().find((l) => l.reqId === reqId)?.worker as number | undefined);
  /** dashboard reads on new connections until each worker has answered one: worker → its headline */
  const readThroughBoth = async (cookie: string) => {
    const seen = new Map<number, string>();
    for (let i = 0; i < 20 && seen.size < 2; i++) {
      const res = await get(`${base}${DASHBOARD}`, cookie);
      expect(res.status).toBe(200);
      seen.set(await servedBy(res.reqId), completedHeadline(res.body));
    }
    expect([...seen.keys()].sort()).toEqual([1, 2]);
    return seen;
  };

  const db = new pg.Client({ connectionString: suiteDb });
  await db.connect();
  let report: { id: string; approvedInvested: string } | undefined;
  try {
    const ready = await waitFor('both workers', () => lines().find((l) => l.worker === 0 && l.workers === 2 && l.port));
    expect(ready.msg).toContain('(2 workers)');
    const workerPids = lines()
      .filter((l) => typeof l.worker === 'number' && l.worker > 0 && l.pid)
      .map((l) => [l.worker, l.pid] as [number, number]);
    expect(workerPids.map(([w]) => w).sort()).toEqual([1, 2]);

    const cookie = await signIn(base, 'leader', DEMO_PASSWORD);
    const before = await readThroughBoth(cookie);
    expect(before.get(1)).toBe(before.get(2));
    // cached now in both workers: a second round answers the same
    expect(await readThroughBoth(cookie)).toEqual(before);

    // A committed write that moves the figure (+50亿元 on one approved October report), from outside both workers.
    [report] = (
      await db.query(
        `SELECT r.id, r."approvedInvested"::text AS "approvedInvested" FROM "MonthlyReport" r
         JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "PlanYear" y ON y.id = pp."planYearId"
         WHERE y.year = 2025 AND r.month = 10 AND r."approvedInvested" IS NOT NULL ORDER BY r.id LIMIT 1`,
      )
    ).rows;
    expect(report).toBeDefined();
    await db.query(`UPDATE "MonthlyReport" SET "approvedInvested" = "approvedInvested" + 500000 WHERE id = $1`, [
      report!.id,
    ]);
    const after = await readThroughBoth(cookie);
    expect(after.get(1)).toBe(after.get(2));
    expect(after.get(1)).not.toBe(before.get(1));

    // Worker 2 killed outright: the primary forks it again (1 s back-off) and it serves.
    const [, pid2] = workerPids.find(([w]) => w === 2)!;
    process.kill(pid2, 'SIGKILL');
    await waitFor('worker 2 to be started again', () =>
      lines().some((l) => l.worker === 2 && l.pid && l.pid !== pid2) ? true : undefined,
    );
    expect(lines().some((l) => l.worker === 0 && String(l.msg).includes('worker 2 died'))).toBe(true);
    expect(await readThroughBoth(cookie)).toEqual(after);

    // SIGTERM stops both workers and the primary cleanly.
    server.process.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(0);
    const closed = lines().filter((l) => l.msg === 'closed the database pools');
    expect(closed.map((l) => l.worker).sort()).toEqual([1, 2]);
  } finally {
    if (report)
      await db.query(`UPDATE "MonthlyReport" SET "approvedInvested" = $2 WHERE id = $1`, [
        report.id,
        report.approvedInvested,
      ]);
    await db.end();
    server.kill();
  }
});
