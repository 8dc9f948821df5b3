import 'server-only';
import { headers } from 'next/headers';

/**
 * The app's own origin, for same-origin checks: NEXTAUTH_URL, which every start script sets, else the address
 * the browser asked for (a redirect target is compared with it, so a forged Host header only fools its sender).
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's own address
    }
  }
  const h = await headers();
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${h.get('host') ?? 'localhost'}`;
}
