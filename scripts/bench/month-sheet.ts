/**
 * npm run bench:month-sheet [-- --rows 10000] [--runs 3] — a department's month as a spreadsheet at size (issue 17):
 * on a throwaway clone of the demo benchmark database (scripts/bench/build-db.ts, 421 projects, on the embedded
 * cluster in .data/bench-pg or BENCH_DATABASE_URL's server), one department (解放碑街道, the demo's jfb) is given
 * projects up to `rows` in the active year (2025, month 11 open) with a monthly split and no November report. Then,
 * through the real code, outside Next (the request context stubbed as for `npm run bench`):
 *
 * - the download: getMonthSheet, the writer the route uses;
 * - the file filled as a clerk does (本月完成投资 and 形象进度 on every row, with ExcelJS; not timed);
 * - the check: the checkMonthSheet action (parse worker, every row's checks, the diff), median of `runs`;
 * - the commit: the importMonthSheetDrafts action, once (it writes every row as a new draft);
 * - the same file again: checkMonthSheet once more, every row now unchanged.
 *
 * Prints the timings and the row outcomes; asserts nothing about speed (docs/performance.md keeps the numbers).
 */
import os from 'node:os';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { MONTH_SHEET_COLUMN_INDEX, MONTH_SHEET_FIRST_DATA_ROW } from '../../lib/domain/month-sheet/columns';
import { dropDatabase, externalCluster, startEmbeddedCluster, type Cluster } from '../lib/postgres';
import { cloneForRun, ensureBenchTemplate } from './build-db';
import { actorOf, setBenchRequestContext } from './context';
import { round, timed } from './timing';

const log = (line: string) => console.log(`[month-sheet] ${line}`);
const DEPARTMENT = '解放碑街道';
const YEAR = 2025;
const MONTH = 11;

function option(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} takes an integer 1–${max}`);
  return value;
}

/** The department's projects up to `rows`, each with a 2025 plan (续建, a monthly split) and no November report. */
async function grow(url: string, rows: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: found } = await c.query<{ id: number; owned: number; planYearId: number }>(
      `SELECT d.id, (SELECT count(*)::int FROM "Project" p WHERE p."departmentId" = d.id) AS owned,
              (SELECT id FROM "PlanYear" WHERE year = $2) AS "planYearId"
         FROM "Department" d WHERE d.name = $1`,
      [DEPARTMENT, YEAR],
    );
    const { id, owned, planYearId } = found[0]!;
    const add = Math.max(rows - owned, 0);
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO "Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment", "updatedAt")
       SELECT 'MS' || lpad(i::text, 6, '0'), '基准填报项目' || i || '号', $1, '基准建设单位', '', 'NEW', '',
              (50000 + (i % 97) * 100)::numeric, now()
         FROM generate_series(1, $2::int) i`,
      [id, add],
    );
    await c.query(
      `INSERT INTO "ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "cumulativeBeforeYear", "annualPlan", "updatedAt")
       SELECT p.id, $1, 'ONGOING', 'DISTRICT', 'INFRASTRUCTURE', 0, 12000, now()
         FROM "Project" p WHERE p.code LIKE 'MS%' AND p."departmentId" = $2`,
      [planYearId, id],
    );
    await c.query(
      `INSERT INTO "MonthlyPlanItem" ("planId", month, amount)
       SELECT pp.id, m, 1000 FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId",
              generate_series(1, 12) m
        WHERE p.code LIKE 'MS%' AND p."departmentId" = $1`,
      [id],
    );
    await c.query('COMMIT');
    await c.query('ANALYZE');
    return owned + add;
  } finally {
    await c.end();
  }
}

/** Every row filled as a clerk fills it: an amount and a line of progress. */
async function fill(bytes: Buffer): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    row.getCell(MONTH_SHEET_COLUMN_INDEX.invested + 1).value = 100 + (r % 900) / 4;
    row.getCell(MONTH_SHEET_COLUMN_INDEX.progressText + 1).value = `第${r}行：按计划推进`;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main() {
  const rows = option('rows', 10_000, 20_000);
  const runs = option('runs', 3, 10);
  const external = process.env.BENCH_DATABASE_URL;
  const cluster: Cluster = external ? externalCluster(external) : await startEmbeddedCluster('bench-pg', log);
  try {
    const { name: template } = await ensureBenchTemplate(cluster, 421, log);
    const run = await cloneForRun(cluster, template);
    try {
      const owned = await grow(run.url, rows);
      log(`${DEPARTMENT} owns ${owned} projects in ${YEAR}`);
      process.env.DATABASE_URL = run.url; // lib/db.ts (the actions' client) reads it when first imported
      const { createPrismaClient } = await import('../../lib/prisma');
      const { prisma: appPrisma } = await import('../../lib/db');
      const { getMonthSheet } = await import('../../lib/server/reports/get-month-sheet');
      const actions = await import('../../lib/actions/month-sheet');
      const db = createPrismaClient(run.url);
      try {
        const actor = await actorOf(db, { username: 'jfb' });
        setBenchRequestContext({ actor, ip: '127.0.0.1', locale: 'zh-CN' });
        let sheet: Buffer = Buffer.alloc(0);
        const download = await timed(
          async () => {
            sheet = (await getMonthSheet(db, actor, { year: YEAR, month: MONTH })).buffer;
          },
          1,
          { warmup: false },
        );
        const bytes = await fill(sheet);
        const file = () => new File([bytes], `${DEPARTMENT}${YEAR}年${MONTH}月.xlsx`);
        const input = () => ({ year: YEAR, month: MONTH, file: file() });

        let counts: Record<string, number> = {};
        const check = await timed(
          async () => {
            const res = await actions.checkMonthSheet(input());
            if (!res.ok || res.data.counts.refused)
              throw new Error(`check failed: ${JSON.stringify(res).slice(0, 500)}`);
            counts = res.data.counts;
          },
          runs,
          { warmup: false },
        );
        log(`check: ${JSON.stringify(counts)}`);
        // once: it writes every row. A refusal (the transaction's time limit, say) is reported, not thrown
        const t0 = performance.now();
        const committed = await actions.importMonthSheetDrafts(input());
        const commitMs = round(performance.now() - t0);
        const commitOutcome = committed.ok ? (committed.data.committed ? 'committed' : 'refused rows') : committed.code;
        let again: Record<string, number> = {};
        const recheck = await timed(
          async () => {
            const res = await actions.checkMonthSheet(input());
            if (!res.ok) throw new Error(`second check failed: ${res.message}`);
            again = res.data.counts;
          },
          1,
          { warmup: false },
        );
        const written = counts.create! + counts.update!;
        const load = os.loadavg().map((x) => x.toFixed(2));
        console.log(
          JSON.stringify(
            {
              rows: owned,
              fileBytes: bytes.length,
              downloadMs: download.median,
              checkMs: check.median,
              checkRuns: check.runs,
              commitMs,
              commitOutcome,
              rowsWrittenPerSecond: commitOutcome === 'committed' ? round(written / (commitMs / 1000), 0) : null,
              sameFileAgainMs: recheck.median,
              counts,
              countsAgain: again,
              loadAverage: load,
              cpus: os.cpus().length,
              node: process.version,
            },
            null,
            2,
          ),
        );
      } finally {
        await db.$disconnect();
        await appPrisma.$disconnect();
      }
    } finally {
      await dropDatabase(cluster.adminUrl, run.name);
    }
  } finally {
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('[month-sheet] failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
