/**
 * The embedded PostgreSQL of `npm start` is killed outright; the supervisor starts it again on the same port and
 * the app's own connection pool (lib/db.ts, the one GET /api/health uses) reconnects without a restart of the app.
 * Real processes: a cluster of this test's own in .data/test-runs/, removed afterwards.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../scripts/lib/migrate';
import { createDatabaseIfMissing, ROOT, startEmbeddedCluster, type Cluster } from '../../scripts/lib/postgres';

const name = `test-runs/${process.pid}-supervised`;
const dataDir = path.join(ROOT, '.data', name);
const logged: string[] = [];
const gaveUp: string[] = [];
let cluster: Cluster;
let GET: typeof import('@/app/api/health/route').GET;

const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** Polls until `check` holds or `ms` pass; returns whether it held. */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster(name, (line) => logged.push(line));
  cluster.supervise!((reason) => gaveUp.push(reason));
  await createDatabaseIfMissing(cluster.adminUrl, 'keystone');
  await migrate(cluster.urlFor('keystone'));
  process.env.DATABASE_URL = cluster.urlFor('keystone');
  ({ GET } = await import('@/app/api/health/route'));
});
afterAll(async () => {
  await (await import('@/lib/db')).prisma.$disconnect();
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('restarts a killed embedded PostgreSQL, says so, and the health turns 200 again by itself', async () => {
  expect((await GET()).status).toBe(200); // the pool holds a live connection now
  const before = postmasterPid();
  process.kill(before, 'SIGKILL');

  // (a backend orphaned by the kill may still answer a query or two, so the log says when it is really back)
  expect(await within(60_000, () => logged.some((line) => line.startsWith('PostgreSQL is back')))).toBe(true);
  expect(logged.join('\n')).toMatch(/PostgreSQL stopped unexpectedly \(killed by SIGKILL\)[\s\S]*PostgreSQL is back/);
  expect(postmasterPid()).not.toBe(before);
  expect(await within(30_000, async () => (await GET()).status === 200)).toBe(true);
  expect(gaveUp).toEqual([]);
});
