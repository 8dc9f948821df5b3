/**
 * What the server closes on SIGTERM once the requests in flight are done (scripts/next-server.mjs runs these): the
 * database pools. A registered symbol on globalThis, because Next's bundles each load their own copy of a module,
 * and the server script is outside them.
 */
type Closer = () => Promise<unknown>;

const KEY = Symbol.for('keystone.onShutdown');
const registry = globalThis as unknown as Record<symbol, Set<Closer> | undefined>;

export function onShutdown(close: Closer): void {
  (registry[KEY] ??= new Set()).add(close);
}
