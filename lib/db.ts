import 'server-only';
import { createPrismaClient, type Db } from './prisma';
import { onShutdown } from './shutdown';

// One client per server process. `next dev` re-evaluates modules on every change, so there the client is kept
// on globalThis to avoid a new connection pool per edit; elsewhere (production, tests that re-import modules
// against another database) the module's own instance is the one.
const globalForPrisma = globalThis as unknown as { prisma?: Db };
export const prisma: Db = (process.env.NODE_ENV === 'development' && globalForPrisma.prisma) || createPrismaClient();
if (process.env.NODE_ENV === 'development') globalForPrisma.prisma = prisma;
// Closed on SIGTERM after the requests in flight finish (scripts/next-server.mjs).
onShutdown(() => prisma.$disconnect());
