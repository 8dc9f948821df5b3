/**
 * How long a session lives. Free of server-only imports: proxy.ts uses it.
 * - Idle: 8 hours without a request end it (a session left open on a shared office PC ends by the evening).
 *   proxy.ts renews the cookie on activity, at most every RENEW_AFTER_SECONDS.
 * - Absolute: 12 hours after the password was typed it ends however busy it was, so a stolen cookie cannot be
 *   kept alive by using it. The sign-in time travels in the token and survives every renewal.
 * - Revocation: the token carries the user's session version; a password change, an admin reset, deactivation,
 *   a role or department change and "sign out everywhere" move the version, which ends every older token at its
 *   next request (lib/auth/session.ts compares it on every request).
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;
export const SESSION_RENEW_AFTER_SECONDS = 5 * 60;
/** A token signed in "in the future" by more than this is not one we issued (clock skew between instances). */
const CLOCK_SKEW_SECONDS = 60;

/** What the token must carry for the session checks; both are set once, at sign-in. */
export interface SessionStamp {
  /** seconds since the epoch, when the password was checked */
  signedInAt?: unknown;
  /** User.sessionVersion at sign-in */
  sessionVersion?: unknown;
}

/** Whether a token is still within its absolute lifetime; a token without a sign-in time (older build) is not. */
export function withinAbsoluteLifetime(stamp: SessionStamp, nowSeconds: number): boolean {
  const { signedInAt } = stamp;
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return false;
  return signedInAt <= nowSeconds + CLOCK_SKEW_SECONDS && nowSeconds - signedInAt < SESSION_ABSOLUTE_LIFETIME_SECONDS;
}

/** Why a session is refused, or null when it may go on. `currentVersion` is the user's version now. */
export function sessionRefusal(
  stamp: SessionStamp,
  user: { active: boolean; sessionVersion: number } | null,
  nowSeconds: number,
): 'expired' | 'revoked' | null {
  if (!withinAbsoluteLifetime(stamp, nowSeconds)) return 'expired';
  if (!user || !user.active || stamp.sessionVersion !== user.sessionVersion) return 'revoked';
  return null;
}

/** When a session that began at `signedInAt` (seconds) ends at the latest. */
export function absoluteSessionEnd(signedInAt: number): Date {
  return new Date((signedInAt + SESSION_ABSOLUTE_LIFETIME_SECONDS) * 1000);
}
