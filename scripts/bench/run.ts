/**
 * npm run bench -- --projects N[,N…] [--runs 5] [--http-seconds 10] [--connections 10] [--dist .next-bench]
 *                  [--rebuild] [--no-http] [--import-rows 10000] [--out bench/results.json] [--smoke] [--prepare]
 *
 * Builds (or reuses) a benchmark database per N on its own PostgreSQL (BENCH_DATABASE_URL's server, or the embedded
 * cluster in .data/bench-pg), clones it for the run, and measures a–f (see README "Performance"). Prints a table
 * and merges the results for each N into the JSON file. --smoke: one run of everything, a 1-second load, a small
 * import, and the JSON written to --out (what `npm test` runs; it asserts nothing about timings). --prepare: only
 * build the databases.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { authSecret } from '../lib/app-server';
import { dropDatabase, externalCluster, ROOT, startEmbeddedCluster, type Cluster } from '../lib/postgres';
import { cloneForRun, ensureBenchTemplate, type LoadStats } from './build-db';
import { ensureBuild, load, pageJs, sequential, signIn, startServer, type LoadResult, type PageJs } from './http';
import { measureDb, type DbResults } from './measure-db';

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
    importRows: num('import-rows', smoke ? 200 : 10_000),
    dist: String(args.get('dist') ?? '.next-bench'),
    rebuild: args.get('rebuild') === true,
    prepare: args.get('prepare') === true,
    out: path.resolve(ROOT, String(args.get('out') ?? 'bench/results.json')),
  };
}

export interface RunResult {
  projects: number;
  date: string;
  smoke: boolean;
  settings: { runs: number; writeRuns: number; httpSeconds: number; connections: number; importRows: number };
  database: LoadStats & { template: string; cloneSeconds: number };
  db: DbResults;
  http: {
    dashboard: LoadResult;
    projects: LoadResult;
    unloaded: Awaited<ReturnType<typeof sequential>>[];
    /** the first /dashboard request on a fresh server: the figures computed, not yet cached (ms) */
    coldDashboardMs?: number;
  } | null;
  js: { dashboard: PageJs; projects: PageJs } | null;
  targets: Target[];
}

interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

function targetsOf(r: Omit<RunResult, 'targets'>): Target[] {
  const t: Target[] = [
    {
      name: 'a. dashboard ÷ floor',
      target: '≤ 1.5×',
      measured: `${r.db.dashboard.ratio}×`,
      met: r.db.dashboard.ratio <= 1.5,
    },
    { name: 'b. list ÷ floor', target: '≤ 1.5×', measured: `${r.db.list.ratio}×`, met: r.db.list.ratio <= 1.5 },
    {
      name: 'e. import rate ÷ COPY rate',
      target: '≥ 20%',
      measured: `${(r.db.import.share * 100).toFixed(1)}%`,
      met: r.db.import.share >= 0.2,
    },
  ];
  if (r.http) {
    t.splice(2, 0, {
      name: 'c. dashboard p95 under load',
      target: '≤ 1000 ms',
      measured:
        r.http.dashboard.latencyMs.p95 === null
          ? `> ${r.http.dashboard.seconds * 1000} ms`
          : `${r.http.dashboard.latencyMs.p95} ms`,
      met:
        r.http.dashboard.latencyMs.p95 !== null &&
        r.http.dashboard.latencyMs.p95 <= 1000 &&
        r.http.dashboard.non2xx === 0,
    });
  }
  if (r.js) {
    t.push({
      name: 'f. dashboard JS (gzip)',
      target: '≤ 300 KB',
      measured: `${(r.js.dashboard.gzipBytes / 1000).toFixed(1)} KB`,
      met: r.js.dashboard.gzipBytes <= 300_000,
    });
  }
  return t;
}

function machine(pgVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
  };
}

/** The commit, and the application files that differed from it when the benchmark ran. */
function gitState(): { commit: string | null; uncommitted: string[] } {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    const uncommitted = execSync('git status --porcelain -- app lib components prisma', { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { commit, uncommitted };
  } catch {
    return { commit: null, uncommitted: [] };
  }
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

function printTable(r: RunResult) {
  const rows: [string, string, string, string][] = [
    [
      'a. dashboard (getRollup + getAttention)',
      ms(r.db.dashboard.app.median),
      ms(r.db.dashboard.floor.median),
      `${r.db.dashboard.ratio}×`,
    ],
    [
      'b. projects list page 1 (+ totals, facets)',
      ms(r.db.list.app.median),
      ms(r.db.list.floor.median),
      `${r.db.list.ratio}×`,
    ],
    [
      `d. batch entry, ${r.db.batchSave.rows} × saveReportDraft`,
      ms(r.db.batchSave.app.median),
      ms(r.db.batchSave.floor.median),
      `${r.db.batchSave.ratio}×`,
    ],
    [
      `d. approveReports × ${r.db.bulkApprove.reports}`,
      ms(r.db.bulkApprove.app.median),
      ms(r.db.bulkApprove.floor.median),
      `${r.db.bulkApprove.ratio}×`,
    ],
    [
      `e. import ${r.db.import.rows} rows (commit) vs COPY`,
      `${ms(r.db.import.commit.median)} (${r.db.import.importRate}/s)`,
      `${ms(r.db.import.copy.median)} (${r.db.import.copyRate}/s)`,
      `${(r.db.import.share * 100).toFixed(1)}% of COPY`,
    ],
    [`e. import dry run`, ms(r.db.import.dryRun.median), '', ''],
  ];
  console.log(
    `\nKeystone benchmark — ${r.projects} projects (${r.database.rows.reports} reports)${r.smoke ? ' [smoke]' : ''}`,
  );
  const w = [48, 22, 22, 16];
  const line = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(w[i]!)).join(' │ '));
  line(['measure (median)', 'app', 'floor (raw SQL)', 'ratio']);
  console.log(w.map((n) => '─'.repeat(n)).join('─┼─'));
  for (const row of rows) line(row);
  if (r.http) {
    console.log('');
    line(['c. HTTP under load', 'req/s', 'p50 / p95 / p99 ms', 'non-2xx']);
    for (const h of [r.http.dashboard, r.http.projects]) {
      const lat =
        h.latencyMs.p95 === null
          ? `none done in ${h.seconds} s`
          : `${h.latencyMs.p50} / ${h.latencyMs.p95} / ${h.latencyMs.p99}`;
      line([
        `${h.path.split('?')[0]} (${h.connections} conn, ${h.seconds} s)`,
        String(h.requestsPerSecond),
        lat,
        String(h.non2xx + h.errors),
      ]);
    }
    for (const u of r.http.unloaded)
      line([`${u.path.split('?')[0]} one at a time (median of ${u.count})`, '', `${u.medianMs}`, '']);
    if (r.http.coldDashboardMs !== undefined)
      line(['/dashboard first request (figures not cached)', '', `${r.http.coldDashboardMs}`, '']);
  }
  if (r.js) {
    console.log('');
    for (const j of [r.js.dashboard, r.js.projects]) {
      console.log(
        `f. JS for ${j.path} (${j.method}): ${j.chunks} chunks, ${(j.rawBytes / 1000).toFixed(1)} KB raw, ${(j.gzipBytes / 1000).toFixed(1)} KB gzip`,
      );
    }
  }
  console.log('');
  for (const t of r.targets)
    console.log(
      `target ${t.name.padEnd(30)} ${t.target.padEnd(10)} measured ${t.measured.padEnd(12)} ${t.met ? 'met' : 'MISSED'}`,
    );
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const external = process.env.BENCH_DATABASE_URL;
  const cluster: Cluster = external ? externalCluster(external) : await startEmbeddedCluster('bench-pg', log);
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
        pgVersion = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
        await c.end();

        // c and f first, on the untouched clone
        let http: RunResult['http'] = null;
        let js: RunResult['js'] = null;
        if (opts.httpSeconds > 0) {
          const server = await startServer(opts.dist, run.url, authSecret(), log);
          try {
            const cookie = await signIn(server.base, 'leader', 'Keystone@2025');
            const listPath = await listUrl(run.url);
            log(`c. HTTP load, ${opts.httpSeconds} s each on /dashboard and ${listPath} …`);
            // one request each before anything is timed, so first-request work is not in the load figures; the
            // dashboard's is reported on its own: its figures are computed, then cached until the data changes
            // signing in already rendered the dashboard (the leader's home page): a no-op write to the plan year
            // moves the figures version on, so this request computes the figures as after any real change
            const bump = new pg.Client({ connectionString: run.url });
            await bump.connect();
            await bump.query(`UPDATE "PlanYear" SET "updatedAt" = "updatedAt"`);
            await bump.end();
            const cold = performance.now();
            await fetch(`${server.base}/dashboard`, { headers: { cookie } }).then((r) => r.arrayBuffer());
            const coldDashboardMs = Number((performance.now() - cold).toFixed(1));
            await fetch(`${server.base}${listPath}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
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

function writeResults(opts: ReturnType<typeof parseArgs>, results: RunResult[], pgVersion: string) {
  // merge: one entry per N, the latest run's
  const previous = existsSync(opts.out)
    ? (JSON.parse(readFileSync(opts.out, 'utf8')) as { runs?: Record<string, RunResult> })
    : {};
  const runs: Record<string, RunResult> = opts.smoke ? {} : { ...(previous.runs ?? {}) };
  for (const r of results) runs[String(r.projects)] = r;
  const doc = {
    generatedBy: 'npm run bench',
    date: new Date().toISOString(),
    source: gitState(),
    machine: machine(pgVersion),
    build: opts.dist,
    runs,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(doc, null, 2) + '\n');
}

/** The smoke run's only assertion: the file it wrote parses and holds a complete result for each N (no timings). */
function assertValidResults(file: string, projects: number[]) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const problems: string[] = [];
  if (!doc.machine?.cpu || !doc.machine?.postgres) problems.push('machine');
  for (const n of projects) {
    const r = doc.runs?.[String(n)];
    if (!r) {
      problems.push(`runs.${n}`);
      continue;
    }
    for (const k of ['dashboard', 'list', 'batchSave', 'bulkApprove'] as const) {
      if (!Number.isFinite(r.db?.[k]?.app?.median) || !Number.isFinite(r.db?.[k]?.floor?.median))
        problems.push(`runs.${n}.db.${k}`);
    }
    if (!Number.isFinite(r.db?.import?.importRate) || !Number.isFinite(r.db?.import?.copyRate))
      problems.push(`runs.${n}.db.import`);
    if (r.http && !(r.http.unloaded?.length === 2 && r.http.dashboard && r.http.projects))
      problems.push(`runs.${n}.http`);
    if (r.js && !(r.js.dashboard?.gzipBytes > 0 && r.js.projects?.gzipBytes > 0)) problems.push(`runs.${n}.js`);
  }
  if (problems.length) throw new Error(`${file} is incomplete: ${problems.join(', ')}`);
  log(`Smoke run complete; ${file} holds a valid result for ${projects.join(', ')} project(s).`);
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
