/**
 * The benchmark database for N projects: migrated with the project's runner, seeded by the seed's own generator
 * (prisma/seed/generate.ts, deterministic) and, above the seed's 421 projects, scaled set-based inside PostgreSQL:
 * the seed's projects are replicated with unique codes (`<code>-0001` …) together with their plans, monthly plan
 * splits, reports and preliminary milestones, one INSERT … SELECT per table. The built database is kept as a
 * template (`bench_t<N>_<fingerprint>`), so a rerun only clones it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '../../lib/prisma';
import { generateSeedData } from '../../prisma/seed/generate';
import { seedDatabase } from '../../prisma/seed/load';
import { migrate, readMigrations } from '../lib/migrate';
import { createDatabaseIfMissing, dropDatabase, ROOT, type Cluster } from '../lib/postgres';

export interface LoadStats {
  /** seconds to build the template (0 when it was reused) */
  seconds: number;
  reused: boolean;
  rows: Record<string, number>;
  /** how rows above the seed were loaded */
  method: string;
}

/** Changes when the schema, the generator or this loader changes: a stale template is never reused. */
function fingerprint(): string {
  const h = createHash('sha256');
  for (const m of readMigrations()) h.update(m.checksum);
  for (const f of [
    'prisma/seed/generate.ts',
    'prisma/seed/load.ts',
    'prisma/seed/catalog.ts',
    'scripts/bench/build-db.ts',
  ]) {
    h.update(readFileSync(path.join(ROOT, f)));
  }
  return h.digest('hex').slice(0, 10);
}

export function templateName(n: number) {
  return `bench_t${n}_${fingerprint()}`;
}

async function databaseExists(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await c.end();
  }
}

async function columnsOf(c: pg.Client, table: string): Promise<string[]> {
  const { rows } = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND column_default IS DISTINCT FROM $2
      ORDER BY ordinal_position`,
    [table, `nextval('"${table}_id_seq"'::regclass)`],
  );
  return rows.map((r) => r.column_name);
}

const q = (c: string) => `"${c}"`;

/** INSERT INTO table SELECT …: every column copied from the source row except the overridden ones. */
async function replicate(c: pg.Client, table: string, overrides: Record<string, string>, from: string) {
  const cols = await columnsOf(c, table);
  const select = cols.map((col) => overrides[col] ?? `t.${q(col)}`).join(', ');
  const res = await c.query(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) SELECT ${select} FROM ${from}`);
  return res.rowCount ?? 0;
}

/** Builds (or reuses) the template database for N projects and returns its name and how it was loaded. */
export async function ensureBenchTemplate(
  cluster: Cluster,
  n: number,
  log: (line: string) => void,
): Promise<{ name: string; load: LoadStats }> {
  const name = templateName(n);
  if (await databaseExists(cluster.adminUrl, name)) {
    log(`Reusing the benchmark database ${name}`);
    const c = new pg.Client({ connectionString: cluster.urlFor(name) });
    await c.connect();
    const rows = await countRows(c);
    const meta = await c.query<{ value: string }>(`SELECT obj_description('"Project"'::regclass) AS value`);
    await c.end();
    const stored = meta.rows[0]?.value ? (JSON.parse(meta.rows[0].value) as Partial<LoadStats>) : {};
    return { name, load: { seconds: stored.seconds ?? 0, reused: true, rows, method: stored.method ?? '' } };
  }

  const building = `${name}_building`;
  await dropDatabase(cluster.adminUrl, building);
  await createDatabaseIfMissing(cluster.adminUrl, building);
  const url = cluster.urlFor(building);
  const started = performance.now();
  log(`Building the benchmark database for ${n} projects (${name})…`);
  await migrate(url);

  const data = generateSeedData();
  const base = Math.min(n, data.projects.length);
  const db = createPrismaClient(url);
  try {
    const projects = data.projects.slice(0, base);
    const kept = new Set(projects.map((p) => p.code));
    // The demo problems that name a project outside the slice are left out with it.
    const problems = data.problems.filter((p) => p.projectCode === null || kept.has(p.projectCode));
    // without the seed's closed 2024: the benchmark measures one year's figures, as it always has
    await seedDatabase(db, { data: { ...data, projects, problems }, previousYear: false });
  } finally {
    await db.$disconnect();
  }
  log(`  seeded ${base} projects with the seed's generator (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let method = `seed loader (prisma createMany) for ${base} projects`;
  try {
    if (n > base) {
      const t0 = performance.now();
      const copies = Math.ceil(n / base) - 1;
      await c.query('BEGIN');
      await c.query(`SET LOCAL synchronous_commit = off`);
      await c.query(
        `CREATE TEMP TABLE bench_map ON COMMIT DROP AS
         SELECT p.id AS src, g AS copy, p.code || '-' || lpad(g::text, 4, '0') AS code
           FROM (SELECT id, code, row_number() OVER (ORDER BY id) - 1 AS rn FROM "Project") p
          CROSS JOIN generate_series(1, $1::int) g
          WHERE g * $2::int + p.rn < $3::int`,
        [copies, base, n],
      );
      await replicate(
        c,
        'Project',
        { code: 'm.code', name: `t.name || '（' || m.copy || '）'`, updatedAt: 'now()', createdAt: 'now()' },
        `bench_map m JOIN "Project" t ON t.id = m.src`,
      );
      await c.query(`CREATE TEMP TABLE bench_pmap ON COMMIT DROP AS
        SELECT m.src, np.id AS dst FROM bench_map m JOIN "Project" np ON np.code = m.code`);
      await c.query('CREATE INDEX ON bench_pmap (src)');
      await replicate(
        c,
        'ProjectPlan',
        { projectId: 'pm.dst', updatedAt: 'now()', createdAt: 'now()' },
        `bench_pmap pm JOIN "ProjectPlan" t ON t."projectId" = pm.src`,
      );
      await c.query(`CREATE TEMP TABLE bench_plmap ON COMMIT DROP AS
        SELECT s.id AS src, d.id AS dst FROM bench_pmap pm
          JOIN "ProjectPlan" s ON s."projectId" = pm.src
          JOIN "ProjectPlan" d ON d."projectId" = pm.dst AND d."planYearId" = s."planYearId"`);
      await c.query('CREATE INDEX ON bench_plmap (src)');
      await replicate(
        c,
        'MonthlyPlanItem',
        { planId: 'pl.dst' },
        `bench_plmap pl JOIN "MonthlyPlanItem" t ON t."planId" = pl.src`,
      );
      await replicate(
        c,
        'MonthlyReport',
        { planId: 'pl.dst', updatedAt: 'now()', createdAt: 'now()' },
        `bench_plmap pl JOIN "MonthlyReport" t ON t."planId" = pl.src`,
      );
      await replicate(
        c,
        'PreliminaryMilestone',
        { projectId: 'pm.dst' },
        `bench_pmap pm JOIN "PreliminaryMilestone" t ON t."projectId" = pm.src`,
      );
      await c.query('COMMIT');
      method =
        `seed loader for the first ${base} projects, then ${copies} set-based replica(s) ` +
        `(INSERT … SELECT … generate_series, one statement per table) in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      log(`  replicated to ${n} projects (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    await c.query('VACUUM ANALYZE');
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const rows = await countRows(c);
    await c.query(`COMMENT ON TABLE "Project" IS ${pg.escapeLiteral(JSON.stringify({ seconds, method }))}`);
    await c.end();
    // the finished database becomes the template under its final name, so a half-built one is never reused
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await admin.end();
    log(
      `  built in ${seconds} s: ${Object.entries(rows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    return { name, load: { seconds, reused: false, rows, method } };
  } catch (e) {
    await c.end().catch(() => {});
    throw e;
  }
}

async function countRows(c: pg.Client) {
  const { rows } = await c.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProjectPlan")::int AS plans,
           (SELECT count(*) FROM "MonthlyPlanItem")::int AS "monthlyPlanItems", (SELECT count(*) FROM "MonthlyReport")::int AS reports,
           (SELECT count(*) FROM "PreliminaryMilestone")::int AS milestones`);
  return rows[0]!;
}

/** A throwaway copy of the template for one run: the write benchmarks change it, the template stays clean. */
export async function cloneForRun(
  cluster: Cluster,
  template: string,
): Promise<{ name: string; url: string; seconds: number }> {
  const name = `bench_run_${process.pid}`;
  await dropDatabase(cluster.adminUrl, name);
  const t0 = performance.now();
  await createDatabaseIfMissing(cluster.adminUrl, name, template);
  return { name, url: cluster.urlFor(name), seconds: (performance.now() - t0) / 1000 };
}
