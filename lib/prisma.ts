import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

/**
 * Builds a Prisma client over node-postgres. Used by the app's singleton (lib/db.ts) and by scripts and tests,
 * which cannot import lib/db.ts because it is marked server-only.
 */
export function createPrismaClient(connectionString = process.env.DATABASE_URL) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // A password hash never leaves the data layer unless a query asks for it by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
