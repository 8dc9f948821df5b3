/**
 * Measurements c and f: the production build (its own dist dir, .next-bench by default) served as `npm start`
 * serves it (scripts/next-server.mjs: one worker per core, or `workers`) against the benchmark database, a session cookie from next-auth's credentials sign-in, then autocannon —
 * in a child process of its own, loopback only, bounded in time — on the dashboard and the projects list. The
 * JavaScript a page loads is read from the page itself (every /_next/static/chunks/*.js its HTML and RSC payload
 * name, the nomodule polyfill excepted) and gzipped from the build's files.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { freePort } from '../lib/free-port';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { workerCount } from '../lib/cluster-primary.mjs';
import { ROOT } from '../lib/postgres';

export interface LoadResult {
  path: string;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  /** null when no request completed within the time (each took longer than `seconds`) */
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  non2xx: number;
  errors: number;
}

export interface PageJs {
  path: string;
  /** browser: what Chromium fetched; html: what the HTML names */
  method: 'browser' | 'html';
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
  /** the five largest chunks, gzip bytes */
  largest: { chunk: string; gzipBytes: number }[];
}

const round = (x: number | null) => (x === null ? null : Number(x.toFixed(1)));

/** Builds into distDir unless a build is there already (or `rebuild`). Returns the build's seconds (0 when reused). */
/** What `next build` compiles, as in the checkout (staged, unstaged and untracked): a build of other sources is never measured. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'prisma',
  'public',
  'middleware.ts',
  'proxy.ts',
  'next.config.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];

function sourceFingerprint(): string | null {
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const inputs = BUILD_INPUTS.filter((p) => existsSync(path.join(ROOT, p)));
    const state =
      git(['ls-files', '-s', '--', ...inputs]) +
      git(['diff', '--', ...inputs]) +
      git(['ls-files', '--others', '--exclude-standard', '--', ...inputs]);
    return createHash('sha256').update(state).digest('hex');
  } catch {
    return null; // not a git checkout: rebuild every time
  }
}

export function ensureBuild(distDir: string, rebuild: boolean, log: (s: string) => void): number {
  const stamp = path.join(ROOT, distDir, 'KEYSTONE_SOURCE');
  const source = sourceFingerprint();
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
  if (!rebuild && source !== null && built === source && existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    log(`Reusing the production build in ${distDir}/, built from these sources (--rebuild to rebuild it)`);
    return 0;
  }
  log(`Building the app into ${distDir}/ (next build)…`);
  const t0 = performance.now();
  // `next build` with another dist dir adds it to tsconfig.json's include and points next-env.d.ts at it; a
  // benchmark build must leave the checkout as it found it.
  const kept = ['tsconfig.json', 'next-env.d.ts'].flatMap((f) => {
    const file = path.join(ROOT, f);
    return existsSync(file) ? [[file, readFileSync(file)] as const] : [];
  });
  let res;
  try {
    res = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
  } finally {
    for (const [file, content] of kept) writeFileSync(file, content);
  }
  if (res.status !== 0) throw new Error(`next build into ${distDir} failed`);
  if (source !== null) writeFileSync(stamp, source);
  return Number(((performance.now() - t0) / 1000).toFixed(1));
}

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

/** Unloaded latency: `count` requests one after another, after one untimed request. */
export async function sequential(
  base: string,
  urlPath: string,
  cookie: string,
  count: number,
): Promise<{ path: string; count: number; medianMs: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${urlPath}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${urlPath} answered ${res.status}`);
    runs.push(Number((performance.now() - t0).toFixed(1)));
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return { path: urlPath, count, medianMs: sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2, runs };
}

/** autocannon in its own process, so the load generator does not share an event loop with anything measured. */
export function load(
  base: string,
  urlPath: string,
  cookie: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  // p95 is not among autocannon's percentiles, so every response time is kept and the percentiles computed here.
  const script = `
    const autocannon = require('autocannon');
    const [url, cookie, duration, connections] = process.argv.slice(1);
    const times = [];
    const instance = autocannon({ url, duration: Number(duration), connections: Number(connections), timeout: 60, headers: { cookie } }, (err, r) => {
      if (err) { console.error(err); process.exit(1); }
      times.sort((a, b) => a - b);
      const q = (p) => times.length ? times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] : null;
      process.stdout.write(JSON.stringify({ requests: r.requests.total, rps: r.requests.average, non2xx: r.non2xx,
        errors: r.errors + r.timeouts, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: times[times.length - 1] ?? null }));
    });
    instance.on('response', (client, status, bytes, ms) => times.push(ms));`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', script, `${base}${urlPath}`, cookie, String(seconds), String(connections)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({
        path: urlPath,
        seconds,
        connections,
        requests: r.requests,
        requestsPerSecond: Number(Number(r.rps).toFixed(1)),
        latencyMs: { p50: round(r.p50), p95: round(r.p95), p99: round(r.p99), max: round(r.max) },
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

/**
 * The JavaScript a page makes the browser load: in Debian's Chromium (as the end-to-end tests run it), every
 * /_next/static/**.js the page fetches until the network is idle — the chunks its HTML names and those loaded on
 * demand (the S-curve's ECharts) — gzipped at level 9 from the build's files. Without a Chromium, the chunks the
 * HTML and its RSC payload name (on-demand chunks are then missed; `method` says which).
 */
export async function pageJs(base: string, urlPath: string, cookie: string, distDir: string): Promise<PageJs> {
  const polyfills = new Set<string>(
    JSON.parse(readFileSync(path.join(ROOT, distDir, 'build-manifest.json'), 'utf8')).polyfillFiles ?? [],
  );
  const chunks = new Set<string>();
  let method: PageJs['method'] = 'html';
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(executablePath)) {
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      await context.addCookies(
        cookie.split('; ').map((c) => {
          const i = c.indexOf('=');
          return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
        }),
      );
      const page = await context.newPage();
      // <Link> prefetches of other routes would pull their chunks in too: those are not this page's JavaScript.
      await page.route('**/*', (route) =>
        route.request().headers()['next-router-prefetch'] ? route.abort() : route.continue(),
      );
      page.on('response', (res) => {
        const m = /\/_next\/(static\/.+?\.js)(\?|$)/.exec(new URL(res.url()).pathname);
        if (m) chunks.add(decodeURIComponent(m[1]!));
      });
      await page.goto(`${base}${urlPath}`, { waitUntil: 'networkidle', timeout: 300_000 });
      method = 'browser';
    } finally {
      await browser.close();
    }
  } else {
    const html = await (await fetch(`${base}${urlPath}`, { headers: { cookie } })).text();
    for (const m of html.matchAll(/static\/chunks\/[A-Za-z0-9_\-./]+?\.js/g)) chunks.add(m[0]);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  let counted = 0;
  const largest: { chunk: string; gzipBytes: number }[] = [];
  for (const chunk of chunks) {
    if (polyfills.has(chunk)) continue;
    const file = path.join(ROOT, distDir, chunk);
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    counted++;
    const gz = gzipSync(buf, { level: 9 }).length;
    rawBytes += buf.length;
    gzipBytes += gz;
    largest.push({ chunk, gzipBytes: gz });
  }
  largest.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { path: urlPath, method, chunks: counted, rawBytes, gzipBytes, largest: largest.slice(0, 5) };
}
