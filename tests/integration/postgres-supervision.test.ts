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

async function healthWithin(status: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await GET()).status;
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
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

  expect(await healthWithin(200, 60_000)).toBe(200);
  expect(postmasterPid()).not.toBe(before);
  expect(logged.join('\n')).toMatch(/PostgreSQL stopped unexpectedly \(killed by SIGKILL\)[\s\S]*PostgreSQL is back/);
  expect(gaveUp).toEqual([]);
});
