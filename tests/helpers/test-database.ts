import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/prisma';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../../scripts/lib/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * The app's own code uses it: DATABASE_URL points at it, so lib/db's client (and the throttle's pool) connect
   * here when first used. Import the actions under test after creating it; `drop()` disconnects that client.
   */
  app?: boolean;
}

/**
 * A fresh database of this test run: empty, migrated, or migrated and seeded with the demo data.
 * Call `drop()` in afterAll.
 */
export async function createTestDatabase(
  from: 'empty' | 'migrated' | 'seeded',
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `${inject('databasePrefix')}_${randomBytes(4).toString('hex')}`;
  const template =
    from === 'empty' ? undefined : from === 'migrated' ? inject('migratedTemplate') : inject('seededTemplate');
  await createDatabaseIfMissing(adminUrl, name, template);
  const url = withDatabase(adminUrl, name);
  const db = createPrismaClient(url);
  if (options.app) process.env.DATABASE_URL = url;
  return {
    name,
    url,
    db,
    async drop() {
      if (options.app) await (await import('@/lib/db')).prisma.$disconnect();
      await db.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}
