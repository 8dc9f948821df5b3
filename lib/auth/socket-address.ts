/**
 * The TCP peer of the request being handled. Next.js does not hand it to route handlers or server actions (it
 * only copies it into X-Forwarded-For when the client sent none, so the header cannot tell the two apart), so
 * scripts/next-server.mjs, which serves the app, runs each request inside this AsyncLocalStorage. It lives on
 * globalThis under a registered symbol because the server script and Next's bundles load separate module copies.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolveClientAddress, trustedProxiesFromEnv } from './client-address';

const KEY = Symbol.for('keystone.socketAddress');

type Holder = { [KEY]?: AsyncLocalStorage<string | null> };

export function socketAddressStorage(): AsyncLocalStorage<string | null> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new AsyncLocalStorage<string | null>());
}

/** The socket address of the current request, or null outside Keystone's server (e.g. `next dev`). */
export function currentSocketAddress(): string | null {
  return socketAddressStorage().getStore() ?? null;
}

/** The client address of the current request under the configured trusted proxies (lib/auth/client-address.ts). */
export function currentClientAddress(forwardedFor: string | null | undefined): string | null {
  return resolveClientAddress(currentSocketAddress(), forwardedFor, trustedProxiesFromEnv());
}
