import 'server-only';
import { createPrismaClient, type Db } from './prisma';

// One client per server process; in development Next re-evaluates modules on every change, so keep it global.
const globalForPrisma = globalThis as unknown as { prisma?: Db };
export const prisma: Db = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
