/**
 * The key that encrypts session tokens. Shared by next-auth (lib/auth/options.ts) and the proxy's `getToken`,
 * which must agree on it. Deliberately free of Prisma and `server-only` so proxy.ts can import it.
 */

// Only for `next dev` and tests, so a fresh checkout can sign in without setup. It is public (it is in the
// repository), so anyone could forge a session with it: production must set NEXTAUTH_SECRET, and does through
// scripts/start.sh. In production an unset secret stays unset, and next-auth then refuses to issue sessions.
const DEVELOPMENT_SECRET = 'keystone-development-secret-not-for-production-use';

export function getAuthSecret(): string | undefined {
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  return process.env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_SECRET;
}
