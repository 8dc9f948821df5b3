/**
 * Issue 12, item 9: no deletion path wipes reports. Project → plan → monthly report → revision, a plan's monthly
 * split, a project's milestones and a year's published figures are ON DELETE RESTRICT, so the database itself
 * refuses a DELETE that would take them along, whoever issues it (migration 20261205100000_restrict_project_deletes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
});

afterAll(async () => {
  await t?.drop();
});

/** The foreign key the database names when it refuses (SQLSTATE 23503). */
async function refusedBy(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const text = String((error as { message?: string }).message ?? error);
    expect(text).toMatch(/23503|foreign key|Foreign key/);
    return /"(\w+_fkey)"/.exec(text)?.[1] ?? text;
  }
  throw new Error('the database accepted the DELETE');
}

async function counts() {
  const [row] = await t.db.$queryRaw<
    {
      projects: number;
      plans: number;
      items: number;
      reports: number;
      revisions: number;
      milestones: number;
      figures: number;
    }[]
  >`
    SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProjectPlan")::int AS plans,
           (SELECT count(*) FROM "MonthlyPlanItem")::int AS items, (SELECT count(*) FROM "MonthlyReport")::int AS reports,
           (SELECT count(*) FROM "MonthlyReportRevision")::int AS revisions,
           (SELECT count(*) FROM "PreliminaryMilestone")::int AS milestones, (SELECT count(*) FROM "PlanFigure")::int AS figures`;
  return row!;
}

describe('the database refuses deletes that would take reports with them', () => {
  it('a project with approved reports', async () => {
    const before = await counts();
    const project = await t.db.project.findFirstOrThrow({
      where: { plans: { some: { reports: { some: { status: 'APPROVED' } } } } },
      select: { id: true },
    });
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "Project" WHERE id = ${project.id}`)).toBe(
      'ProjectPlan_projectId_fkey',
    );
    await refusedBy(t.db.project.delete({ where: { id: project.id } }));
    expect(await counts()).toEqual(before);
  });

  it('a plan with reports, and a plan with a monthly split', async () => {
    const withReports = await t.db.projectPlan.findFirstOrThrow({
      where: { reports: { some: {} } },
      select: { id: true },
    });
    // the split is older than the reports in the chain, so clear nothing and ask: either key refuses
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "ProjectPlan" WHERE id = ${withReports.id}`)).toMatch(
      /MonthlyReport_planId_fkey|MonthlyPlanItem_planId_fkey/,
    );
    // a plan with no report yet: its monthly split keeps it
    const department = await t.db.department.findFirstOrThrow({ select: { id: true } });
    const year = await t.db.planYear.create({ data: { year: 2032, title: '2032', approvedInvestment: '1' } });
    const project = await t.db.project.create({
      data: {
        code: 'RESTRICT-1',
        name: '只有分月计划',
        departmentId: department.id,
        ownerUnit: '',
        area: '',
        buildType: 'NEW',
        scope: '',
        totalInvestment: '100',
      },
    });
    const splitOnly = await t.db.projectPlan.create({
      data: {
        projectId: project.id,
        planYearId: year.id,
        stage: 'NEW_START',
        investorType: 'DISTRICT',
        direction: 'INFRASTRUCTURE',
        annualPlan: '12',
        monthlyPlan: { create: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '1' })) },
      },
    });
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "ProjectPlan" WHERE id = ${splitOnly.id}`)).toBe(
      'MonthlyPlanItem_planId_fkey',
    );
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "Project" WHERE id = ${project.id}`)).toBe(
      'ProjectPlan_projectId_fkey',
    );
  });

  it('a report with a kept revision', async () => {
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { status: 'APPROVED' },
      select: { id: true, planId: true },
    });
    const reviewer = await t.db.user.findUniqueOrThrow({ where: { username: 'bureau' }, select: { id: true } });
    await t.db.monthlyReportRevision.create({
      data: {
        reportId: report.id,
        revision: 1,
        investedThisMonth: '1.00',
        progressText: '',
        approvedById: reviewer.id,
        approvedAt: new Date(),
      },
    });
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "MonthlyReport" WHERE id = ${report.id}`)).toBe(
      'MonthlyReportRevision_reportId_fkey',
    );
  });

  it('a project with preliminary milestones only', async () => {
    const project = await t.db.project.findFirstOrThrow({ where: { milestones: { some: {} } }, select: { id: true } });
    // even with its plans gone (not possible through the app), the milestones keep it
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM "MonthlyReportRevision" WHERE "reportId" IN (SELECT r.id FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" WHERE pp."projectId" = ${project.id})`;
        await tx.$executeRaw`DELETE FROM "MonthlyReport" WHERE "planId" IN (SELECT id FROM "ProjectPlan" WHERE "projectId" = ${project.id})`;
        await tx.$executeRaw`DELETE FROM "MonthlyPlanItem" WHERE "planId" IN (SELECT id FROM "ProjectPlan" WHERE "projectId" = ${project.id})`;
        await tx.$executeRaw`DELETE FROM "ProjectPlan" WHERE "projectId" = ${project.id}`;
        await tx.$executeRaw`DELETE FROM "Project" WHERE id = ${project.id}`;
      }),
    ).rejects.toThrow(/PreliminaryMilestone_projectId_fkey/);
    expect(await t.db.project.count({ where: { id: project.id } })).toBe(1);
  });

  it('a plan year with its published figures and indicators', async () => {
    const year = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 }, select: { id: true } });
    // the year's plans refuse first; a year with only its published figures refuses too
    await refusedBy(t.db.$executeRaw`DELETE FROM "PlanYear" WHERE id = ${year.id}`);
    const bare = await t.db.planYear.create({
      data: {
        year: 2031,
        title: '2031',
        approvedInvestment: '1',
        figures: { create: { cut: 'TOTAL', key: 'ALL', projectCount: 1 } },
      },
    });
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "PlanYear" WHERE id = ${bare.id}`)).toBe(
      'PlanFigure_planYearId_fkey',
    );
    await t.db.indicator.create({
      data: {
        planYearId: bare.id,
        seq: 1,
        category: 'c',
        name: 'n',
        unit: '%',
        nature: 'EXPECTED',
        previousOutcome: '',
        targetText: '',
        departmentId: (await t.db.department.findFirstOrThrow()).id,
      },
    });
    await t.db.planFigure.deleteMany({ where: { planYearId: bare.id } });
    expect(await refusedBy(t.db.$executeRaw`DELETE FROM "PlanYear" WHERE id = ${bare.id}`)).toBe(
      'Indicator_planYearId_fkey',
    );
  });
});
