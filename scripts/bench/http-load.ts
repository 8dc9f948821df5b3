/**
 * Measurements c and f over HTTP: autocannon — in a child process of its own, loopback only, bounded in time — on
 * a page, requests one at a time, and the JavaScript a page loads, read from the page itself (every
 * /_next/static/chunks/*.js its HTML and RSC payload name, the nomodule polyfill excepted) and gzipped from the
 * build's files.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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
