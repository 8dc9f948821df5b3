import 'server-only';
import { createPrismaClient, type Db } from './prisma';
import { onShutdown } from './shutdown';

// One client per server process. `next dev` re-evaluates modules on every change, so there the client is kept
// on globalThis to avoid a new connection pool per edit; elsewhere (production, tests that re-import modules
// against another database) the module's own instance is the one.
const globalForPrisma = globalThis as unknown as { prisma?: Db };
export const prisma: Db = (process.env.NODE_ENV === 'development' && globalForPrisma.prisma) || createPrismaClient();
if (process.env.NODE_ENV === 'development') globalForPrisma.prisma = prisma;
// Closed on SIGTERM after the requests in flight finish (scripts/lib/http-worker.mjs).
onShutdown(() => prisma.$disconnect());

/**
 * A streaming replica of the primary (DATABASE_REPLICA_URL), with a pool of its own, for the reads of dashboards,
 * lists and the API; none without it. Routed per request by lib/read-db.ts, never for a write.
 */
const replicaUrl = process.env.DATABASE_REPLICA_URL?.trim();
const globalForReplica = globalThis as unknown as { prismaReplica?: Db };
export const replica: Db | null = replicaUrl
  ? (process.env.NODE_ENV === 'development' && globalForReplica.prismaReplica) || createPrismaClient(replicaUrl)
  : null;
if (replica) {
  if (process.env.NODE_ENV === 'development') globalForReplica.prismaReplica = replica;
  onShutdown(() => replica.$disconnect());
}
