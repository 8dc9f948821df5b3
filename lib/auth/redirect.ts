/**
 * Where the app may send a browser after sign-in: a page of this app, nothing else. The one check for every
 * redirect target taken from a request (the login page's `callbackUrl`, next-auth's `redirect` callback).
 * Free of server-only imports so the proxy and client code may use it too.
 */

/** Longer targets are refused outright: no page of Keystone needs a 2 KB address. */
const MAX_TARGET_LENGTH = 2048;

/**
 * C0 and C1 control characters (browsers silently drop tab and newline inside URLs, which turns `/\t/evil` into
 * `//evil`), backslashes (browsers read them as slashes), and the Unicode line/paragraph separators.
 */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/;

/** Percent-decoded once more, to catch `%09`, `%5C` and their kin that a later decode would reveal. */
function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // malformed escapes: not a target we produced
  }
}

/**
 * The same-origin path (`/projects?x=1#y`) that `value` points to, or `fallback` when it is missing or points
 * anywhere else. `appOrigin` is the app's own origin (e.g. NEXTAUTH_URL); an absolute URL on that origin is
 * accepted and returned as a path.
 */
export function safeRedirectPath(value: unknown, appOrigin: string, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TARGET_LENGTH) return fallback;
  const decoded = decodedOnce(value);
  if (decoded === null || FORBIDDEN.test(value) || FORBIDDEN.test(decoded)) return fallback;
  // The decoded form must stay on the app too, in case some later hop decodes the target once more.
  const target = sameOriginPath(value, appOrigin);
  return target !== null && sameOriginPath(decoded, appOrigin) !== null ? target : fallback;
}

function sameOriginPath(value: string, appOrigin: string): string | null {
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username || target.password) return null;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (!target.pathname.startsWith('/') || target.pathname.startsWith('//')) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}
