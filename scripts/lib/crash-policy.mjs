/**
 * When a supervisor restarts what died, and when it gives up (README "When something dies"). Shared by the
 * supervisor of `npm start` (scripts/lib/supervisor.ts: the app server, the embedded PostgreSQL) and the cluster
 * primary (scripts/lib/cluster-primary.mjs: each worker). Plain JavaScript so the container's Node runs it alone;
 * its types are in crash-policy.d.mts.
 */

/** The app server (and each cluster worker): 1 s, 2 s, 4 s … 30 s, and after 5 crashes within 10 minutes, give up. */
export const APP_CRASH_POLICY = Object.freeze({
  maxCrashes: 5,
  windowMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
});

/** Given the times of every crash so far (the latest included), whether to restart and after how long. */
export function afterCrash(crashTimes, now, policy) {
  const recent = crashTimes.filter((t) => now - t < policy.windowMs).length;
  if (recent >= policy.maxCrashes) return { restart: false, recent };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** Math.max(0, recent - 1), policy.maxDelayMs);
  return { restart: true, delayMs, recent };
}

export function describeExit(code, signal) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
