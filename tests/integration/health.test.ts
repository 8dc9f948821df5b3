import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/prisma';
import { checkHealth } from '@/lib/server/health';
import packageJson from '@/package.json';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let GET: typeof import('@/app/api/health/route').GET;

beforeAll(async () => {
  database = await createTestDatabase('migrated', { app: true });
  ({ GET } = await import('@/app/api/health/route'));
});
afterAll(() => database.drop());

describe('GET /api/health', () => {
  it('answers 200 with the database up and every shipped migration applied', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      migrations: 'current',
      version: packageJson.version,
    });
  });

  it('answers 503 while a migration the build ships is not applied, and 200 again once it is', async () => {
    const [last] = await database.db.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await database.db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE id = ${last!.id}`;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'up', migrations: 'pending' });
    } finally {
      await database.db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = now() WHERE id = ${last!.id}`;
    }
    expect((await GET()).status).toBe(200);
  });

  it('counts a database never migrated as pending, not as down', async () => {
    const empty = await createTestDatabase('empty');
    try {
      expect(await checkHealth(empty.db)).toMatchObject({ status: 'unavailable', migrations: 'pending' });
    } finally {
      await empty.drop();
    }
  });

  it('answers unavailable, naming nothing of the server, when the database cannot be reached', async () => {
    // nothing listens on port 1
    const dead = createPrismaClient('postgresql://keystone:s3cret@127.0.0.1:1/keystone');
    try {
      const health = await checkHealth(dead);
      expect(health).toEqual({
        status: 'unavailable',
        database: 'down',
        migrations: 'unknown',
        version: packageJson.version,
      });
      expect(JSON.stringify(health)).not.toMatch(/127\.0\.0\.1|s3cret|ECONNREFUSED/);
    } finally {
      await dead.$disconnect();
    }
  });
});
