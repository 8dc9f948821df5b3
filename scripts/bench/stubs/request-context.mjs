// The benchmark's stand-in for lib/auth/request-context.ts: the acting user is whoever the benchmark set
// (globalThis.__benchRequestContext, see setBenchRequestContext in scripts/bench/context.ts).
export async function getRequestContext() {
  const context = globalThis.__benchRequestContext;
  if (!context) throw new Error('bench: no request context set');
  return context;
}
