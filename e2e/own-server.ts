/**
 * A production server of a test's own, on the suite's database, started as `npm start` starts it
 * (scripts/next-server.mjs on the suite's build): for the specs that signal, kill or count its processes
 * (graceful shutdown, one worker per core), which they must not do to the suite's server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../scripts/lib/free-port';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The suite's database, as the e2e global setup wrote it for the suite's server on `baseURL`'s port. */
export function suiteDatabaseUrl(baseURL: string): string {
  return readFileSync(path.join(ROOT, `.data/e2e-db-${new URL(baseURL).port}.url`), 'utf8').trim();
}

/** Polls `probe` every 100 ms until it returns a value (a throw counts as not yet), or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface OwnServer {
  port: number;
  base: string;
  process: ChildProcess;
  /** everything it wrote to stdout and stderr so far */
  output(): string;
  /** its JSON log lines so far */
  lines(): Record<string, unknown>[];
  /** resolves with the exit code */
  exited: Promise<number | null>;
  /** SIGKILL, if it still runs: for `finally` */
  kill(): void;
}

/**
 * Starts scripts/next-server.mjs on a free port (or `port`) with the suite's environment plus `env`
 * (DATABASE_URL, NEXTAUTH_SECRET, WEB_CONCURRENCY…). It returns at once: wait for readiness with `waitFor`.
 */
export async function startOwnServer(env: Record<string, string>, port?: number): Promise<OwnServer> {
  const chosen = port ?? (await freePort());
  const base = `http://127.0.0.1:${chosen}`;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/next-server.mjs'), '--port', String(chosen), '--hostname', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXTAUTH_URL: base,
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    port: chosen,
    base,
    process: child,
    output: () => output,
    lines: () =>
      output.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
