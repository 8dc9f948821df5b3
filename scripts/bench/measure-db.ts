/**
 * Measurements a, b, d and e: the app's own data-access functions and server actions (called in-process, with the
 * request context stubbed as the integration tests mock it) against hand-written SQL doing the same work (the
 * floor). Every figure is the median of `runs` timed runs after one untimed warm-up.
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { SessionActor } from '../../lib/auth/session';
import type { Db } from '../../lib/prisma';
import { copyFrom } from './copy';

/** Who the stubbed request context (scripts/bench/stubs/request-context.mjs) says is acting. */
function setBenchRequestContext(context: { actor: SessionActor; ip: string | null; locale: 'zh-CN' | 'en' }) {
  (globalThis as unknown as { __benchRequestContext?: unknown }).__benchRequestContext = context;
}

export interface Timing {
  /** milliseconds, median of the timed runs */
  median: number;
  runs: number[];
}

export interface Pair {
  app: Timing;
  floor: Timing;
  /** app ÷ floor */
  ratio: number;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 1) => Number(x.toFixed(d));

export async function timed(fn: () => Promise<unknown>, runs: number, opts: { warmup?: boolean; before?: () => Promise<unknown> } = {}): Promise<Timing> {
  if (opts.warmup !== false) {
    await opts.before?.();
    await fn();
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await opts.before?.();
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return { median: round(median(out)), runs: out.map((x) => round(x)) };
}

const pair = (app: Timing, floor: Timing, note?: string): Pair => ({
  app,
  floor,
  ratio: round(app.median / Math.max(floor.median, 0.01), 2),
  ...(note ? { note } : {}),
});

async function actorOf(db: Db, where: { username?: string; role?: 'DEPARTMENT'; departmentId?: number }): Promise<SessionActor> {
  const u = await db.user.findFirstOrThrow({
    where,
    select: { id: true, username: true, displayName: true, role: true, departmentId: true, department: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.name ?? null };
}

// ── a. the dashboard rollup ──────────────────────────────────────────────────────────────────────────────
/**
 * The floor of the dashboard: the figures the page shows, computed by PostgreSQL in five statements issued side by
 * side on the pool, as the page issues its own — every cut
 * (GROUPING SETS over the plans joined once to their reports aggregated per plan), the per-project pace level with
 * the red/yellow counts and the 30 worst, the S-curve (planned and actual per month), on-time reporting per
 * department and the 前期 milestones. What it leaves out: the JS-side forecast per project and the warnings that
 * need the JS rule set (deadline, flags, late starts) — so it is a true lower bound.
 */
export async function dashboardFloor(c: pg.Pool, planYearId: number, year: number, month: number, deadlineDay: number) {
  const [cuts, worst, monthly, timeliness, milestones] = await Promise.all([
    c.query(
      `WITH y AS (
         SELECT r."planId", sum(r."approvedInvested") AS ytd
           FROM "MonthlyReport" r WHERE r.month <= $2 GROUP BY r."planId"
       ), pl AS (
         SELECT pp.id, pp.stage, pp."investorType", pp.direction, pp."annualPlan", p."departmentId", p.area,
                p."actualStart", p."actualCompletion", COALESCE(y.ytd, 0) AS ytd,
                CASE WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(y.ytd, 0)) >= 12 * py."paceRedPoints" * pp."annualPlan" THEN 2
                     WHEN pp."annualPlan" > 0 AND ($2::numeric * 100 * pp."annualPlan" - 1200 * COALESCE(y.ytd, 0)) >= 12 * py."paceYellowPoints" * pp."annualPlan" THEN 1
                     ELSE 0 END AS level
           FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "PlanYear" py ON py.id = pp."planYearId"
           LEFT JOIN y ON y."planId" = pp.id
          WHERE pp."planYearId" = $1
       )
       SELECT GROUPING(stage, "investorType", direction, "departmentId", area) AS g, stage, "investorType", direction, "departmentId", area,
              count(*)::int AS n, COALESCE(sum("annualPlan"), 0)::text AS plan, sum(ytd)::text AS completed,
              count(*) FILTER (WHERE stage = 'NEW_START' AND "actualStart" <= $3::date)::int AS started,
              count(*) FILTER (WHERE stage = 'COMPLETION' AND "actualCompletion" <= $3::date)::int AS done,
              count(*) FILTER (WHERE level = 2)::int AS red, count(*) FILTER (WHERE level = 1)::int AS yellow
         FROM pl
        GROUP BY GROUPING SETS ((stage), ("investorType"), (direction), ("departmentId"), (area), ())`,
      [planYearId, month, new Date(Date.UTC(year, month, 0))],
    ),
    c.query(
      `SELECT pp.id, p.name, pp."annualPlan", COALESCE(sum(r."approvedInvested"), 0) AS ytd
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
         LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= $2
        WHERE pp."planYearId" = $1 AND pp."annualPlan" > 0
        GROUP BY pp.id, p.name
        ORDER BY COALESCE(sum(r."approvedInvested"), 0) / pp."annualPlan" ASC LIMIT 30`,
      [planYearId, month],
    ),
    c.query(
      `SELECT m.month, COALESCE(pi.planned, 0)::text AS planned, COALESCE(ra.actual, 0)::text AS actual
         FROM generate_series(1, 12) m(month)
         LEFT JOIN (SELECT i.month, sum(i.amount) AS planned FROM "MonthlyPlanItem" i JOIN "ProjectPlan" pp ON pp.id = i."planId"
                     WHERE pp."planYearId" = $1 GROUP BY i.month) pi ON pi.month = m.month
         LEFT JOIN (SELECT r.month, sum(r."approvedInvested") AS actual FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
                     WHERE pp."planYearId" = $1 GROUP BY r.month) ra ON ra.month = m.month
        ORDER BY m.month`,
      [planYearId],
    ),
    c.query(
      `SELECT p."departmentId", count(DISTINCT pp.id) * $2 AS due,
              count(r.id) FILTER (WHERE r."submittedAt" IS NOT NULL AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
                   <= (make_date($3, 1, 1) + make_interval(months => r.month) + make_interval(days => $4 - 1))::date) AS "onTime"
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
         LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month <= $2
        WHERE pp."planYearId" = $1 GROUP BY p."departmentId"`,
      [planYearId, month, year, deadlineDay],
    ),
    c.query(
      `SELECT pm.kind, count(*) FILTER (WHERE pm.status = 'DONE' AND pm."actualDate" <= $2::date)::int AS reached
         FROM "ProjectPlan" pp JOIN "PreliminaryMilestone" pm ON pm."projectId" = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'PRELIMINARY' GROUP BY pm.kind`,
      [planYearId, new Date(Date.UTC(year, month, 0))],
    ),
  ]);
  return { cuts: cuts.rows, worst: worst.rows, monthly: monthly.rows, timeliness: timeliness.rows, milestones: milestones.rows };
}

// ── b. the projects list ─────────────────────────────────────────────────────────────────────────────────
/** The floor of one list page: the page's rows (pinyin order), the totals row over the filtered set, the facets. */
export async function listFloor(
  c: pg.ClientBase,
  p: { planYearId: number; through: number; currentMonth: number; departmentId: number; stages: string[]; pageSize: number; red: string; yellow: string },
) {
  const page = await c.query(
    `WITH f AS (
       SELECT p.id, p.code, p.name, p."departmentId", d.name AS "departmentName", p.area, pp.stage, pp."investorType", pp.direction,
              p."totalInvestment", pp."annualPlan", pp.id AS "planId"
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
        WHERE pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage::text = ANY($3::text[])
     ), y AS (
       SELECT r."planId", sum(r."approvedInvested") AS amount FROM "MonthlyReport" r JOIN f ON f."planId" = r."planId"
        WHERE r.month <= $4 AND r."approvedInvested" IS NOT NULL GROUP BY r."planId"
     ), rows AS (
       SELECT f.*, COALESCE(y.amount, 0) AS ytd,
              CASE WHEN f."annualPlan" > 0 THEN COALESCE(y.amount, 0) * 100 / f."annualPlan" END AS rate,
              CASE WHEN f.stage = 'PRELIMINARY' OR f."annualPlan" IS NULL OR f."annualPlan" <= 0 THEN 'none'
                   WHEN ($4::numeric * 100 * f."annualPlan" - 1200 * COALESCE(y.amount, 0)) >= 12 * $6::numeric * f."annualPlan" THEN 'red'
                   WHEN ($4::numeric * 100 * f."annualPlan" - 1200 * COALESCE(y.amount, 0)) >= 12 * $7::numeric * f."annualPlan" THEN 'yellow'
                   ELSE 'none' END AS warning
         FROM f LEFT JOIN y ON y."planId" = f."planId"
     )
     SELECT r.id, r.code, r.name, r."departmentName", r.area, r.stage::text, r."investorType"::text, r.direction::text,
            r."totalInvestment"::text, r."annualPlan"::text, r.ytd::text, r.rate::text, r.warning, cur.status::text AS "currentMonthStatus",
            count(*) OVER ()::int AS total, (sum(r."totalInvestment") OVER ())::text AS "sumTotal",
            (sum(r."annualPlan") OVER ())::text AS "sumPlan", (sum(r.ytd) OVER ())::text AS "sumYtd"
       FROM rows r LEFT JOIN "MonthlyReport" cur ON cur."planId" = r."planId" AND cur.month = $5
      ORDER BY r.name COLLATE "zh-x-icu", r.code LIMIT $8`,
    [p.planYearId, p.departmentId, p.stages, p.through, p.currentMonth, p.red, p.yellow, p.pageSize],
  );
  const facets = await c.query(
    `SELECT (SELECT json_agg(d ORDER BY d."sortOrder", d.name) FROM (SELECT d.id, d.name, d."sortOrder" FROM "Department" d
              WHERE EXISTS (SELECT 1 FROM "Project" p JOIN "ProjectPlan" pp ON pp."projectId" = p.id
                             WHERE p."departmentId" = d.id AND pp."planYearId" = $1)) d) AS departments,
            (SELECT json_agg(area ORDER BY area COLLATE "zh-x-icu") FROM (SELECT DISTINCT p.area FROM "ProjectPlan" pp
              JOIN "Project" p ON p.id = pp."projectId" WHERE pp."planYearId" = $1 AND p.area <> '') a) AS areas`,
    [p.planYearId],
  );
  return { page: page.rows, facets: facets.rows[0] };
}

// ── e. the Excel file ────────────────────────────────────────────────────────────────────────────────────
const HEADER = ['序号', '项目代码', '项目名称', '责任单位', '项目类别', '投资主体', '投资方向', '建设性质', '总投资', '截至上年底累计完成投资', '年度计划投资'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const STAGES = ['新开工', '续建', '完工', '前期'] as const;
const STAGE_ENUM: Record<(typeof STAGES)[number], string> = { 新开工: 'NEW_START', 续建: 'ONGOING', 完工: 'COMPLETION', 前期: 'PRELIMINARY' };

interface SheetLine {
  code: string;
  name: string;
  department: string;
  stage: (typeof STAGES)[number];
  total: string;
  annual: string | null;
  months: string[] | null;
}

function sheetLines(rows: number, departments: string[], prefix: string): SheetLine[] {
  return Array.from({ length: rows }, (_, i) => {
    const stage = STAGES[i % 4]!;
    const annualCents = 120_000 + (i % 97) * 1_200;
    const annual = stage === '前期' ? null : (annualCents / 100).toFixed(2);
    const each = Math.floor(annualCents / 12);
    return {
      code: `${prefix}${String(i + 1).padStart(6, '0')}`,
      name: `基准导入项目${i + 1}号`,
      department: departments[i % departments.length]!,
      stage,
      total: ((annualCents * 5) / 100).toFixed(2),
      annual,
      months: annual === null ? null : MONTHS.map((_, m) => ((m === 11 ? annualCents - each * 11 : each) / 100).toFixed(2)),
    };
  });
}

async function workbookOf(lines: SheetLine[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells('A1:W1');
  ws.getCell('A1').value = '渝中区2026年重点项目计划表（基准）';
  ws.addRow([...HEADER, ...MONTHS]);
  lines.forEach((l, i) =>
    ws.addRow([i + 1, l.code, l.name, l.department, l.stage, '区级', '基础设施', '新建', l.total, '0', l.annual ?? '', ...(l.months ?? MONTHS.map(() => ''))]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────
export interface DbResults {
  dashboard: Pair & { projects: number };
  list: Pair & { departmentId: number; stages: string[]; matched: number };
  batchSave: Pair & { rows: number };
  bulkApprove: Pair & { reports: number };
  import: {
    rows: number;
    dryRun: Timing;
    commit: Timing;
    copy: Timing;
    /** rows per second */
    importRate: number;
    copyRate: number;
    /** import rate ÷ COPY rate */
    share: number;
    fileBytes: number;
  };
}

export async function measureDb(url: string, opts: { runs: number; writeRuns: number; importRows: number; log: (s: string) => void }): Promise<DbResults> {
  const { runs, writeRuns, log } = opts;
  process.env.DATABASE_URL = url; // lib/db.ts (the actions' client) reads it when first imported
  const { createPrismaClient } = await import('../../lib/prisma');
  const { getRollup } = await import('../../lib/server/dashboard/get-rollup');
  const { getAttention } = await import('../../lib/server/dashboard/get-attention');
  const { listProjects } = await import('../../lib/server/projects/list-projects');
  const reports = await import('../../lib/actions/reports');
  const importActions = await import('../../lib/actions/project-import');
  const { prisma: appPrisma } = await import('../../lib/db');

  const db = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const c = await pool.connect();
  try {
    const leader = await actorOf(db, { username: 'leader' });
    const bureau = await actorOf(db, { username: 'bureau' });
    const planYear = await db.planYear.findFirstOrThrow({ where: { year: 2025 } });
    const month = Math.max(planYear.currentMonth - 1, 1);
    const projects = await db.projectPlan.count({ where: { planYearId: planYear.id } });

    // a
    log('a. dashboard rollup …');
    // as the page: the rollup and the attention list side by side
    const appDashboard = () =>
      Promise.all([getRollup(db, leader, { year: 2025, month }), getAttention(db, leader, { year: 2025, month, basis: 'approved' })]);
    const a = pair(
      await timed(appDashboard, runs),
      await timed(() => dashboardFloor(pool, planYear.id, planYear.year, month, planYear.reportDeadlineDay), runs),
      'app = getRollup + getAttention side by side, as the page; floor = cuts, pace levels, worst 30, S-curve, timeliness, milestones in SQL, side by side',
    );

    // b
    log('b. projects list …');
    const biggest = await c.query<{ departmentId: number; n: number }>(
      `SELECT p."departmentId", count(*)::int AS n FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage = 'NEW_START' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [planYear.id],
    );
    const departmentId = biggest.rows[0]!.departmentId;
    const stages = ['NEW_START'] as const;
    let matched = 0;
    const appList = async () => {
      const list = await listProjects(db, leader, { year: 2025, page: 1, pageSize: 50, sort: 'name', dir: 'asc', departmentIds: [departmentId], stages: [...stages] });
      matched = list!.total;
    };
    const b = pair(
      await timed(appList, runs),
      await timed(
        () =>
          listFloor(c, {
            planYearId: planYear.id,
            through: Math.min(Math.max(planYear.currentMonth - 1, 0), 12),
            currentMonth: planYear.currentMonth,
            departmentId,
            stages: [...stages],
            pageSize: 50,
            red: planYear.paceRedPoints.toString(),
            yellow: planYear.paceYellowPoints.toString(),
          }),
        runs,
      ),
      'page 1 of 50, the largest department, 新开工, sorted by name (pinyin); with totals row and facets',
    );

    // d. batch entry: 40 sequential saveReportDraft calls of one department user (as the batch screen's 保存全部)
    log('d. batch save and bulk approve …');
    const deptRow = await c.query<{ departmentId: number }>(
      `SELECT p."departmentId" FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
        WHERE pp."planYearId" = $1 AND pp.stage <> 'PRELIMINARY' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [planYear.id],
    );
    const deptId = deptRow.rows[0]!.departmentId;
    const reporter = await actorOf(db, { role: 'DEPARTMENT', departmentId: deptId });
    const plans = (
      await c.query<{ id: number }>(
        `SELECT pp.id FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
          WHERE pp."planYearId" = $1 AND p."departmentId" = $2 AND pp.stage <> 'PRELIMINARY'
            AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.flags <> '{}')
          ORDER BY pp.id LIMIT 40`,
        [planYear.id, deptId],
      )
    ).rows.map((r) => r.id);
    const cm = planYear.currentMonth;
    // untimed: the 40 reports of the current month exist as drafts, so every save is an update of a draft
    await c.query(
      `INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", status, "updatedAt")
       SELECT id, $2, 0, 'DRAFT', now() FROM unnest($1::int[]) id ON CONFLICT ("planId", month) DO NOTHING`,
      [plans, cm],
    );
    await c.query(
      `UPDATE "MonthlyReport" SET status = 'DRAFT', "submittedAt" = NULL, "reviewedAt" = NULL, "approvedInvested" = NULL
        WHERE "planId" = ANY($1::int[]) AND month = $2`,
      [plans, cm],
    );
    let toggle = 0;
    const saveBatch = async () => {
      toggle++;
      const current = await c.query<{ planId: number; version: number; amount: string }>(
        `SELECT "planId", version, "investedThisMonth"::text AS amount FROM "MonthlyReport" WHERE "planId" = ANY($1::int[]) AND month = $2`,
        [plans, cm],
      );
      const versions = new Map(current.rows.map((r) => [r.planId, r.version]));
      // the amount the department had entered (so the entry checks pass as they did); the text changes every run
      const amounts = new Map(current.rows.map((r) => [r.planId, r.amount]));
      setBenchRequestContext({ actor: reporter, ip: '127.0.0.1', locale: 'zh-CN' });
      const t0 = performance.now();
      for (const planId of plans) {
        const res = await reports.saveReportDraft({
          projectPlanId: planId, month: cm, version: versions.get(planId), investedThisMonth: amounts.get(planId),
          progressText: `基准第${toggle}次保存`, problems: '', coordinationNeeded: '', nextSteps: '', blockers: '',
          percentComplete: '', actualStart: '', actualCompletion: '',
        });
        if (!res.ok) throw new Error(`saveReportDraft failed: ${res.code} ${res.message} ${JSON.stringify(res.fieldErrors ?? {})}`);
      }
      return performance.now() - t0;
    };
    const rawSave = async () => {
      toggle++;
      await c.query(
        `UPDATE "MonthlyReport" r SET "investedThisMonth" = v.amount, "progressText" = v.progress, version = r.version + 1, "updatedAt" = now()
           FROM unnest($1::int[], $2::numeric[], $3::text[]) AS v("planId", amount, progress)
          WHERE r."planId" = v."planId" AND r.month = $4 AND r.status IN ('DRAFT', 'RETURNED')`,
        [plans, plans.map(() => '0'), plans.map(() => `基准第${toggle}次保存`), cm],
      );
    };
    const appSaves = await timedSelf(saveBatch, writeRuns);
    const d1 = pair(appSaves, await timed(rawSave, writeRuns), '40 × saveReportDraft (sequential, as 保存全部) vs one UPDATE … FROM unnest(…)');

    // d. bulk approve: up to 1,000 submitted reports
    const chosen = (
      await c.query<{ id: number }>(
        `SELECT r.id FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
          WHERE pp."planYearId" = $1 AND pp.stage <> 'PRELIMINARY' AND r."planId" <> ALL($2::int[])
          ORDER BY r.month DESC, r.id LIMIT 1000`,
        [planYear.id, plans],
      )
    ).rows.map((r) => r.id);
    const resetSubmitted = () =>
      c.query(
        `UPDATE "MonthlyReport" SET status = 'SUBMITTED', "submittedAt" = now(), "reviewedAt" = NULL, "reviewedById" = NULL, "reviewComment" = NULL
          WHERE id = ANY($1::int[])`,
        [chosen],
      );
    const approveApp = async () => {
      const current = await c.query<{ id: number; version: number }>(`SELECT id, version FROM "MonthlyReport" WHERE id = ANY($1::int[])`, [chosen]);
      setBenchRequestContext({ actor: bureau, ip: '127.0.0.1', locale: 'zh-CN' });
      const t0 = performance.now();
      const res = await reports.approveReports({ reports: current.rows.map((r) => ({ reportId: r.id, version: r.version })) });
      if (!res.ok) throw new Error(`approveReports failed: ${res.code} ${res.message}`);
      return performance.now() - t0;
    };
    const approveRaw = () =>
      c.query(
        `UPDATE "MonthlyReport" SET status = 'APPROVED', "approvedInvested" = "investedThisMonth", "reviewedById" = $2,
                "reviewedAt" = now(), "reviewComment" = NULL, version = version + 1, "updatedAt" = now()
          WHERE id = ANY($1::int[]) AND status = 'SUBMITTED'`,
        [chosen, bureau.id],
      );
    const appApprove = await timedSelf(approveApp, writeRuns, resetSubmitted);
    const d2 = pair(appApprove, await timed(approveRaw, writeRuns, { before: resetSubmitted }), `approveReports of ${chosen.length} reports vs one multi-row UPDATE`);

    // e. import
    log(`e. import of ${opts.importRows} rows …`);
    const deptNames = (await db.department.findMany({ select: { name: true }, orderBy: { id: 'asc' } })).map((d) => d.name);
    await db.planYear.upsert({ where: { year: 2026 }, update: {}, create: { year: 2026, title: '渝中区2026年重点项目计划（基准）', approvedInvestment: '1000000', status: 'DRAFT' } });
    const py2026 = await db.planYear.findUniqueOrThrow({ where: { year: 2026 } });
    const lines = sheetLines(opts.importRows, deptNames, 'BENCH');
    const bytes = await workbookOf(lines);
    const file = () => new File([bytes], 'bench-import.xlsx');
    const codes = lines.map((l) => l.code);
    // the imported rows go between runs; plans and their items first, as the database refuses a project with a
    // plan (ON DELETE RESTRICT: nothing in the product deletes projects)
    const clear = async () => {
      await c.query(
        `DELETE FROM "MonthlyPlanItem" WHERE "planId" IN
           (SELECT pp.id FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" WHERE p.code = ANY($1::text[]))`,
        [codes],
      );
      await c.query(`DELETE FROM "ProjectPlan" WHERE "projectId" IN (SELECT id FROM "Project" WHERE code = ANY($1::text[]))`, [codes]);
      await c.query(`DELETE FROM "Project" WHERE code = ANY($1::text[])`, [codes]);
    };
    setBenchRequestContext({ actor: bureau, ip: '127.0.0.1', locale: 'zh-CN' });
    const dryRun = await timed(async () => {
      const res = await importActions.importProjectsDryRun({ year: 2026, file: file() });
      if (!res.ok || res.data.errorCount) throw new Error(`import dry run failed: ${JSON.stringify(res).slice(0, 500)}`);
    }, writeRuns, { warmup: false });
    // the commit names what its check saw (the same for every run: the rows are cleared in between)
    const checked = await importActions.importProjectsDryRun({ year: 2026, file: file() });
    if (!checked.ok) throw new Error(`import check failed: ${checked.message}`);
    const versions = JSON.stringify(checked.data.versions);
    const commit = await timed(async () => {
      const res = await importActions.importProjectsCommit({ year: 2026, file: file(), versions });
      if (!res.ok || res.data.create !== lines.length) throw new Error(`import failed: ${JSON.stringify(res).slice(0, 500)}`);
    }, writeRuns, { warmup: false, before: clear });
    await clear();
    const deptIds = new Map((await db.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]));
    const copy = await timed(async () => {
      await c.query('BEGIN');
      await copyFrom(c, `"Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment", "updatedAt")`,
        lines.map((l) => [l.code, l.name, deptIds.get(l.department)!, '', '', 'NEW', '', l.total, 'now']));
      const ids = await c.query<{ id: number; code: string }>(`SELECT id, code FROM "Project" WHERE code = ANY($1::text[])`, [codes]);
      const pid = new Map(ids.rows.map((r) => [r.code, r.id]));
      await copyFrom(c, `"ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "cumulativeBeforeYear", "annualPlan", "updatedAt")`,
        lines.map((l) => [pid.get(l.code)!, py2026.id, STAGE_ENUM[l.stage], 'DISTRICT', 'INFRASTRUCTURE', '0', l.annual, 'now']));
      const planIds = await c.query<{ id: number; projectId: number }>(`SELECT id, "projectId" FROM "ProjectPlan" WHERE "planYearId" = $1`, [py2026.id]);
      const plid = new Map(planIds.rows.map((r) => [r.projectId, r.id]));
      await copyFrom(c, `"MonthlyPlanItem" ("planId", month, amount)`,
        lines.flatMap((l) => (l.months ?? []).map((amount, m) => [plid.get(pid.get(l.code)!)!, m + 1, amount])));
      await c.query('COMMIT');
    }, writeRuns, { warmup: false, before: clear });
    await clear();
    const importRate = lines.length / (commit.median / 1000);
    const copyRate = lines.length / (copy.median / 1000);

    return {
      dashboard: { ...a, projects },
      list: { ...b, departmentId, stages: [...stages], matched },
      batchSave: { ...d1, rows: plans.length },
      bulkApprove: { ...d2, reports: chosen.length },
      import: {
        rows: lines.length,
        dryRun,
        commit,
        copy,
        importRate: Math.round(importRate),
        copyRate: Math.round(copyRate),
        share: round(importRate / copyRate, 3),
        fileBytes: bytes.length,
      },
    };
  } finally {
    c.release();
    await pool.end();
    await db.$disconnect();
    await appPrisma.$disconnect();
  }
}

/** Like timed(), for functions that time their own critical section (so the untimed preparation is left out). */
async function timedSelf(fn: () => Promise<number>, runs: number, before?: () => Promise<unknown>): Promise<Timing> {
  await before?.();
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    out.push(await fn());
  }
  return { median: round(median(out)), runs: out.map((x) => round(x)) };
}
