/**
 * Whether a state-changing request comes from a page of this app: its Origin names the host the request was sent
 * to (X-Forwarded-Host behind a proxy, else Host). Next.js checks server-action posts the same way; a route handler
 * that changes data (the month sheet's upload) checks it itself. A request without Origin is refused: every browser
 * sends one with a POST from fetch.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
