// Resolve hook: the modules that need a live Next request (or an RSC bundler) are replaced by the benchmark's
// stubs, as vitest.config.ts and the integration tests' vi.mock do. Not async: the same function serves as an
// in-thread hook (module.registerHooks) and as an off-thread one (module.register), where a returned promise is fine.
const STUBS = {
  'server-only': new URL('./stubs/empty.mjs', import.meta.url).href,
  '@/lib/auth/request-context': new URL('./stubs/request-context.mjs', import.meta.url).href,
  'next/cache': new URL('./stubs/next-cache.mjs', import.meta.url).href,
};

export function resolve(specifier, context, nextResolve) {
  const stub = STUBS[specifier];
  if (stub) return { url: stub, shortCircuit: true };
  return nextResolve(specifier, context);
}
