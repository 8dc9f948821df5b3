/**
 * A PostgreSQL server of one fault test's own, to be killed outright: the embedded cluster of `npm start`
 * (scripts/lib/postgres.ts) under .data/test-runs/, supervised as `npm start` supervises it (it comes back by
 * itself after a crash), with the demo data seeded into a template database each test clones. Never the shared test
 * server: killing that would fail every other test file running beside this one.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../../scripts/lib/migrate';
import { withClient } from './fault-scenarios';
import { createDatabaseIfMissing, ROOT, startEmbeddedCluster, type Cluster } from '../../scripts/lib/postgres';

const TEMPLATE = 'seeded';

export interface FaultServer {
  cluster: Cluster;
  /** a fresh database on this server with the demo data (a clone of the seeded template) */
  newDatabase(name: string): Promise<string>;
  /**
   * SIGKILL to the postmaster and every backend at once, as when the machine or the container dies: an open
   * transaction gets no chance to finish. Resolves once the supervisor has the server back and it answers.
   */
  killAndWaitForRestart(): Promise<void>;
  stop(): Promise<void>;
}

/** Polls until `check` holds; throws after `ms` naming what was awaited. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 60_000, everyMs = 10) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** The postmaster's pid and its children's (the backends and auxiliary processes), from /proc. */
function serverProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // the field after the command name (which may hold spaces, hence the last ')') is the state, then the ppid
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startFaultServer(tag: string): Promise<FaultServer> {
  const name = `test-runs/${process.pid}-${tag}`;
  const dataDir = path.join(ROOT, '.data', name);
  const said: string[] = [];
  const cluster = await startEmbeddedCluster(name, (line) => said.push(line));
  const gaveUp: string[] = [];
  cluster.supervise!((reason) => gaveUp.push(reason));

  await createDatabaseIfMissing(cluster.adminUrl, TEMPLATE);
  await migrate(cluster.urlFor(TEMPLATE));
  const { createPrismaClient } = await import('@/lib/prisma');
  const { seedDatabase } = await import('@/prisma/seed/load');
  const db = createPrismaClient(cluster.urlFor(TEMPLATE));
  try {
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }

  return {
    cluster,
    async newDatabase(database) {
      await createDatabaseIfMissing(cluster.adminUrl, database, TEMPLATE);
      // A clone copies the template's sequence pages as they are, with their "values already logged ahead" count,
      // but that WAL was the template's: without a checkpoint now, nextval in the clone writes no WAL for its first
      // values, and crash recovery winds the sequences back below ids already committed (duplicate audit ids after
      // the kill). A checkpoint makes the first nextval after it log again. Databases made by migrate + seed, as in
      // production, are not clones and never had this.
      await withClient(cluster.adminUrl, (c) => c.query('CHECKPOINT'));
      return cluster.urlFor(database);
    },
    async killAndWaitForRestart() {
      const backBefore = said.filter((line) => line.startsWith('PostgreSQL is back')).length;
      // the postmaster first, so it cannot start crash recovery of its own when it sees a backend die
      for (const pid of serverProcesses(dataDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await waitFor('the supervisor to restart PostgreSQL', () => {
        if (gaveUp.length) throw new Error(`the supervisor gave up: ${gaveUp.join('; ')}`);
        return said.filter((line) => line.startsWith('PostgreSQL is back')).length > backBefore;
      });
      await waitFor('PostgreSQL to answer after its restart', () => canQuery(cluster.adminUrl), 30_000, 200);
    },
    async stop() {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
