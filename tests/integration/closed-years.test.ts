/**
 * Issue 12, item 8: a closed year's figures never move. 2025 (the seed's year) is closed by the admin while an
 * approval waits on the lock; 2026 opens with plans for some of 2025's projects; then every write that could reach
 * 2025's figures is tried, through 2025 itself and through 2026, and the figures (rollups, attention) are compared
 * with what they were at the close after each. Finally 2026 closes while a draft save waits on the lock.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnly } from '@/lib/domain/date-only';
import { signIn } from '../helpers/actors';
import {
  closeHeldOpen,
  figures2025,
  planIn2026,
  submitted2026,
  untilWaitingOrSettled,
} from '../helpers/closed-year-story';
import { projectEditForm } from '../helpers/project-forms';
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

/** A project's edit form for its 2026 plan, as the page sends it, with a reason and these changes. */
async function editForm(projectId: number, changes: Record<string, unknown>) {
  const plan = await t.db.projectPlan.findUniqueOrThrow({
    where: { projectId_planYearId: { projectId, planYearId: y2026 } },
    include: { project: true, monthlyPlan: { orderBy: { month: 'asc' } } },
  });
  return { ...projectEditForm(plan), reason: '本年度计划调整', ...changes };
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
  await planIn2026(t.db, { y2025, y2026 }, Object.values(ids));
});

afterAll(async () => t?.drop());

describe('closing 2025 while an approval is under way', () => {
  it('makes the approval wait for the close and then refuses it: nothing lands in a closed year', async () => {
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', plan: { planYearId: y2025 } },
    });
    const close = await closeHeldOpen(t.db, y2025);
    await signIn(t.db, 'bureau');
    const approval = act.reports.approveReport({ reportId: report.id, version: report.version });
    await untilWaitingOrSettled(t.db, approval);
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
    figuresAtClose = await figures2025(t.db);
    await signIn(t.db, 'admin');
    expect(await act.admin.activatePlanYear({ id: y2026 })).toMatchObject({ ok: true });
  });
});

describe('no write moves the closed year’s figures', () => {
  const unchanged = async () => expect(await figures2025(t.db)).toEqual(figuresAtClose);

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

    const report = await submitted2026(t.db, y2026, ids.notStarted, { actualStart: '2025-12-20' });
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
    const report = await submitted2026(t.db, y2026, ids.preliminary, {
      milestoneUpdates: [{ kind: 'LAND', date: '2025-11-03' }],
    });
    await signIn(t.db, 'bureau');
    expect(await act.reports.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await unchanged();
  });

  it('approves a 2026 start dated in 2026, and 2025 does not move', async () => {
    await t.db.monthlyReport.deleteMany({ where: { plan: { projectId: ids.notStarted, planYearId: y2026 } } });
    const report = await submitted2026(t.db, y2026, ids.notStarted, { actualStart: '2026-01-12' });
    await signIn(t.db, 'bureau');
    expect(await act.reports.approveReport({ reportId: report.id, version: report.version })).toMatchObject({
      ok: true,
    });
    expect(toDateOnly((await t.db.project.findUniqueOrThrow({ where: { id: ids.notStarted } })).actualStart)).toBe(
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
    const close = await closeHeldOpen(t.db, y2026);
    const save = act.reports.saveReportDraft({ projectPlanId: plan.id, month: 1, version: 0, investedThisMonth: '3' });
    await untilWaitingOrSettled(t.db, save);
    close.release();
    await close.done;
    expect(await save).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/2026年度计划已关闭/),
    });
    expect(await t.db.monthlyReport.count({ where: { planId: plan.id, month: 1 } })).toBe(0);
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
      { year: 2024, status: 'CLOSED' }, // the demo's previous year, seeded closed
      { year: 2025, status: 'CLOSED' },
      { year: 2026, status: 'CLOSED' },
    ]);
  });
});
