/**
 * One process serving the production build, as `next start` does, with one addition: each request runs inside an
 * AsyncLocalStorage holding its TCP peer address, which Next.js does not pass on to route handlers or server
 * actions (lib/auth/socket-address.ts reads it; lib/auth/client-address.ts decides what to believe).
 * Started by scripts/next-server.mjs: in that process when it serves alone (WEB_CONCURRENCY=1), else in each
 * cluster worker (scripts/lib/cluster-primary.mjs), which then share the port. Plain JavaScript so the container
 * runs it with Node alone.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import pino from 'pino';

import { serverOptions, workerId } from './cluster-primary.mjs';

const { port, hostname } = serverOptions();
const dir = path.resolve(import.meta.dirname, '../..');

// The same registered symbol as lib/auth/socket-address.ts: Next's bundles load their own copy of that module.
const KEY = Symbol.for('keystone.socketAddress');
globalThis[KEY] ??= new AsyncLocalStorage();
/** @type {AsyncLocalStorage<string | null>} */
const socketAddress = globalThis[KEY];

// The same JSON lines as the app's (lib/log.ts): one per request, with the id proxy.ts gave it (X-Request-Id), and
// in a cluster the worker's number (1…N; the primary logs as 0).
const worker = workerId();
const log = pino({
  base: worker === null ? { app: 'keystone' } : { app: 'keystone', worker },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  level: process.env.LOG_LEVEL ?? 'info',
});

const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();

// The responses not yet begun, so that a shutdown can tell their keep-alive clients to go (see below).
/** @type {Set<import('node:http').ServerResponse>} */
const pending = new Set();
let shuttingDown = false;

const server = createServer((req, res) => {
  const started = performance.now();
  // A client (a proxy, a load balancer) with a kept-alive connection can still send on it after server.close():
  // such a request is served, but on a connection that closes after it, or the process would never drain.
  if (shuttingDown) res.setHeader('Connection', 'close');
  else {
    pending.add(res);
    res.once('close', () => pending.delete(res));
  }
  res.once('finish', () => {
    const line = {
      reqId: res.getHeader('x-request-id') ?? null,
      method: req.method,
      // no query string: it may carry a search term or a sign-in callback
      path: (req.url ?? '').split('?')[0],
      status: res.statusCode,
      durationMs: Math.round(performance.now() - started),
    };
    // Build assets are many and say little: only at LOG_LEVEL=debug.
    if (line.path.startsWith('/_next/')) log.debug(line, 'request');
    else log.info(line, 'request');
  });
  socketAddress.run(req.socket.remoteAddress ?? null, () => {
    handle(req, res).catch((error) => {
      log.error({ err: error, path: (req.url ?? '').split('?')[0] }, 'unhandled request error');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
server.listen(port, hostname, () => {
  log.info({ port, pid: process.pid }, `Ready on http://${hostname ?? 'localhost'}:${port}`);
});

// Graceful shutdown (Docker, and the supervisor of `npm start`, send SIGTERM): stop accepting connections, let the
// requests in flight finish, then close the database pools (lib/shutdown.ts) and leave. Past
// KEYSTONE_SHUTDOWN_TIMEOUT_MS (25 s; docker-compose waits 30 s) whatever still runs is cut off.
const SHUTDOWN_KEY = Symbol.for('keystone.onShutdown');
const shutdownTimeoutMs = Number(process.env.KEYSTONE_SHUTDOWN_TIMEOUT_MS) || 25_000;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'finishing the requests in flight, then stopping');
    setTimeout(() => {
      log.error(`requests still running after ${shutdownTimeoutMs} ms; stopping anyway`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    server.close(async () => {
      /** @type {Set<() => Promise<unknown>> | undefined} */
      const closers = globalThis[SHUTDOWN_KEY];
      const results = await Promise.allSettled([...(closers ?? [])].map((close) => close()));
      const failed = results.filter((r) => r.status === 'rejected');
      for (const f of failed) log.error({ err: f.reason }, 'a database pool did not close cleanly');
      log.info({ closed: results.length - failed.length, failed: failed.length }, 'closed the database pools');
      log.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close');
  });
}
