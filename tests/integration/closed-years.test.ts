/**
 * Issue 12, item 8: a closed year's figures never move. 2025 (the seed's year) is closed by the admin while an
 * approval waits on the lock; 2026 opens with plans for some of 2025's projects; then every write that could reach
 * 2025's figures is tried, through 2025 itself and through 2026, and the figures (rollups, attention) are compared
 * with what they were at the close after each. Finally 2026 closes while a draft save waits on the lock.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '@/lib/server/audit';
import { actorOf, signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let act: {
  projects: typeof import('@/lib/actions/projects');
  reports: typeof import('@/lib/actions/reports');
  warnings: typeof import('@/lib/actions/warnings');
  admin: typeof import('@/lib/actions/admin');
  imports: typeof import('@/lib/actions/project-import');
};
let y2025: number;
let y2026: number;

/** The reporter of a project's department. */
async function reporterOf(projectId: number) {
  const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId }, select: { departmentId: true } });
  const user = await t.db.user.findFirstOrThrow({
    where: { role: 'DEPARTMENT', departmentId: project.departmentId, active: true },
  });
  return user.username;
}

/** 2025's figures as leaders read them: the rollup at two months and both bases, and the attention lists. */
async function figures2025() {
  const { getRollup } = await import('@/lib/server/dashboard/get-rollup');
  const { getAttention } = await import('@/lib/server/dashboard/get-attention');
  const leader = await actorOf(t.db, 'leader');
  const today = '2026-03-01';
  const all = await Promise.all([
    getRollup(t.db, leader, { year: 2025, month: 12, basis: 'approved' }),
    getRollup(t.db, leader, { year: 2025, month: 12, basis: 'submitted' }),
    getRollup(t.db, leader, { year: 2025, month: 7, basis: 'approved' }),
    getAttention(t.db, leader, { year: 2025, month: 12, basis: 'approved', today, redLimit: 500 }),
    getAttention(t.db, leader, { year: 2025, month: 4, basis: 'submitted', today, redLimit: 500 }),
  ]);
  const [december, , july, attention] = all;
  // a digest of everything, beside the headline figures so that a failure shows what moved
  return {
    digest: createHash('sha256').update(JSON.stringify(all)).digest('hex'),
    completed: [december?.completed, july?.completed],
    starts: december?.starts,
    completions: december?.completions,
    departments: december?.byDepartment.map((d) => `${d.key}:${d.count}:${d.completed}`).join(' '),
    areas: december?.byArea.map((a) => `${a.key}:${a.count}`).join(' '),
    milestones: december?.preliminary,
    attention: [attention?.red, attention?.yellow],
  };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** A project's edit form for its 2026 plan, as the page sends it. */
async function editForm(projectId: number, changes: Record<string, unknown>) {
  const p = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
  const plan = await t.db.projectPlan.findUniqueOrThrow({
    where: { projectId_planYearId: { projectId, planYearId: y2026 } },
    include: { monthlyPlan: { orderBy: { month: 'asc' } } },
  });
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    departmentId: p.departmentId,
    ownerUnit: p.ownerUnit,
    area: p.area,
    buildType: p.buildType,
    scope: p.scope,
    totalInvestment: p.totalInvestment.toFixed(2),
    plannedStart: day(p.plannedStart),
    plannedCompletion: day(p.plannedCompletion),
    actualStart: day(p.actualStart),
    actualCompletion: day(p.actualCompletion),
    leaderInCharge: p.leaderInCharge ?? '',
    contactName: p.contactName ?? '',
    contactPhone: p.contactPhone ?? '',
    planYearId: y2026,
    stage: plan.stage,
    investorType: plan.investorType,
    direction: plan.direction,
    cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
    annualPlan: plan.annualPlan?.toFixed(2) ?? '',
    monthly: plan.monthlyPlan.map((m) => m.amount.toFixed(2)),
    milestoneTarget: plan.milestoneTarget ?? '',
    reason: '本年度计划调整',
    planVersion: plan.version,
    ...changes,
  };
}

/** Resolves once some backend of this database waits on a lock, or `work` has settled (it did not wait). */
async function untilWaitingOrSettled(work: Promise<unknown>) {
  let settled = false;
  void work.finally(() => (settled = true));
  for (let i = 0; i < 400 && !settled; i += 1) {
    const [row] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Closes a year the way the admin's action does, in a transaction held open until `release` is called. */
async function closeHeldOpen(planYearId: number) {
  const { closePlanYear } = await import('@/lib/server/admin/plan-years');
  const { createWriteContext } = await import('@/lib/server/write-context');
  const admin = await actorOf(t.db, 'admin');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const closing = new Promise<void>((resolve) => (locked = resolve));
  const done = t.db.$transaction(
    async (tx) => {
      await closePlanYear(
        createWriteContext(tx as Tx, {
          actor: admin,
          ip: null,
          input: { id: planYearId },
          permission: 'planYear.manage',
        }),
      );
      locked();
      await held;
    },
    { timeout: 60_000 },
  );
  await closing;
  return { release, done };
}

/** Plans in 2026 (DRAFT) for the given 2025 projects: the same stage, 120 万元 over twelve months, none for 前期. */
async function planIn2026(projectIds: number[]) {
  for (const projectId of projectIds) {
    const old = await t.db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId, planYearId: y2025 } },
    });
    const preliminary = old.stage === 'PRELIMINARY';
    await t.db.projectPlan.create({
      data: {
        projectId,
        planYearId: y2026,
        stage: old.stage,
        investorType: old.investorType,
        direction: old.direction,
        annualPlan: preliminary ? null : '120.00',
        monthlyPlan: preliminary
          ? undefined
          : { create: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '10.00' })) },
      },
    });
  }
}

/** A 2026 report of the project, submitted as it stands, for the bureau to approve. */
async function submitted2026(
  projectId: number,
  facts: { actualStart?: string; milestoneUpdates?: { kind: string; date: string }[] },
) {
  const plan = await t.db.projectPlan.findUniqueOrThrow({
    where: { projectId_planYearId: { projectId, planYearId: y2026 } },
  });
  return t.db.monthlyReport.create({
    data: {
      planId: plan.id,
      month: 1,
      status: 'SUBMITTED',
      investedThisMonth: '1.00',
      submittedAt: new Date(),
      actualStart: facts.actualStart ? new Date(`${facts.actualStart}T00:00:00Z`) : null,
      milestoneUpdates: facts.milestoneUpdates ?? [],
    },
  });
}

const ids: Record<'notStarted' | 'started' | 'completing' | 'preliminary' | 'other', number> = {} as never;
let figuresAtClose: Awaited<ReturnType<typeof figures2025>>;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  act = {
    projects: await import('@/lib/actions/projects'),
    reports: await import('@/lib/actions/reports'),
    warnings: await import('@/lib/actions/warnings'),
    admin: await import('@/lib/actions/admin'),
    imports: await import('@/lib/actions/project-import'),
  };
  y2025 = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id;
  y2026 = (
    await t.db.planYear.create({
      data: { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '1000000' },
    })
  ).id;
  const pick = (where: object) =>
    t.db.projectPlan.findFirstOrThrow({
      where: { planYearId: y2025, ...where },
      orderBy: { id: 'asc' },
      select: { projectId: true },
    });
  ids.notStarted = (
    await pick({ stage: 'NEW_START', project: { actualStart: null, plannedStart: { lte: new Date('2025-09-01') } } })
  ).projectId;
  ids.started = (
    await pick({ stage: 'NEW_START', project: { actualStart: { lte: new Date('2025-10-31') } } })
  ).projectId;
  ids.completing = (await pick({ stage: 'COMPLETION', project: { actualCompletion: null } })).projectId;
  ids.preliminary = (
    await pick({ stage: 'PRELIMINARY', project: { milestones: { none: { kind: 'LAND', status: 'DONE' } } } })
  ).projectId;
  ids.other = (await pick({ stage: 'ONGOING' })).projectId;
  await planIn2026(Object.values(ids));
});

afterAll(async () => t?.drop());

describe('closing 2025 while an approval is under way', () => {
  it('makes the approval wait for the close and then refuses it: nothing lands in a closed year', async () => {
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', plan: { planYearId: y2025 } },
    });
    const close = await closeHeldOpen(y2025);
    await signIn(t.db, 'bureau');
    const approval = act.reports.approveReport({ reportId: report.id, version: report.version });
    await untilWaitingOrSettled(approval);
    close.release();
    await close.done;
    expect(await approval).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/2025年度计划已关闭/),
    });
    expect(await t.db.monthlyReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: 'SUBMITTED',
      version: report.version,
    });
    figuresAtClose = await figures2025();
    await signIn(t.db, 'admin');
    expect(await act.admin.activatePlanYear({ id: y2026 })).toMatchObject({ ok: true });
  });
});

describe('no write moves the closed year’s figures', () => {
  const unchanged = async () => expect(await figures2025()).toEqual(figuresAtClose);

  it('refuses new warning lines for 2025, and the dashboard no longer offers them', async () => {
    await signIn(t.db, 'bureau');
    expect(await act.warnings.setWarningThresholds({ year: 2025, yellowPoints: '5', redPoints: '6' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await unchanged();
  });

  it('refuses a new department, a new area and a changed actual date through the open year', async () => {
    await signIn(t.db, 'bureau');
    const other = await t.db.department.findFirstOrThrow({
      where: {
        id: { not: (await t.db.project.findUniqueOrThrow({ where: { id: ids.other } })).departmentId },
        active: true,
      },
    });
    for (const [id, change, field] of [
      [ids.other, { departmentId: other.id }, 'departmentId'],
      [ids.other, { area: '化龙桥片区' }, 'area'],
      [ids.started, { actualStart: '' }, 'actualStart'],
      [ids.started, { actualStart: '2025-11-15' }, 'actualStart'],
      [ids.completing, { actualCompletion: '2025-12-31' }, 'actualCompletion'],
    ] as const) {
      const result = await act.projects.updateProject(await editForm(id, change));
      expect(result, field).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect(result.ok ? '' : result.fieldErrors?.[field]?.[0], field).toMatch(/已关闭的2025年度|2025年度已关闭/);
    }
    await unchanged();
  });

  it('lets a slipped project be re-planned and a later date be entered, and 2025 stays as it closed', async () => {
    await signIn(t.db, 'bureau');
    expect(
      await act.projects.updateProject(await editForm(ids.notStarted, { plannedStart: '2026-06-01' })),
    ).toMatchObject({ ok: true });
    expect(
      await act.projects.updateProject(await editForm(ids.completing, { actualCompletion: '2026-01-20' })),
    ).toMatchObject({ ok: true });
    await unchanged();
  });

  it('refuses an import that moves a project of 2025 to another department, and any import into 2025', async () => {
    await signIn(t.db, 'bureau');
    const p = await t.db.project.findUniqueOrThrow({ where: { id: ids.other }, include: { department: true } });
    const other = await t.db.department.findFirstOrThrow({ where: { id: { not: p.departmentId }, active: true } });
    const csv =
      `项目代码,项目名称,责任单位,项目类别,投资主体,投资方向,总投资,年度计划投资,${Array.from({ length: 12 }, (_, i) => `${i + 1}月`).join(',')}\n` +
      `${p.code},${p.name},${other.name},续建,区级,基础设施,${p.totalInvestment.toFixed(2)},120,${Array(12).fill('10').join(',')}\n`;
    const file = () => new File([csv], 'move.csv');
    const dry = await act.imports.importProjectsDryRun({ year: 2026, file: file() });
    expect(dry).toMatchObject({
      ok: true,
      data: { errors: [{ row: 2, column: '责任单位', message: 'closedYearLocked', params: { year: '2025' } }] },
    });
    expect(await act.imports.importProjectsDryRun({ year: 2025, file: file() })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await unchanged();
  });

  it('refuses report writes into 2025', async () => {
    const plan = await t.db.projectPlan.findFirstOrThrow({ where: { planYearId: y2025, projectId: ids.other } });
    await signIn(t.db, await reporterOf(ids.other));
    const saved = await act.reports.saveReportDraft({
      projectPlanId: plan.id,
      month: 11,
      version: 0,
      investedThisMonth: '1',
    });
    expect(saved).toMatchObject({ ok: false, code: 'CONFLICT' });
    await unchanged();
  });

  it('refuses a 2026 report stating a start inside 2025, at save and at approval', async () => {
    const plan = await t.db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId: ids.notStarted, planYearId: y2026 } },
    });
    await signIn(t.db, await reporterOf(ids.notStarted));
    const saved = await act.reports.saveReportDraft({
      projectPlanId: plan.id,
      month: 1,
      version: 0,
      investedThisMonth: '1',
      actualStart: '2025-12-20',
    });
    expect(saved.ok ? '' : saved.fieldErrors?.actualStart?.[0]).toMatch(/2025年度已关闭：2025-12-31及以前的日期/);

    const report = await submitted2026(ids.notStarted, { actualStart: '2025-12-20' });
    await signIn(t.db, 'bureau');
    const approved = await act.reports.approveReport({ reportId: report.id, version: report.version });
    expect(approved).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/2025-12-20 在该年度内/),
    });
    expect((await t.db.monthlyReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('SUBMITTED');
    await unchanged();
  });

  it('refuses a 2026 approval whose milestone was reached inside 2025', async () => {
    const report = await submitted2026(ids.preliminary, { milestoneUpdates: [{ kind: 'LAND', date: '2025-11-03' }] });
    await signIn(t.db, 'bureau');
    expect(await act.reports.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await unchanged();
  });

  it('approves a 2026 start dated in 2026, and 2025 does not move', async () => {
    await t.db.monthlyReport.deleteMany({ where: { plan: { projectId: ids.notStarted, planYearId: y2026 } } });
    const report = await submitted2026(ids.notStarted, { actualStart: '2026-01-12' });
    await signIn(t.db, 'bureau');
    expect(await act.reports.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: true,
    });
    expect(day((await t.db.project.findUniqueOrThrow({ where: { id: ids.notStarted } })).actualStart)).toBe(
      '2026-01-12',
    );
    await unchanged();
  });
});

describe('closing 2026 while a draft is being saved', () => {
  it('makes the save wait for the close and then refuses it', async () => {
    const plan = await t.db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId: ids.other, planYearId: y2026 } },
    });
    await signIn(t.db, await reporterOf(ids.other));
    const close = await closeHeldOpen(y2026);
    const save = act.reports.saveReportDraft({ projectPlanId: plan.id, month: 1, version: 0, investedThisMonth: '3' });
    await untilWaitingOrSettled(save);
    close.release();
    await close.done;
    expect(await save).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/2026年度计划已关闭/),
    });
    expect(await t.db.monthlyReport.count({ where: { planId: plan.id } })).toBe(0);
  });
});

describe('the raw connection', () => {
  it('sees the closed years as the app does', async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query<{ year: number; status: string }>(
      `SELECT year, status::text FROM "PlanYear" ORDER BY year`,
    );
    await client.end();
    expect(rows).toEqual([
      { year: 2025, status: 'CLOSED' },
      { year: 2026, status: 'CLOSED' },
    ]);
  });
});
