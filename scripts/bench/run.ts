/**
 * npm run bench -- --projects N[,N…] [--runs 5] [--http-seconds 10] [--connections 10] [--workers cores]
 *                  [--dist .next-bench] [--rebuild] [--no-http] [--import-rows 10000] [--out bench/results.json] [--smoke] [--prepare]
 *
 * Builds (or reuses) a benchmark database per N on its own PostgreSQL (BENCH_DATABASE_URL's server, or the embedded
 * cluster in .data/bench-pg), clones it for the run, and measures a–f (see README "Performance"). Prints a table
 * and merges the results for each N into the JSON file. --smoke: one run of everything, a 1-second load, a small
 * import, and the JSON written to --out (what `npm test` runs; it asserts nothing about timings). --prepare: only
 * build the databases.
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { workerCount } from '../lib/cluster-primary.mjs';
import { authSecret } from '../lib/app-server';
import { dropDatabase, externalCluster, ROOT, startEmbeddedCluster, type Cluster } from '../lib/postgres';
import { cloneForRun, ensureBenchTemplate } from './build-db';
import { ensureBuild } from './app-build';
import { signIn, startServer, warmEveryWorker } from './app-server';
import { load, pageJs, sequential } from './http-load';
import { measureDb } from './measure-db';
import { assertValidResults, printTable, targetsOf, writeResults, type RunResult } from './results';

const log = (line: string) => console.log(`[bench] ${line}`);

function parseArgs(argv: string[]) {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (v !== undefined) args.set(k, v);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(k, argv[++i]!);
    else args.set(k, true);
  }
  const smoke = args.get('smoke') === true;
  const num = (k: string, d: number) => (typeof args.get(k) === 'string' ? Number(args.get(k)) : d);
  const projects = String(args.get('projects') ?? (smoke ? '50' : '421'))
    .split(',')
    .map((s) => Number(s.replaceAll('_', '')));
  if (projects.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--projects takes positive integers, e.g. --projects 421,10000');
  return {
    smoke,
    projects,
    runs: num('runs', smoke ? 1 : 5),
    writeRuns: num('write-runs', smoke ? 1 : 3),
    httpSeconds: args.get('no-http') ? 0 : num('http-seconds', smoke ? 1 : 10),
    connections: num('connections', smoke ? 2 : 10),
    // the server's worker processes, as `npm start` runs them (WEB_CONCURRENCY, else one per core)
    workers: num('workers', workerCount()),
    importRows: num('import-rows', smoke ? 200 : 10_000),
    dist: String(args.get('dist') ?? '.next-bench'),
    rebuild: args.get('rebuild') === true,
    prepare: args.get('prepare') === true,
    out: path.resolve(ROOT, String(args.get('out') ?? 'bench/results.json')),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const external = process.env.BENCH_DATABASE_URL;
  const cluster: Cluster = external
    ? externalCluster(external)
    : await startEmbeddedCluster('bench-pg', log, productionMemorySettings());
  const results: RunResult[] = [];
  let pgVersion = '';
  try {
    if (opts.prepare) {
      for (const n of opts.projects) await ensureBenchTemplate(cluster, n, log);
      return;
    }
    if (opts.httpSeconds > 0) ensureBuild(opts.dist, opts.rebuild, log);
    for (const n of opts.projects) {
      const { name: template, load: loadStats } = await ensureBenchTemplate(cluster, n, log);
      const run = await cloneForRun(cluster, template);
      try {
        const c = new pg.Client({ connectionString: run.url });
        await c.connect();
        const version = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
        const buffers = (await c.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers;
        pgVersion = `${version} (shared_buffers ${buffers})`;
        await c.end();

        // c and f first, on the untouched clone
        let http: RunResult['http'] = null;
        let js: RunResult['js'] = null;
        if (opts.httpSeconds > 0) {
          const server = await startServer(opts.dist, run.url, authSecret(), log, opts.workers);
          try {
            const cookie = await signIn(server.base, 'leader', 'Keystone@2025');
            const listPath = await listUrl(run.url);
            log(`c. HTTP load, ${opts.httpSeconds} s each on /dashboard and ${listPath} …`);
            // Every worker renders both pages once before anything is timed, so no figure below includes a
            // worker's first render of a page (loading its code), whichever worker a request reaches. Then the
            // dashboard's first request after a change is timed on its own: a no-op write to the plan year moves
            // the figures version on, so it computes the figures as after any real change (an approval).
            await warmEveryWorker(server.base, '/dashboard', cookie, server.workers);
            await warmEveryWorker(server.base, listPath, cookie, server.workers);
            const bump = new pg.Client({ connectionString: run.url });
            await bump.connect();
            await bump.query(`UPDATE "PlanYear" SET "updatedAt" = "updatedAt"`);
            await bump.end();
            const cold = performance.now();
            await fetch(`${server.base}/dashboard`, { headers: { cookie } }).then((r) => r.arrayBuffer());
            const coldDashboardMs = Number((performance.now() - cold).toFixed(1));
            await fetch(`${server.base}${listPath}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
            // the other workers' figures after the change, untimed
            await warmEveryWorker(server.base, '/dashboard', cookie, server.workers);
            await warmEveryWorker(server.base, listPath, cookie, server.workers);
            // f first: once a load has run, the server is still busy with the requests left in flight
            js = {
              dashboard: await pageJs(server.base, '/dashboard', cookie, opts.dist),
              projects: await pageJs(server.base, listPath, cookie, opts.dist),
            };
            const unloaded = [
              await sequential(server.base, '/dashboard', cookie, opts.smoke ? 1 : 3),
              await sequential(server.base, listPath, cookie, opts.smoke ? 1 : 3),
            ];
            // the list first: requests still in flight when a load ends keep the server busy for a while
            const projects = await load(server.base, listPath, cookie, opts.httpSeconds, opts.connections);
            await sequential(server.base, listPath, cookie, 1);
            const dashboard = await load(server.base, '/dashboard', cookie, opts.httpSeconds, opts.connections);
            http = { dashboard, projects, unloaded, coldDashboardMs };
          } finally {
            await server.stop();
          }
        }
        const db = await measureDb(run.url, {
          runs: opts.runs,
          writeRuns: opts.writeRuns,
          importRows: opts.importRows,
          log,
        });
        const partial = {
          projects: n,
          date: new Date().toISOString(),
          smoke: opts.smoke,
          settings: {
            runs: opts.runs,
            writeRuns: opts.writeRuns,
            httpSeconds: opts.httpSeconds,
            connections: opts.connections,
            workers: opts.workers,
            importRows: opts.importRows,
          },
          database: { ...loadStats, template, cloneSeconds: Number(run.seconds.toFixed(1)) },
          db,
          http,
          js,
        };
        const result: RunResult = { ...partial, targets: targetsOf(partial) };
        printTable(result);
        results.push(result);
        writeResults(opts, results, pgVersion); // after each N, so a later failure keeps the earlier results
      } finally {
        await dropDatabase(cluster.adminUrl, run.name);
      }
    }
  } finally {
    await cluster.stop();
  }

  if (opts.smoke) assertValidResults(opts.out, opts.projects);
  log(`Wrote ${opts.out.startsWith(ROOT + path.sep) ? path.relative(ROOT, opts.out) : opts.out}`);
}

/**
 * The memory a production PostgreSQL is given, by its documentation's guidance: shared_buffers a quarter of the
 * machine's memory (at most 4 GB here), effective_cache_size half of it. The embedded server's defaults (128 MB of
 * buffers) hold an eighth of the 100,000-project database, so every scan of it would be read again from the
 * kernel's cache: a floor of a server nobody would run. BENCH_DATABASE_URL's server keeps its own settings.
 */
function productionMemorySettings(): Record<string, string> {
  const mb = Math.floor(os.totalmem() / 2 ** 20);
  return {
    shared_buffers: `${Math.max(128, Math.min(4096, Math.floor(mb / 4)))}MB`,
    effective_cache_size: `${Math.max(512, Math.floor(mb / 2))}MB`,
  };
}

/** The list as the benchmark asks for it: the largest department's 新开工 projects, sorted by name (pinyin). */
async function listUrl(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ departmentId: number }>(
      `SELECT p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp.stage = 'NEW_START' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    return `/projects?stage=NEW_START&dept=${rows[0]!.departmentId}&sort=name`;
  } finally {
    await c.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('[bench] failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
