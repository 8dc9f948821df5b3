/**
 * One process per core (README "Performance"): the primary of Node's cluster module, which forks N workers that
 * each serve the build (scripts/lib/http-worker.mjs) on the one shared port; the primary accepts the connections
 * and hands them round-robin to the workers. N is WEB_CONCURRENCY, else os.availableParallelism().
 *
 * - Each worker has a number 1…N (KEYSTONE_WORKER, in every log line as `worker`), kept when it is restarted.
 * - Only worker 1 runs the job queue (lib/server/reminders/jobs.ts; KEYSTONE_JOBS=off for the others). Running it in
 *   every worker would also be correct (pg-boss's schedules are singletons, the outbox claims with SKIP LOCKED), but
 *   it would hold N more pools and poll N times for nothing. Migrations and the seed run once, before this starts
 *   (scripts/start.ts).
 * - A worker that dies is forked again after a back-off; after too many crashes of one worker (APP_CRASH_POLICY)
 *   the primary stops the others and exits 1, so the supervisor above it (scripts/lib/app-server.ts, Docker's
 *   restart policy) sees a failure instead of a restart loop.
 * - SIGTERM/SIGINT reach every worker, each finishes its requests in flight and closes its pools; the primary
 *   exits 0 once all have exited 0.
 * Plain JavaScript so the container runs it with Node alone.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { afterCrash, APP_CRASH_POLICY, describeExit } from './crash-policy.mjs';

/** at most this many workers: beyond the cores they only add memory and database connections */
export const MAX_WORKERS = 64;

/** WEB_CONCURRENCY (a whole number 1…64), else one worker per core. */
export function workerCount(env = process.env, cores = availableParallelism()) {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return Math.min(Math.max(1, cores), MAX_WORKERS);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS} (got "${raw}")`);
  return n;
}

/** This worker's number in the cluster, or null when the process serves alone. */
export function workerId(env = process.env) {
  const n = Number(env.KEYSTONE_WORKER);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** `--port 3000 [--hostname 127.0.0.1]`, as `next start` takes them. */
export function serverOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: process.env.PORT ?? '3000' }, hostname: { type: 'string' } },
  });
  return { port: Number(values.port), hostname: values.hostname };
}

/** Forks `count` workers of this script and supervises them until a signal or giving up; then exits. */
export function runPrimary(count, { policy = APP_CRASH_POLICY } = {}) {
  const log = pino({
    base: { app: 'keystone', worker: 0 },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    level: process.env.LOG_LEVEL ?? 'info',
  });
  const { port, hostname } = serverOptions();
  const shutdownTimeoutMs = Number(process.env.KEYSTONE_SHUTDOWN_TIMEOUT_MS) || 25_000;
  /** @type {Map<number, import('node:cluster').Worker>} slot → its running worker */
  const running = new Map();
  /** @type {Map<number, number[]>} slot → the times it crashed */
  const crashes = new Map();
  /** @type {Set<NodeJS.Timeout>} restarts waiting out their back-off */
  const pendingRestarts = new Set();
  const ready = new Set();
  let stopping = false;
  let exitCode = 0;

  const fork = (slot) => {
    const worker = cluster.fork({
      KEYSTONE_WORKER: String(slot),
      // the job queue in one worker only (see above); KEYSTONE_JOBS=off for the whole server still turns it off
      KEYSTONE_JOBS: slot === 1 ? (process.env.KEYSTONE_JOBS ?? '') : 'off',
    });
    running.set(slot, worker);
    worker.once('listening', () => {
      if (ready.has(slot)) return;
      ready.add(slot);
      if (ready.size === count)
        log.info({ port, workers: count }, `Ready on http://${hostname ?? 'localhost'}:${port} (${count} workers)`);
    });
    worker.once('exit', (code, signal) => {
      running.delete(slot);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        if (running.size === 0) process.exit(exitCode);
        return;
      }
      const times = [...(crashes.get(slot) ?? []), Date.now()];
      crashes.set(slot, times);
      const decision = afterCrash(times, Date.now(), policy);
      if (!decision.restart) {
        log.error(
          { slot, exit: describeExit(code, signal), crashes: decision.recent },
          `worker ${slot} died ${decision.recent} times within ${policy.windowMs / 60_000} minutes; giving up`,
        );
        stop('SIGTERM', 1);
        return;
      }
      log.error(
        { slot, exit: describeExit(code, signal), restartInMs: decision.delayMs, crashes: decision.recent },
        `worker ${slot} died (${describeExit(code, signal)}); starting it again in ${decision.delayMs / 1000} s`,
      );
      const timer = setTimeout(() => {
        pendingRestarts.delete(timer);
        if (!stopping) fork(slot);
      }, decision.delayMs);
      pendingRestarts.add(timer);
    });
  };

  /** Every worker finishes its requests in flight and closes its pools (http-worker.mjs); then the primary exits. */
  const stop = (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of pendingRestarts) clearTimeout(timer);
    if (running.size === 0) process.exit(exitCode);
    log.info({ signal, workers: running.size }, 'stopping the workers');
    for (const worker of running.values()) worker.process.kill('SIGTERM');
    // each worker gives up on its own after the timeout; this only guards against one that hangs beyond it
    setTimeout(() => {
      log.error(`workers still running ${shutdownTimeoutMs + 5_000} ms after ${signal}; killing them`);
      for (const worker of running.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, shutdownTimeoutMs + 5_000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

  log.info({ workers: count }, `starting ${count} workers`);
  for (let slot = 1; slot <= count; slot++) fork(slot);
}
