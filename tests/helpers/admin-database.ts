/**
 * The administration stories' setup (tests/integration/admin-*.test.ts): a throwaway copy of the seeded database
 * the app's client points at, the admin actions loaded against it, and what a refused call must leave unchanged.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Everything the admin actions could change: equal before and after proves a refused call changed nothing. */
export const ADMIN_TABLES = ['User', 'Department', 'PlanYear', 'AuditLog'] as const;
export const STRONG_PASSWORD = 'Yuzhong#2026';

export interface AdminDatabase {
  t: TestDatabase;
  actions: typeof import('@/lib/actions/admin');
  departmentId(name: string): Promise<number>;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function adminDatabase(): AdminDatabase {
  const admin = {
    async departmentId(name: string) {
      return (await admin.t.db.department.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
    },
  } as AdminDatabase;
  beforeAll(async () => {
    admin.t = await createTestDatabase('seeded', { app: true });
    admin.actions = await import('@/lib/actions/admin');
  });
  afterAll(async () => admin.t?.drop());
  return admin;
}
