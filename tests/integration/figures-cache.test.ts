/**
 * Dashboard figures are cached in the app process until the data under them changes. The change is signalled by
 * FiguresVersion, bumped once at commit by deferred triggers on every table the figures read (for the reports: on
 * their maintained summary, which changes only when a figure does). These tests prove the triggers are there, bump
 * once per committed transaction and never before commit, that a draft save changing no figure leaves the version
 * and the cached figures in place while a submit or an approval moves them, and that the cached figures are reused
 * while nothing changes and recomputed, equal to a fresh computation, after any commit.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf, signIn } from '../helpers/actors';
import { projectWithoutReports } from '../helpers/backfill-sheets';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let cache: typeof import('@/lib/server/dashboard/figures-cache');
let getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
let getAttention: typeof import('@/lib/server/dashboard/get-attention').getAttention;
let leader: Actor;

const FIGURE_TABLES = [
  'Department',
  'MonthlyPlanItem',
  'PlanMonthSummary',
  'PlanSummary',
  'PlanYear',
  'PreliminaryMilestone',
  'Project',
  'ProjectPlan',
];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  cache = await import('@/lib/server/dashboard/figures-cache');
  ({ getRollup } = await import('@/lib/server/dashboard/get-rollup'));
  ({ getAttention } = await import('@/lib/server/dashboard/get-attention'));
}, 120_000);

afterAll(async () => {
  await t.drop();
});

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** an approved October report of the seed, to change */
async function approvedReport() {
  return t.db.monthlyReport.findFirstOrThrow({
    where: { month: 10, status: 'APPROVED', approvedInvested: { gt: 0 }, plan: { planYear: { year: 2025 } } },
    orderBy: { id: 'asc' },
  });
}

describe('FiguresVersion', () => {
  it('has a deferred trigger on every table the figures are read from', async () => {
    const rows = await t.db.$queryRaw<{ table: string; deferrable: boolean; deferred: boolean }[]>`
      SELECT tgrelid::regclass::text AS table, tgdeferrable AS deferrable, tginitdeferred AS deferred
        FROM pg_trigger WHERE tgname = 'figures_changed' ORDER BY 1`;
    expect(rows.map((r) => r.table.replaceAll('"', ''))).toEqual(FIGURE_TABLES);
    expect(rows.every((r) => r.deferrable && r.deferred)).toBe(true);
  });

  it('is bumped once per committed transaction, and only at commit', async () => {
    const before = await cache.figuresVersion(t.db);
    await withClient(async (c) => {
      await c.query('BEGIN');
      const updated = await c.query(
        `UPDATE "MonthlyReport" SET "approvedInvested" = "approvedInvested" + 1
          WHERE id IN (SELECT id FROM "MonthlyReport" WHERE "approvedInvested" IS NOT NULL ORDER BY id LIMIT 50)`,
      );
      await c.query(
        `UPDATE "Project" SET "updatedAt" = now() WHERE id IN (SELECT id FROM "Project" ORDER BY id LIMIT 5)`,
      );
      expect(updated.rowCount).toBe(50);
      // not yet: neither another connection nor the writer itself sees a new version before commit
      expect(await cache.figuresVersion(t.db)).toBe(before);
      expect((await c.query(`SELECT version::text AS v FROM "FiguresVersion"`)).rows[0].v).toBe(before);
      await c.query('COMMIT');
    });
    expect(await cache.figuresVersion(t.db)).toBe(String(BigInt(before) + 1n));
  });

  it('is not bumped by a rolled-back transaction or by writes outside the figures', async () => {
    const before = await cache.figuresVersion(t.db);
    await withClient(async (c) => {
      await c.query('BEGIN');
      await c.query(
        `UPDATE "MonthlyReport" SET "approvedInvested" = "approvedInvested" + 1 WHERE id = (SELECT min(id) FROM "MonthlyReport")`,
      );
      await c.query('ROLLBACK');
    });
    // a report's texts are no figure
    await withClient((c) =>
      c.query(`UPDATE "MonthlyReport" SET "updatedAt" = now(), "nextSteps" = "nextSteps" || ' ' WHERE id IN
                 (SELECT id FROM "MonthlyReport" ORDER BY id LIMIT 50)`),
    );
    const user = await t.db.user.findFirstOrThrow({ where: { username: 'leader' } });
    await t.db.notification.create({ data: { userId: user.id, kind: 'REPORT_RETURNED', link: '/reports' } });
    await t.db.user.update({ where: { id: user.id }, data: { displayName: user.displayName } });
    expect(await cache.figuresVersion(t.db)).toBe(before);
  });
});

describe('getRollupCached and getAttentionCached', () => {
  const options = { year: 2025, month: 10, basis: 'approved' as const };

  it('reuse the figures while nothing changes, and share one computation between concurrent requests', async () => {
    const first = await cache.getRollupCached(t.db, leader, options);
    expect(await cache.getRollupCached(t.db, leader, options)).toBe(first);
    // shared by every request, so read-only
    expect(() => first!.byStage.reverse()).toThrow(TypeError);
    const [a, b] = await Promise.all([
      cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-20' }),
      cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-20' }),
    ]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
  });

  it('recompute after any committed change, equal to a fresh computation', async () => {
    const before = (await cache.getRollupCached(t.db, leader, options))!;
    const report = await approvedReport();
    await t.db.monthlyReport.update({
      where: { id: report.id },
      data: { approvedInvested: report.approvedInvested!.plus(1000) },
    });

    const after = (await cache.getRollupCached(t.db, leader, options))!;
    expect(after).not.toBe(before);
    expect(Number(after.completed) - Number(before.completed)).toBeCloseTo(1000, 2);
    expect(after).toEqual(await getRollup(t.db, leader, options));
    expect(await cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-20' })).toEqual(
      await getAttention(t.db, leader, { ...options, today: '2025-11-20' }),
    );
  });

  it('keep figures apart by year, month, basis and day', async () => {
    const october = await cache.getRollupCached(t.db, leader, options);
    const september = await cache.getRollupCached(t.db, leader, { ...options, month: 9 });
    const submitted = await cache.getRollupCached(t.db, leader, { ...options, basis: 'submitted' });
    expect([september!.month, submitted!.basis]).toEqual([9, 'submitted']);
    expect(september).not.toBe(october);
    // the deadline rule counts days: the same month seen on another day is judged again
    const early = await cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-02' });
    const late = await cache.getAttentionCached(t.db, leader, { ...options, today: '2025-12-28' });
    expect(early).toEqual(await getAttention(t.db, leader, { ...options, today: '2025-11-02' }));
    expect(late).toEqual(await getAttention(t.db, leader, { ...options, today: '2025-12-28' }));
    expect(late!.red).toBeGreaterThanOrEqual(early!.red);
  });

  it('a plan-year change (the warning lines) shows at once', async () => {
    const before = (await cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-02' }))!;
    await t.db.planYear.update({ where: { year: 2025 }, data: { paceYellowPoints: 2, paceRedPoints: 5 } });
    const after = (await cache.getAttentionCached(t.db, leader, { ...options, today: '2025-11-02' }))!;
    expect(after.red).toBeGreaterThan(before.red);
    await t.db.planYear.update({ where: { year: 2025 }, data: { paceYellowPoints: 10, paceRedPoints: 30 } });
  });
});

describe('the projects list’s filter choices', () => {
  it('are kept until the version moves, and follow a project’s new area and a renamed department at once', async () => {
    const { listProjects } = await import('@/lib/server/projects/list-projects');
    const zjw = await actorOf(t.db, 'zjw');
    const list = () => listProjects(t.db, leader, { year: 2025, pageSize: 1 });
    const first = (await list())!.facets;
    expect((await list())!.facets).toBe(first);
    expect(first.areas).not.toContain('测试片区');

    const { projectId } = await projectWithoutReports(t.db, 'FV-FACET', '筛选项测试项目');
    await t.db.project.update({ where: { id: projectId }, data: { area: '测试片区' } });
    const after = (await list())!.facets;
    expect(after.areas).toContain('测试片区');
    // a department sees only its own areas: another entry, its own scope
    const own = (await listProjects(t.db, zjw, { year: 2025, pageSize: 1 }))!.facets;
    expect(own.departments.map((d) => d.id)).toEqual([zjw.departmentId]);

    const department = await t.db.department.findUniqueOrThrow({ where: { id: zjw.departmentId! } });
    await t.db.department.update({ where: { id: department.id }, data: { name: `${department.name}（改）` } });
    try {
      const renamed = (await list())!.facets.departments.find((d) => d.id === department.id);
      expect(renamed?.name).toBe(`${department.name}（改）`);
    } finally {
      await t.db.department.update({ where: { id: department.id }, data: { name: department.name } });
    }
  });
});

describe('only a write that changes a figure moves the version', () => {
  it('a draft save leaves the version and the cached dashboard in place; a submit and an approval move them', async () => {
    const options = { year: 2025, month: 11, basis: 'submitted' as const };
    await signIn(t.db, 'zjw');
    const reports = await import('@/lib/actions/reports');
    // a project of the department's own with no report yet
    const plan = { id: (await projectWithoutReports(t.db, 'FV-001', '版本测试项目')).planId };
    const save = async (fields: { version: number; progressText: string }) => {
      const saved = await reports.saveReportDraft({
        projectPlanId: plan.id,
        month: 11,
        investedThisMonth: '250.00',
        ...fields,
      } as never);
      if (!saved.ok) throw new Error(saved.message);
      return t.db.monthlyReport.findUniqueOrThrow({ where: { planId_month: { planId: plan.id, month: 11 } } });
    };
    // a new report is a new fact (the month is no longer missing): it moves the version
    const v0 = await cache.figuresVersion(t.db);
    const draft = await save({ version: 0, progressText: '基础施工' });
    const v1 = await cache.figuresVersion(t.db);
    expect(v1).not.toBe(v0);

    // the bureau's dashboard on the submitted basis (a department reads that basis for its own projects only)
    const bureau = await actorOf(t.db, 'bureau');
    await signIn(t.db, 'zjw');
    const cached = await cache.getRollupCached(t.db, bureau, options);
    // autosaves of the draft: its texts change, no official or submitted figure does
    const again = await save({ version: draft.version, progressText: '主体施工' });
    await save({ version: again.version, progressText: '主体施工，完成50%' });
    expect(await cache.figuresVersion(t.db)).toBe(v1);
    expect(await cache.getRollupCached(t.db, bureau, options)).toBe(cached);

    // submitting puts its amount on the submitted basis: the version moves, the figures are recomputed
    const latest = await t.db.monthlyReport.findUniqueOrThrow({ where: { id: draft.id } });
    const submitted = await reports.submitReport({ reportId: latest.id, version: latest.version });
    expect(submitted.ok).toBe(true);
    const v2 = await cache.figuresVersion(t.db);
    expect(v2).not.toBe(v1);
    const afterSubmit = (await cache.getRollupCached(t.db, bureau, options))!;
    expect(afterSubmit).not.toBe(cached);
    expect(Number(afterSubmit.completed) - Number(cached!.completed)).toBeCloseTo(250, 2);

    // approving makes it official
    await signIn(t.db, 'bureau');
    const approvedBefore = (await cache.getRollupCached(t.db, leader, { ...options, basis: 'approved' }))!;
    const toApprove = await t.db.monthlyReport.findUniqueOrThrow({ where: { id: draft.id } });
    const approved = await reports.approveReport({ reportId: toApprove.id, version: toApprove.version });
    expect(approved.ok).toBe(true);
    expect(await cache.figuresVersion(t.db)).not.toBe(v2);
    const approvedAfter = (await cache.getRollupCached(t.db, leader, { ...options, basis: 'approved' }))!;
    expect(Number(approvedAfter.completed) - Number(approvedBefore.completed)).toBeCloseTo(250, 2);
  });
});
