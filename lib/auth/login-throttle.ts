import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in throttling, per username and per client address. Counters live in PostgreSQL (table rate_limits),
 * so the limits hold across app instances and restarts.
 * - a username: 5 failed attempts within 15 minutes block that username for 15 minutes;
 * - an address: 30 failed attempts within 15 minutes block that address for 15 minutes (a guess at many
 *   usernames from one machine), without locking out a whole office behind one NAT too quickly.
 * A successful sign-in clears the username's counter.
 */
export const USERNAME_LIMIT = { points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
export const ADDRESS_LIMIT = { points: 30, duration: 15 * 60, blockDuration: 15 * 60 };

let limiters: { byUsername: RateLimiterPostgres; byAddress: RateLimiterPostgres } | undefined;

function getLimiters() {
  if (!limiters) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    // An idle connection dropped by the server (restart, failover) must not crash the app; the next query reconnects.
    pool.on('error', (error) => console.warn('[login-throttle] idle database connection lost:', error.message));
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
    limiters = {
      byUsername: new RateLimiterPostgres({ ...common, keyPrefix: 'signin_user', ...USERNAME_LIMIT }),
      byAddress: new RateLimiterPostgres({ ...common, keyPrefix: 'signin_ip', ...ADDRESS_LIMIT }),
    };
  }
  return limiters;
}

const usernameKey = (username: string) => username.trim().toLowerCase();

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/** Seconds until the next attempt is allowed, once the allowance is used up; null while attempts remain. */
function blockedFor(res: RateLimiterRes | null, points: number): number | null {
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Before checking a password: is this username or address blocked now? */
export async function signInThrottleState(username: string, ip: string | null): Promise<ThrottleState> {
  const { byUsername, byAddress } = getLimiters();
  const [user, address] = await Promise.all([
    byUsername.get(usernameKey(username)),
    ip ? byAddress.get(ip) : Promise.resolve(null),
  ]);
  const wait = Math.max(blockedFor(user, USERNAME_LIMIT.points) ?? 0, blockedFor(address, ADDRESS_LIMIT.points) ?? 0);
  return wait > 0 ? { blocked: true, retryAfterSeconds: wait } : { blocked: false };
}

/** After a failed attempt: count it; returns the block if this attempt used up the allowance. */
export async function recordSignInFailure(username: string, ip: string | null): Promise<ThrottleState> {
  const { byUsername, byAddress } = getLimiters();
  const consume = (limiter: RateLimiterPostgres, key: string) =>
    limiter.consume(key).then(
      (res) => (res.remainingPoints > 0 ? null : Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      },
    );
  const waits = await Promise.all([
    consume(byUsername, usernameKey(username)),
    ip ? consume(byAddress, ip) : Promise.resolve(null),
  ]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  return wait > 0 ? { blocked: true, retryAfterSeconds: wait } : { blocked: false };
}

export async function clearSignInFailures(username: string) {
  await getLimiters().byUsername.delete(usernameKey(username));
}
