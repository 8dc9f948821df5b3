/**
 * The security headers of every response. Pure: proxy.ts sets the per-request ones (the CSP with its nonce,
 * HSTS), next.config.js the fixed ones for every path including assets and the API.
 */

/**
 * Scripts run only with this response's nonce (Next.js puts it on its own inline and bundle scripts, read from
 * the request's CSP header), and what they load ('strict-dynamic'). Styles allow inline: React and the
 * server-rendered ECharts SVGs use style attributes, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** One year; no includeSubDomains, which would bind the operator's other hosts too. Sent over https only. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Headers that do not change per request (next.config.js sends them on every path). */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  // An internal government tool is never meant to be framed by another site (old browsers; CSP says it too).
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  // Nothing in Keystone uses the camera, microphone, location, payments or USB; no page may ask for them.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
