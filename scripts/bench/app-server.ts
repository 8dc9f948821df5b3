/**
 * The app as `npm start` serves it (scripts/next-server.mjs: one worker per core, or `workers`) on the benchmark
 * database, a session cookie from next-auth's credentials sign-in, and a warm-up that reaches every worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { workerCount } from '../lib/cluster-primary.mjs';
import { freePort } from '../lib/free-port';
import { ROOT } from '../lib/postgres';

export interface Server {
  base: string;
  workers: number;
  stop(): Promise<void>;
}

export async function startServer(
  distDir: string,
  databaseUrl: string,
  secret: string,
  log: (s: string) => void,
  workers = workerCount(),
): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/next-server.mjs'), '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        WEB_CONCURRENCY: String(workers),
        // the reminders' job queue is not what is measured
        KEYSTONE_JOBS: 'off',
        // info: the primary says when every worker listens (below)
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  // one JSON line per request: only the last 64 KB are kept, for an error message
  // the primary's "Ready … (N workers)" line: /login answers as soon as the first worker listens
  let allListening = workers <= 1;
  const keep = (d: Buffer) => {
    output = (output + d).slice(-65_536);
    allListening ||= output.includes(`(${workers} workers)`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      const r = await fetch(`${base}/login`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  while (!allListening) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the workers did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`scripts/next-server.mjs (${distDir}, ${workers} worker(s)) listening on ${base}`);
  return {
    base,
    workers,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone
        }
      }
    },
  };
}

/** next-auth's credentials flow: the CSRF token and its cookie, then the callback; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/dashboard`, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`sign-in as ${username} failed (${res.status})`);
  const check = await fetch(`${base}/dashboard`, { headers: { cookie: cookie() }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`the session cookie does not open /dashboard (${check.status})`);
  return cookie();
}

/**
 * One request per worker and a few more, each on a new connection (the cluster's primary hands new connections to
 * the workers in turn), so that no worker computes its first figures inside a timed load.
 */
export async function warmEveryWorker(base: string, urlPath: string, cookie: string, workers: number) {
  for (let i = 0; i < workers * 2; i++)
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${base}${urlPath}`, { agent: false, headers: { cookie } }, (res) => res.resume().on('end', resolve))
        .on('error', reject),
    );
}
