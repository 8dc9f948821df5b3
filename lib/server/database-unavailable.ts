/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing connections), as
 * opposed to a bug or a refused statement. The user is then told the service is temporarily unavailable and that
 * nothing was changed, rather than given a generic failure. Prisma wraps the driver's error in its own, so the
 * whole chain is searched.
 */
const PRISMA_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // the server timed out
  'P1008', // operation timed out
  'P1017', // the server closed the connection
  'P2024', // timed out waiting for a connection from the pool
]);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);
/** SQLSTATE: 08xxx connection exceptions; 57P01–57P03 shutdown, crash, "the database system is starting up" */
const SQLSTATE = /^(08|57P0[123])/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code)))
    return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === 'postgres' && typeof e.code === 'string' && SQLSTATE.test(e.code)) return true;
  if (error instanceof Error && /^Connection terminated/.test(error.message)) return true; // node-postgres
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
