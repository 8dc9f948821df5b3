import http from 'node:http';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startOwnServer, suiteDatabaseUrl, waitFor } from './own-server';

/**
 * Graceful shutdown of the production server as `npm start` and the container run it (scripts/next-server.mjs):
 * a second server of its own on the suite's database, a request held in flight by a lock this test takes, then
 * SIGTERM. The request must still answer 200, the port must refuse new connections at once, the database pools
 * must be closed (lib/shutdown.ts), and the process must exit 0 well within KEYSTONE_SHUTDOWN_TIMEOUT_MS.
 */

const SHUTDOWN_TIMEOUT_MS = 10_000;
// Names this server's connections in pg_stat_activity, so the test can tell them from the suite's server.
const APP_NAME = 'keystone-drain-test';

/** A GET on `agent` (kept-alive, as a proxy in front of the app keeps its connections). */
function get(agent: http.Agent, url: string): Promise<{ status: number; connection?: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(text) }),
        );
      })
      .on('error', reject);
  });
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

test('SIGTERM lets the request in flight finish, refuses new ones, closes the pool and exits 0', async ({
  baseURL,
}) => {
  test.setTimeout(60_000);
  const suiteDb = suiteDatabaseUrl(baseURL!);
  const appDb = new URL(suiteDb);
  appDb.searchParams.set('application_name', APP_NAME);
  const server = await startOwnServer(
    {
      DATABASE_URL: appDb.toString(),
      NEXTAUTH_SECRET: 'graceful-shutdown-test',
      KEYSTONE_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    },
    Number(process.env.E2E_DRAIN_PORT) || undefined,
  );
  const { base, port, exited, output } = server;

  const locker = new pg.Client({ connectionString: suiteDb });
  await locker.connect();
  try {
    // Ready, and its pool open: /api/health reads the migrations table through lib/db's pool.
    await waitFor('the second server', async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(agent, `${base}/api/health`)).status).toBe(200);

    // Hold the request: the health check's read of the migrations table waits for this test's lock. It gives up
    // after 3 s (503), so the lock is released well before that.
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE');
    // on the kept-alive connection of the request before
    const inFlight = get(agent, `${base}/api/health`);
    await waitFor('the request to wait on the lock', async () => {
      const { rows } = await locker.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [APP_NAME],
      );
      return rows[0].n > 0 ? true : undefined;
    });

    const signalled = Date.now();
    server.process.kill('SIGTERM');
    // The listening socket closes at once: a new connection is refused while the old request still runs.
    await waitFor('the port to close', async () => ((await refused(port)) ? true : undefined), 5_000);
    expect(server.process.exitCode, `the server waits for the request in flight:\n${output()}`).toBeNull();

    await locker.query('COMMIT');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', database: 'up' });
    // and its kept-alive client is told to go, so that connection cannot hold the process up
    expect(answer.connection).toBe('close');

    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), SHUTDOWN_TIMEOUT_MS + 5_000)),
    ]);
    expect(code, output()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    // The pools were closed before the exit (scripts/next-server.mjs logs how many closed), and none of this
    // server's connections is left in PostgreSQL.
    const closed = output()
      .split('\n')
      .find((line) => line.includes('closed the database pools'));
    expect(closed, output()).toBeDefined();
    expect(JSON.parse(closed!)).toMatchObject({ failed: 0 });
    expect(JSON.parse(closed!).closed).toBeGreaterThan(0);
    await waitFor(
      "the server's connections to end",
      async () => {
        const { rows } = await locker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [APP_NAME],
        );
        return rows[0].n === 0 ? true : undefined;
      },
      5_000,
    );
  } finally {
    await locker.query('ROLLBACK').catch(() => {});
    await locker.end();
    server.kill();
  }
});
