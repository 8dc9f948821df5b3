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

/**
 * A fresh database of this test run: empty, migrated, or migrated and seeded with the demo data.
 * Call `drop()` in afterAll.
 */
export async function createTestDatabase(from: 'empty' | 'migrated' | 'seeded'): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `${inject('databasePrefix')}_${randomBytes(4).toString('hex')}`;
  const template = from === 'empty' ? undefined : from === 'migrated' ? inject('migratedTemplate') : inject('seededTemplate');
  await createDatabaseIfMissing(adminUrl, name, template);
  const url = withDatabase(adminUrl, name);
  const db = createPrismaClient(url);
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}
