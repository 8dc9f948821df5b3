import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { parseRateLimit, type RateLimit } from '@/lib/domain/rate-limit';
import { logger } from '@/lib/log';
import { onShutdown } from '@/lib/shutdown';

/**
 * Request throttles whose counters live in PostgreSQL (table rate_limits), so a limit holds across app workers,
 * instances and restarts. The sign-in throttle (lib/auth/login-throttle.ts) shares the store.
 *
 * Two callers' limits, each a window of `points` requests per `durationSeconds`; a caller over it waits out one
 * window, refused before any work (nothing parsed, nothing written):
 * - `action`: every server action a signed-in user calls (lib/actions/safe-action.ts), per user. A person never
 *   comes near 300 a minute (an autosave is one call per row edited); a script replaying a session's actions does.
 * - `api`: every JSON API request (lib/server/api/respond.ts), per token.
 * Operators set them with KEYSTONE_ACTION_RATE_LIMIT and KEYSTONE_API_RATE_LIMIT ("300/60", or "off").
 */
export const DEFAULT_LIMITS = {
  action: { points: 300, durationSeconds: 60 },
  api: { points: 600, durationSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

export type ThrottleKind = keyof typeof DEFAULT_LIMITS;

const SETTINGS: Record<ThrottleKind, string> = {
  action: 'KEYSTONE_ACTION_RATE_LIMIT',
  api: 'KEYSTONE_API_RATE_LIMIT',
};

/** One small pool per database the process talks to (tests switch DATABASE_URL between files). */
const pools = new Map<string, pg.Pool>();

export function rateLimitPool(): pg.Pool {
  const url = process.env.DATABASE_URL ?? '';
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url || undefined, max: 3 });
    // An idle connection dropped by the server (restart, failover) must not crash the app, and is no fault: the next
    // query reconnects, and a database that stays down shows in that query's failure.
    pool.on('error', (error) => logger.info({ err: error.message }, 'rate-limit store: idle database connection lost'));
    const created = pool;
    onShutdown(() => created.end());
    pools.set(url, pool);
  }
  return pool;
}

/** A limiter over the shared store; `blockDuration` as in rate-limiter-flexible (seconds locked once over). */
export function createLimiter(keyPrefix: string, options: { points: number; duration: number; blockDuration: number }) {
  return new RateLimiterPostgres({
    storeClient: rateLimitPool(),
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix,
    ...options,
  });
}

const limiters = new Map<string, RateLimiterPostgres>();

/** The limit in force for `kind`: its setting, read on each call so an operator's change needs only a restart. */
export function limitFor(kind: ThrottleKind): RateLimit | null {
  return parseRateLimit(SETTINGS[kind], process.env[SETTINGS[kind]], DEFAULT_LIMITS[kind]);
}

/**
 * Counts one request of `key` (a user id, a token id) and answers null when it may go ahead, else the seconds to
 * wait. The count is one atomic statement, so parallel requests cannot all slip under the limit.
 */
export async function throttle(kind: ThrottleKind, key: string): Promise<number | null> {
  const limit = limitFor(kind);
  if (!limit) return null;
  const id = `${process.env.DATABASE_URL ?? ''}|${kind}|${limit.points}/${limit.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = createLimiter(`throttle_${kind}`, {
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.durationSeconds,
    });
    limiters.set(id, limiter);
  }
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection; // the database, not the limit: the caller answers as for any database failure
  }
}
