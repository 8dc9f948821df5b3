/**
 * npm run test:load — the reporting deadline (issue 16): LOAD_DEPARTMENTS departments (30) each save every report
 * of their month and then submit them all at once, over HTTP as the browser does (server actions, through
 * scripts/bench/server-actions.ts), while LOAD_READERS district leaders (20) reload the dashboard until the writers
 * are done. Against the production build (LOAD_DIST, default .next-bench, rebuilt when the sources changed, as for
 * `npm run bench`) on 127.0.0.1, and a throwaway copy of the demo database on the benchmark's PostgreSQL (the
 * embedded cluster in .data/bench-pg, or BENCH_DATABASE_URL's local server).
 *
 * Afterwards, in SQL: every report saved and submitted exactly once, no duplicate row, and the audit chain
 * verifies; over HTTP: no 5xx and no refused action. Prints the p50 / p95 of save, submit and dashboard; exits 1
 * when a check fails. Bounded: LOAD_MAX_SECONDS (600) for the whole load, and the settings below are capped.
 */
import pg from 'pg';
import { authSecret } from '../lib/app-server';
import { dropDatabase, externalCluster, startEmbeddedCluster, type Cluster } from '../lib/postgres';
import { cloneForRun, ensureBenchTemplate } from './build-db';
import { checkDeadline, prepareDeadline, type DepartmentWork } from './deadline-workload';
import { ensureBuild } from './app-build';
import { signIn, startServer } from './app-server';
import { actionId, callAction } from './server-actions';

const log = (line: string) => console.log(`[load] ${line}`);

function setting(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer 1–${max}`);
  return value;
}
const settings = {
  departments: setting('LOAD_DEPARTMENTS', 30, 100),
  readers: setting('LOAD_READERS', 20, 100),
  month: setting('LOAD_MONTH', 11, 12),
  maxSeconds: setting('LOAD_MAX_SECONDS', 600, 1800),
  dist: process.env.LOAD_DIST ?? '.next-bench',
};

interface Sample {
  status: number;
  ms: number;
  ok: boolean;
}
type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(1));
};
const summary = (samples: Sample[]) => ({
  count: samples.length,
  p50: percentile(
    samples.map((s) => s.ms),
    0.5,
  ),
  p95: percentile(
    samples.map((s) => s.ms),
    0.95,
  ),
  max: percentile(
    samples.map((s) => s.ms),
    1,
  ),
  status5xx: samples.filter((s) => s.status >= 500).length,
  failed: samples.filter((s) => !s.ok).length,
});

/** One department: each report saved in turn, as a reporter works through the month, then one submit of all. */
async function department(
  base: string,
  cookie: string,
  dept: DepartmentWork,
  ids: { save: string; submit: string },
  saves: Sample[],
  submits: Sample[],
  deadline: number,
) {
  const saved: { reportId: number; version: number }[] = [];
  for (const report of dept.reports) {
    if (Date.now() > deadline) return;
    const call = await callAction<ActionResult<{ reportId: number; version: number }>>(
      base,
      '/reports',
      cookie,
      ids.save,
      [
        {
          projectPlanId: report.planId,
          month: settings.month,
          version: report.version,
          investedThisMonth: report.amount,
          progressText: '按计划推进，月底前完成本月形象进度。',
          problems: '',
          coordinationNeeded: '',
          nextSteps: '继续施工',
          // what a flagged report must say before it can be submitted (over the total, and the like)
          explanation: '累计超出部分为前期已完成工程的结算，已报主管部门备案。',
        },
      ],
    );
    const ok = call.status === 200 && call.result?.ok === true;
    saves.push({ status: call.status, ms: call.ms, ok });
    if (!ok)
      log(`save of report ${report.reportId} by ${dept.username}: ${call.status} ${JSON.stringify(call.result)}`);
    else if (call.result?.ok) saved.push({ reportId: call.result.data.reportId, version: call.result.data.version });
  }
  if (!saved.length || Date.now() > deadline) return;
  const call = await callAction<ActionResult<unknown>>(base, '/reports', cookie, ids.submit, [{ reports: saved }]);
  const ok = call.status === 200 && call.result?.ok === true;
  submits.push({ status: call.status, ms: call.ms, ok });
  if (!ok) log(`submit of ${saved.length} reports by ${dept.username}: ${call.status} ${JSON.stringify(call.result)}`);
}

/** One leader reloading the dashboard until the writers are done. */
async function reader(base: string, cookie: string, done: () => boolean, samples: Sample[]) {
  while (!done()) {
    const t0 = performance.now();
    const res = await fetch(`${base}/dashboard`, { headers: { cookie } });
    await res.arrayBuffer();
    samples.push({ status: res.status, ms: performance.now() - t0, ok: res.status === 200 });
  }
}

async function main() {
  const started = performance.now();
  log(`settings: ${JSON.stringify(settings)}`);
  const external = process.env.BENCH_DATABASE_URL;
  if (external && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(external).hostname))
    throw new Error('the load test runs against a database on this machine only (BENCH_DATABASE_URL)');
  ensureBuild(settings.dist, false, log);
  const ids = {
    save: actionId(settings.dist, 'lib/actions/reports.ts', 'saveReportDraft'),
    submit: actionId(settings.dist, 'lib/actions/reports.ts', 'submitReports'),
  };
  const cluster: Cluster = external ? externalCluster(external) : await startEmbeddedCluster('bench-pg', log);
  let failed = true;
  try {
    const { name: template } = await ensureBenchTemplate(cluster, 421, log);
    const run = await cloneForRun(cluster, template);
    const client = new pg.Client({ connectionString: run.url });
    await client.connect();
    try {
      const { work, auditTip } = await prepareDeadline(client, settings.departments, settings.month);
      const total = work.reduce((n, d) => n + d.reports.length, 0);
      if (work.length < settings.departments)
        log(`${settings.departments} departments asked for; the data has ${work.length} with projects and a reporter`);
      log(`${work.length} departments, ${total} reports of month ${settings.month}, ${settings.readers} readers`);
      const server = await startServer(settings.dist, run.url, authSecret(), log);
      try {
        // One sign-in per department and one leader's session shared by the readers. The sign-in throttle counts
        // attempts per address (lib/auth/login-throttle.ts), and all of these come from 127.0.0.1: its counters
        // in this throwaway database are cleared before each.
        const signInFresh = async (username: string) => {
          await client.query(`DELETE FROM rate_limits`);
          return signIn(server.base, username, 'Keystone@2025');
        };
        const leader = await signInFresh('leader');
        const cookies: string[] = [];
        for (const d of work) cookies.push(await signInFresh(d.username));
        const saves: Sample[] = [];
        const submits: Sample[] = [];
        const dashboard: Sample[] = [];
        let writersDone = false;
        const deadline = Date.now() + settings.maxSeconds * 1000;
        const loadStarted = performance.now();
        const readers = Array.from({ length: settings.readers }, () =>
          reader(server.base, leader, () => writersDone || Date.now() > deadline, dashboard),
        );
        await Promise.all(work.map((d, i) => department(server.base, cookies[i]!, d, ids, saves, submits, deadline)));
        writersDone = true;
        await Promise.all(readers);
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        const check = await checkDeadline(client, work, settings.month, auditTip);
        const result = {
          settings,
          reports: total,
          loadSeconds: Number(loadSeconds.toFixed(1)),
          save: summary(saves),
          submit: summary(submits),
          dashboard: summary(dashboard),
          check,
        };
        console.log(JSON.stringify(result, null, 2));
        const problems = [
          saves.length !== total && `${total - saves.length} saves not attempted within ${settings.maxSeconds} s`,
          submits.length !== work.length && `${work.length - submits.length} submits not attempted`,
          [saves, submits, dashboard].some((s) => s.some((x) => x.status >= 500)) && 'a 5xx answer',
          [saves, submits, dashboard].some((s) => s.some((x) => !x.ok)) && 'a refused or failed request',
          check.reports !== total && `${check.reports} report rows, expected ${total}`,
          check.submitted !== total && `${total - check.submitted} reports not submitted`,
          check.duplicates > 0 && `${check.duplicates} duplicate reports`,
          check.savedNotOnce > 0 && `${check.savedNotOnce} reports not saved exactly once`,
          check.submittedNotOnce > 0 && `${check.submittedNotOnce} reports not submitted exactly once`,
          !check.auditChain.ok && `the audit chain is broken: ${JSON.stringify(check.auditChain.broken)}`,
        ].filter(Boolean);
        log(
          `save p50/p95 ${result.save.p50}/${result.save.p95} ms · submit ${result.submit.p50}/${result.submit.p95} ms` +
            ` · dashboard ${result.dashboard.p50}/${result.dashboard.p95} ms (${dashboard.length} loads)` +
            ` · load ${result.loadSeconds} s`,
        );
        if (problems.length) log(`FAILED: ${problems.join('; ')}`);
        else log('OK: every report saved and submitted exactly once, no duplicate, no 5xx, audit chain verifies');
        failed = problems.length > 0;
      } finally {
        await server.stop();
      }
    } finally {
      await client.end();
      await dropDatabase(cluster.adminUrl, run.name);
    }
  } finally {
    await cluster.stop();
  }
  log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failed ? 1 : 0);
}

await main();
