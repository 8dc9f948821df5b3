/**
 * Issue 12, item 8: the import keeps the two rules the project form keeps. Changing the plans of an ACTIVE year
 * needs a reason (which goes to the audit rows); and a commit names what its check saw, so that a project changed
 * in between (by the form, another import) is refused instead of silently overwritten, while an import's own
 * change moves the plan version that open forms hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTION_LABELS, INVESTOR_LABELS, STAGE_LABELS } from '@/lib/domain/project-sheet/columns';
import { signIn } from '../helpers/actors';
import { projectDigest } from '../helpers/project-forms';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let imports: typeof import('@/lib/actions/project-import');
let projects: typeof import('@/lib/actions/projects');
let y2025: number;

/** What a refused call must leave as it was. */
const fingerprint = () => projectDigest(t.db);

const HEADER = '项目代码,项目名称,责任单位,项目类别,投资主体,投资方向,总投资,年度计划投资';

/** The CSV line of a stored 2025 project, with its name changed (a project field only). */
async function lineOf(projectId: number, name: string) {
  const p = await t.db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { department: true, plans: { where: { planYearId: y2025 } } },
  });
  const plan = p.plans[0]!;
  return [
    p.code,
    name,
    p.department.name,
    STAGE_LABELS[plan.stage],
    INVESTOR_LABELS[plan.investorType],
    DIRECTION_LABELS[plan.direction],
    p.totalInvestment.toFixed(2),
    plan.annualPlan?.toFixed(2) ?? '',
  ].join(',');
}

const newLine = (code: string) => `${code},导入新项目${code},区教委,前期,区级,公共服务设施,800,`;
const csv = (...lines: string[]) => new File([[HEADER, ...lines].join('\n')], 'plan.csv');

async function check(file: File, year = 2025) {
  const dry = await imports.importProjectsDryRun({ year, file });
  if (!dry.ok) throw new Error(dry.message);
  return dry.data;
}

let ongoing: number[];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  imports = await import('@/lib/actions/project-import');
  projects = await import('@/lib/actions/projects');
  y2025 = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id;
  ongoing = (
    await t.db.projectPlan.findMany({ where: { planYearId: y2025, stage: 'ONGOING' }, orderBy: { id: 'asc' }, take: 3 })
  ).map((p) => p.projectId);
  await signIn(t.db, 'bureau');
});

afterAll(async () => t?.drop());

describe('a reason for changing the plans of an ACTIVE year', () => {
  it('is asked for by the check and required by the commit; the audit rows keep it', async () => {
    const file = csv(newLine('REASON-1'));
    const checked = await check(file);
    expect(checked).toMatchObject({ create: 1, reasonRequired: true });
    const before = await fingerprint();
    const versions = JSON.stringify(checked.versions);
    const refused = await imports.importProjectsCommit({ year: 2025, file, versions });
    expect(refused).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { reason: ['该年度计划已在执行中，修改计划须填写调整原因'] },
    });
    expect(await fingerprint()).toBe(before);

    const done = await imports.importProjectsCommit({
      year: 2025,
      file,
      versions,
      reason: '区政府第12次常务会议增补项目',
    });
    expect(done).toMatchObject({ ok: true, data: { committed: true, create: 1 } });
    const rows = await t.db.auditLog.findMany({
      where: { action: 'project.import' },
      select: { entity: true, reason: true },
    });
    expect(rows).toEqual([
      { entity: 'PlanYear', reason: '区政府第12次常务会议增补项目' },
      { entity: 'Project', reason: '区政府第12次常务会议增补项目' },
    ]);
  });

  it('is not needed for a DRAFT year, nor for a change of a project field only', async () => {
    await t.db.planYear.create({ data: { year: 2027, title: '2027', approvedInvestment: '1' } });
    expect(await check(csv(newLine('DRAFT-1')), 2027)).toMatchObject({ create: 1, reasonRequired: false });
    expect(await check(csv(await lineOf(ongoing[0]!, '只改项目名称')))).toMatchObject({
      update: 1,
      reasonRequired: false,
    });
  });
});

describe('the plan version', () => {
  it('refuses a commit whose projects changed since the check, naming the rows, and writes nothing', async () => {
    const file = csv(await lineOf(ongoing[1]!, '导入改名'), newLine('LATE-1'));
    const checked = await check(file);
    // meanwhile: the form renames the first project, and someone creates the second
    const form = await t.db.project.findUniqueOrThrow({ where: { id: ongoing[1]! } });
    await t.db.project.update({ where: { id: form.id }, data: { name: '表单改名' } });
    await t.db.projectPlan.update({
      where: { projectId_planYearId: { projectId: form.id, planYearId: y2025 } },
      data: { version: { increment: 1 } },
    });
    await imports.importProjectsCommit({
      year: 2025,
      file: csv(newLine('LATE-1')),
      versions: JSON.stringify((await check(csv(newLine('LATE-1')))).versions),
      reason: '先建',
    });
    const before = await fingerprint();
    const result = await imports.importProjectsCommit({
      year: 2025,
      file,
      versions: JSON.stringify(checked.versions),
      reason: '调整',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/有 2 个项目已被他人修改（第 2, 3 行等）/),
    });
    expect(await fingerprint()).toBe(before);
    expect((await t.db.project.findUniqueOrThrow({ where: { id: form.id } })).name).toBe('表单改名');
  });

  it('refuses a commit that names no check', async () => {
    const result = await imports.importProjectsCommit({ year: 2025, file: csv(newLine('BLIND-1')), reason: '未检查' });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: '请先检查文件，再确认导入' });
    expect(await t.db.project.count({ where: { code: 'BLIND-1' } })).toBe(0);
  });

  it('moves when the import changes a project field only, so a form filled before is refused', async () => {
    const id = ongoing[2]!;
    const plan = await t.db.projectPlan.findUniqueOrThrow({
      where: { projectId_planYearId: { projectId: id, planYearId: y2025 } },
    });
    const file = csv(await lineOf(id, '导入只改名称'));
    const checked = await check(file);
    expect(
      await imports.importProjectsCommit({ year: 2025, file, versions: JSON.stringify(checked.versions) }),
    ).toMatchObject({ ok: true, data: { update: 1 } });
    const after = await t.db.projectPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(after.version).toBe(plan.version + 1);

    // the edit form opened before the import still holds the old version
    const p = await t.db.project.findUniqueOrThrow({
      where: { id },
      include: { plans: { where: { id: plan.id }, include: { monthlyPlan: { orderBy: { month: 'asc' } } } } },
    });
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
    const stale = await projects.updateProject({
      id,
      code: p.code,
      name: '表单覆盖',
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
      planYearId: y2025,
      stage: plan.stage,
      investorType: plan.investorType,
      direction: plan.direction,
      cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
      annualPlan: plan.annualPlan?.toFixed(2) ?? '',
      monthly: p.plans[0]!.monthlyPlan.map((m) => m.amount.toFixed(2)),
      milestoneTarget: plan.milestoneTarget ?? '',
      reason: '',
      planVersion: plan.version,
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await t.db.project.findUniqueOrThrow({ where: { id } })).name).toBe('导入只改名称');
  });
});
