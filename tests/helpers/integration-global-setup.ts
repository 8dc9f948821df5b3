/**
 * One throwaway PostgreSQL server per integration run, with two template databases built once:
 * `…_migrated` (all migrations applied) and `…_seeded` (migrated + the demo seed). Each test file clones the
 * template it needs (CREATE DATABASE … TEMPLATE), which takes milliseconds, and drops it afterwards.
 *
 * TEST_DATABASE_URL (any database on a server where we may CREATE DATABASE) points the run at an external
 * server instead of an embedded one. The embedded server is this run's own (.data/test-runs/<pid>, removed at the
 * end): a server shared between two runs would be stopped under one of them when the other finishes.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../scripts/lib/migrate';
import {
  createDatabaseIfMissing,
  dropDatabase,
  externalCluster,
  ROOT,
  startEmbeddedCluster,
  type Cluster,
} from '../../scripts/lib/postgres';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    databasePrefix: string;
    migratedTemplate: string;
    seededTemplate: string;
  }
}

let cluster: Cluster;
let prefix: string;
let ownDataDir: string | null = null;

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  ownDataDir = external ? null : path.join(ROOT, '.data', 'test-runs', String(process.pid));
  cluster = external ? externalCluster(external) : await startEmbeddedCluster(`test-runs/${process.pid}`);
  prefix = `kt_${process.pid}_${Date.now().toString(36)}`;
  const migrated = `${prefix}_migrated`;
  const seeded = `${prefix}_seeded`;

  await createDatabaseIfMissing(cluster.adminUrl, migrated);
  await migrate(cluster.urlFor(migrated));

  await createDatabaseIfMissing(cluster.adminUrl, seeded, migrated);
  const { createPrismaClient } = await import('../../lib/prisma');
  const { seedDatabase } = await import('../../prisma/seed/load');
  const db = createPrismaClient(cluster.urlFor(seeded));
  try {
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }

  project.provide('adminUrl', cluster.adminUrl);
  project.provide('databasePrefix', prefix);
  project.provide('migratedTemplate', migrated);
  project.provide('seededTemplate', seeded);
}

export async function teardown() {
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${prefix}\\_%`,
  ]);
  await client.end();
  // Templates last: a template cannot be dropped while a clone is being made from it.
  const names = rows
    .map((r) => r.datname)
    .sort((a, b) => Number(a.endsWith('_migrated')) - Number(b.endsWith('_migrated')));
  for (const name of names) await dropDatabase(cluster.adminUrl, name);
  await cluster.stop();
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
}
