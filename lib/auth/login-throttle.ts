import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { createLimiter } from '@/lib/throttle';

/**
 * Password-guessing throttles, per username and per client address. Counters live in PostgreSQL (table
 * rate_limits, through lib/throttle.ts), so the limits hold across app workers, instances and restarts.
 * - a username: 5 attempts within 15 minutes, then that username is locked for 15 minutes;
 * - an address: 30 attempts within 15 minutes, then that address is locked for 15 minutes (a guess at many
 *   usernames from one machine), without locking out a whole office behind one NAT too quickly.
 * An attempt is counted *before* the password is checked, in one atomic statement, so parallel attempts cannot
 * all slip under the limit; a successful one gives its points back (the username's count is cleared).
 * The change-password form's current-password check counts against the same username allowance.
 */
export const USERNAME_LIMIT = { points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
export const ADDRESS_LIMIT = { points: 30, duration: 15 * 60, blockDuration: 15 * 60 };

type Limiter = RateLimiterPostgres;
let limiters: { byUsername: Limiter; byAddress: Limiter } | undefined;

function getLimiters() {
  if (!limiters) {
    limiters = {
      byUsername: createLimiter('signin_user', USERNAME_LIMIT),
      byAddress: createLimiter('signin_ip', ADDRESS_LIMIT),
    };
  }
  return limiters;
}

const usernameKey = (username: string) => username.trim().toLowerCase();
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export type LockScope = 'username' | 'address';

export type AttemptVerdict =
  /** go ahead; `lockIfFails` is the wait to announce if this attempt fails, having used up the allowance */
  | { allowed: true; lockIfFails: number | null }
  /** refused unchecked; `lockStarted` names the counters this very attempt locked (one audit row per lock) */
  | { allowed: false; retryAfterSeconds: number; lockStarted: LockScope[] };

/** One counter's answer: `ok` when the attempt was within its allowance. */
interface Counted {
  scope: LockScope;
  limiter: Limiter;
  key: string;
  points: number;
  ok: boolean;
  res: RateLimiterRes;
}

async function count(scope: LockScope, limiter: Limiter, key: string, points: number): Promise<Counted> {
  try {
    return { scope, limiter, key, points, ok: true, res: await limiter.consume(key) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { scope, limiter, key, points, ok: false, res: rejection };
    throw rejection; // the database, not the limit: the caller answers with a generic failure
  }
}

/**
 * Counts one password attempt for `username` (and `ip`, when known) and says whether it may be checked.
 * A refused attempt gives back the point it took from the other counter, so a locked username does not also
 * use up its office's address allowance (and the other way round).
 */
export async function beginPasswordAttempt(username: string, ip: string | null): Promise<AttemptVerdict> {
  const { byUsername, byAddress } = getLimiters();
  const counted = await Promise.all([
    count('username', byUsername, usernameKey(username), USERNAME_LIMIT.points),
    ...(ip ? [count('address', byAddress, ip, ADDRESS_LIMIT.points)] : []),
  ]);
  const refused = counted.filter((c) => !c.ok);
  if (refused.length > 0) {
    await Promise.all(counted.filter((c) => c.ok).map((c) => c.limiter.reward(c.key, 1)));
    return {
      allowed: false,
      retryAfterSeconds: Math.max(...refused.map((c) => seconds(c.res.msBeforeNext))),
      // the consume that first crosses the limit is the only one that sees exactly points + 1
      lockStarted: refused.filter((c) => c.res.consumedPoints === c.points + 1).map((c) => c.scope),
    };
  }
  const spent = counted.filter((c) => c.res.remainingPoints === 0);
  return {
    allowed: true,
    lockIfFails: spent.length ? Math.max(...spent.map((c) => seconds(c.res.msBeforeNext))) : null,
  };
}

/** After a correct password: the username starts afresh, and the address gets back the point this attempt took. */
export async function passwordAttemptSucceeded(username: string, ip: string | null) {
  const { byUsername, byAddress } = getLimiters();
  await Promise.all([byUsername.delete(usernameKey(username)), ip ? byAddress.reward(ip, 1) : null]);
}
