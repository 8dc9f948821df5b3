/**
 * Creating and editing projects, called as the public POST endpoints the actions are: the bureau signs in
 * (through the mocked request context) and calls the real createProject/updateProject against a throwaway
 * seeded database. Every refusal must leave projects, plans, monthly splits and the audit trail untouched.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { actorOf, signIn } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

type Actions = typeof import('@/lib/actions/projects');

let t: TestDatabase;
let actions: Actions;
/** 区住房城乡建委, whose projects the stories create */
let zjwDepartmentId: number;
let activeYearId: number;
let draftYearId: number;
let closedYearId: number;

/** Projects, plans, splits and the trail: what a refused call must leave exactly as it was. */
const fingerprint = () => digestOf(t.db, ['Project', 'ProjectPlan', 'MonthlyPlanItem', 'AuditLog']);

const used = new Set<number>();

/** A 2025 construction project not used by an earlier test, as the edit form would send it. */
async function editableProject() {
  const plan = await t.db.projectPlan.findFirstOrThrow({
    where: { planYearId: activeYearId, stage: { not: 'PRELIMINARY' }, projectId: { notIn: [...used] } },
    include: { project: true, monthlyPlan: { orderBy: { month: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  used.add(plan.projectId);
  const p = plan.project;
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
  return {
    planId: plan.id,
    input: {
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
      planYearId: activeYearId,
      stage: plan.stage as string,
      investorType: plan.investorType as string,
      direction: plan.direction as string,
      cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
      annualPlan: plan.annualPlan?.toFixed(2) ?? '',
      monthly: plan.monthlyPlan.map((m) => m.amount.toFixed(2)) as (string | null)[],
      milestoneTarget: plan.milestoneTarget ?? '',
      reason: '',
      planVersion: plan.version as number | null,
    },
  };
}

let seq = 0;
/** A new project's form, valid, for the given year. */
function newProject(planYearId: number, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    code: `TEST-${seq}`,
    name: `测试新建项目${seq}`,
    departmentId: zjwDepartmentId,
    ownerUnit: '渝中区城市建设投资公司',
    area: '解放碑',
    buildType: 'NEW',
    scope: '道路改造 1.2公里',
    totalInvestment: '２０，０００',
    plannedStart: '2025-03-01',
    plannedCompletion: '2026-06-30',
    actualStart: '',
    actualCompletion: '',
    leaderInCharge: '',
    contactName: '张三',
    contactPhone: '023-63800000',
    planYearId,
    stage: 'NEW_START',
    investorType: 'DISTRICT',
    direction: 'INFRASTRUCTURE',
    cumulativeBeforeYear: '0',
    annualPlan: '1,200',
    monthly: Array<string>(12).fill('100'),
    milestoneTarget: '开工建设',
    reason: '',
    ...overrides,
  };
}

/** Calls the action and proves it was refused with nothing written; returns the refusal. */
async function refusedWithNothingWritten(call: () => Promise<Awaited<ReturnType<Actions['updateProject']>>>) {
  const before = await fingerprint();
  const result = await call();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(await fingerprint()).toBe(before);
  if (result.ok) throw new Error('unreachable');
  return result;
}

const msg = (key: keyof typeof zhCN.validation) => zhCN.validation[key];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/projects');
  zjwDepartmentId = (await actorOf(t.db, 'zjw')).departmentId!;
  const active = await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'ACTIVE' } });
  activeYearId = active.id;
  draftYearId = (
    await t.db.planYear.create({
      data: { year: 2026, title: '2026年计划（编制中）', approvedInvestment: '1000000', status: 'DRAFT' },
    })
  ).id;
  closedYearId = (
    await t.db.planYear.create({
      data: { year: 2019, title: '2019年计划', approvedInvestment: '1000000', status: 'CLOSED' },
    })
  ).id;
});

afterAll(async () => t?.drop());

describe('updateProject', () => {
  it('saves a change of attributes without a reason and audits only the changed fields', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const result = await actions.updateProject({ ...input, contactName: '李四', plannedCompletion: '2027-12-31' });
    expect(result).toMatchObject({ ok: true, data: { id: input.id, year: 2025, planChanged: false, changed: true } });

    const audit = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({
      action: 'project.update',
      entity: 'Project',
      entityId: String(input.id),
      actor: 'bureau',
      reason: null,
    });
    expect(audit.after).toEqual({ contactName: '李四', plannedCompletion: '2027-12-31' });
    expect(Object.keys(audit.before as object).sort()).toEqual(['contactName', 'plannedCompletion']);
    const row = await t.db.project.findUniqueOrThrow({ where: { id: input.id } });
    expect(row.contactName).toBe('李四');
  });

  it('asks for a reason before changing the plan of an ACTIVE year, and writes nothing without one', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const changed = { ...input, milestoneTarget: '主体结构封顶' };
    const result = await refusedWithNothingWritten(() => actions.updateProject(changed));
    expect(result.code).toBe('VALIDATION');
    expect(result.fieldErrors?.reason).toEqual([msg('projectReasonRequired')]);
  });

  it('changes the plan with the reason, which the audit row keeps', async () => {
    await signIn(t.db, 'bureau');
    const { input, planId } = await editableProject();
    const annual = input.annualPlan;
    // move one month's amount into the next: the split still adds up to the same annual plan
    const monthly = [...input.monthly];
    monthly[1] = new Decimal(monthly[1]!).plus(monthly[0]!).toFixed(2);
    monthly[0] = '0.00';
    const result = await actions.updateProject({ ...input, monthly, reason: '征地拆迁推迟，一月计划移至二月' });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { planChanged: true } });

    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { entity: 'ProjectPlan', entityId: String(planId) },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({ action: 'project.update', reason: '征地拆迁推迟，一月计划移至二月' });
    expect((audit.after as { monthlyPlan: string[] }).monthlyPlan.slice(0, 2)).toEqual(monthly.slice(0, 2));
    const plan = await t.db.projectPlan.findUniqueOrThrow({
      where: { id: planId },
      include: { monthlyPlan: { orderBy: { month: 'asc' } } },
    });
    expect(plan.annualPlan?.toFixed(2)).toBe(annual);
    expect(plan.monthlyPlan.map((m) => m.amount.toFixed(2))).toEqual(monthly);
    expect(plan.version).toBe(2);
  });

  it('refuses each invariant on its field, writing nothing', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const reason = '测试';
    const cases: [Record<string, unknown>, string, keyof typeof zhCN.validation][] = [
      [{ stage: 'PRELIMINARY', monthly: Array(12).fill('') }, 'annualPlan', 'projectPreliminaryHasAnnualPlan'],
      [{ stage: 'PRELIMINARY', annualPlan: '' }, 'monthly', 'projectPreliminaryHasMonthlyPlan'],
      [{ monthly: [...input.monthly.slice(0, 11), '999999.99'] }, 'monthly', 'projectMonthlySplitMismatch'],
      [{ totalInvestment: input.cumulativeBeforeYear }, 'annualPlan', 'projectAnnualPlanExceedsRemaining'],
      [
        { plannedStart: '2025-06-02', plannedCompletion: '2025-06-01' },
        'plannedCompletion',
        'projectPlannedDatesOrder',
      ],
      [{ actualStart: '2025-06-02', actualCompletion: '2025-06-01' }, 'actualCompletion', 'projectActualDatesOrder'],
    ];
    for (const [change, field, key] of cases) {
      const result = await refusedWithNothingWritten(() => actions.updateProject({ ...input, ...change, reason }));
      expect(result.code, key).toBe('VALIDATION');
      expect(result.fieldErrors?.[field], key).toEqual([msg(key)]);
    }
  });

  it('refuses a code another project has, as a field error', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const other = await t.db.project.findFirstOrThrow({ where: { id: { not: input.id } }, orderBy: { id: 'desc' } });
    const result = await refusedWithNothingWritten(() => actions.updateProject({ ...input, code: other.code }));
    expect(result.fieldErrors?.code).toEqual([msg('projectCodeTaken')]);
  });

  it('refuses a change to the plan of a closed year', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    // the project has no 2019 plan, so the form read none
    const result = await refusedWithNothingWritten(() =>
      actions.updateProject({ ...input, planYearId: closedYearId, planVersion: null, reason: '补录' }),
    );
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toContain('2019年度已关闭');
  });

  it('refuses a form filled before another save, whichever fields either changed, and writes nothing', async () => {
    await signIn(t.db, 'bureau');
    const { input, planId } = await editableProject();
    const read = input.planVersion!;
    // the first of two forms opened together saves a change of the project's own fields: the plan's version moves
    const first = await actions.updateProject({ ...input, contactName: '王五' });
    expect(first, JSON.stringify(first)).toMatchObject({
      ok: true,
      data: { planChanged: false, planVersion: read + 1 },
    });
    expect((await t.db.projectPlan.findUniqueOrThrow({ where: { id: planId } })).version).toBe(read + 1);

    // the second form still names the version it read: refused, for a plan change and an attribute change alike
    for (const change of [{ milestoneTarget: '竣工验收', reason: '进度调整' }, { leaderInCharge: '赵六' }]) {
      const stale = await refusedWithNothingWritten(() => actions.updateProject({ ...input, ...change }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe(msg('projectVersionConflict'));
    }
    expect((await t.db.project.findUniqueOrThrow({ where: { id: input.id } })).contactName).toBe('王五');

    // the first form names the version its save answered with, and saves again
    const again = await actions.updateProject({
      ...input,
      contactName: '王五',
      milestoneTarget: '竣工验收',
      reason: '进度调整',
      planVersion: first.ok ? first.data.planVersion : null,
    });
    expect(again, JSON.stringify(again)).toMatchObject({
      ok: true,
      data: { planChanged: true, planVersion: read + 2 },
    });
  });

  it('refuses a form that read no plan for the year once someone has added one', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const result = await refusedWithNothingWritten(() => actions.updateProject({ ...input, planVersion: null }));
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toBe(msg('projectVersionConflict'));
  });

  it('answers in English for an English user', async () => {
    const { input } = await editableProject();
    await signIn(t.db, 'bureau', { locale: 'en' });
    const result = await refusedWithNothingWritten(() =>
      actions.updateProject({ ...input, planVersion: input.planVersion! + 1 }),
    );
    expect(result.message).toBe(en.validation.projectVersionConflict);
  });

  it('refuses a department user and a leader, and answers a missing project as not found', async () => {
    const { input } = await editableProject();
    for (const user of ['zjw', 'leader'] as const) {
      await signIn(t.db, user);
      const result = await refusedWithNothingWritten(() => actions.updateProject({ ...input, contactName: '越权' }));
      expect(result.code).toBe('FORBIDDEN');
    }
    await signIn(t.db, 'bureau');
    const missing = await refusedWithNothingWritten(() => actions.updateProject({ ...input, id: 99_999_999 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('createProject', () => {
  it('creates a project with its plan in a draft year, audited, amounts read exactly', async () => {
    await signIn(t.db, 'admin');
    const input = newProject(draftYearId);
    const result = await actions.createProject(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { code: input.code, year: 2026 } });
    if (!result.ok) return;

    const project = await t.db.project.findUniqueOrThrow({
      where: { id: result.data.id },
      include: { plans: { include: { monthlyPlan: true } } },
    });
    expect(project.totalInvestment.toFixed(2)).toBe('20000.00');
    expect(project.plans).toHaveLength(1);
    expect(project.plans[0]!.annualPlan?.toFixed(2)).toBe('1200.00');
    expect(project.plans[0]!.monthlyPlan).toHaveLength(12);

    const audits = await t.db.auditLog.findMany({ where: { action: 'project.create' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.entity)).toEqual(['Project', 'ProjectPlan']);
    expect(audits[0]).toMatchObject({ entityId: String(result.data.id), before: null, actor: 'admin' });
    expect(audits[0]!.after).toMatchObject({ code: input.code, totalInvestment: '20000.00' });
    expect(audits[1]!.after).toMatchObject({ year: 2026, annualPlan: '1200.00', stage: 'NEW_START' });
  });

  it('creates a 前期 project with no plan amounts and no split', async () => {
    await signIn(t.db, 'bureau');
    const input = newProject(draftYearId, { stage: 'PRELIMINARY', annualPlan: '', monthly: Array(12).fill('') });
    const result = await actions.createProject(input);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    if (!result.ok) return;
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { projectId: result.data.id },
      include: { monthlyPlan: true },
    });
    expect(plan.annualPlan).toBeNull();
    expect(plan.monthlyPlan).toEqual([]);
  });

  it('refuses an existing code, writing nothing', async () => {
    await signIn(t.db, 'bureau');
    const existing = await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const result = await refusedWithNothingWritten(() =>
      actions.createProject(newProject(draftYearId, { code: existing.code })),
    );
    expect(result.fieldErrors?.code).toEqual([msg('projectCodeTaken')]);
  });

  it('needs a reason to add a project to the ACTIVE year, and keeps it in the audit rows', async () => {
    await signIn(t.db, 'bureau');
    const refused = await refusedWithNothingWritten(() => actions.createProject(newProject(activeYearId)));
    expect(refused.fieldErrors?.reason).toEqual([msg('projectReasonRequired')]);

    const result = await actions.createProject(newProject(activeYearId, { reason: '区政府常务会议增补' }));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const audits = await t.db.auditLog.findMany({
      where: { action: 'project.create' },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(audits.map((a) => a.reason)).toEqual(['区政府常务会议增补', '区政府常务会议增补']);
  });

  it('refuses each invariant and a closed year, writing nothing', async () => {
    await signIn(t.db, 'bureau');
    const cases: [Record<string, unknown>, string, keyof typeof zhCN.validation][] = [
      [{ stage: 'PRELIMINARY', monthly: Array(12).fill('') }, 'annualPlan', 'projectPreliminaryHasAnnualPlan'],
      [{ monthly: Array(12).fill('99') }, 'monthly', 'projectMonthlySplitMismatch'],
      [{ totalInvestment: '1,000' }, 'annualPlan', 'projectAnnualPlanExceedsRemaining'],
      [
        { plannedStart: '2026-01-02', plannedCompletion: '2026-01-01' },
        'plannedCompletion',
        'projectPlannedDatesOrder',
      ],
      [{ actualStart: '2026-01-02', actualCompletion: '2026-01-01' }, 'actualCompletion', 'projectActualDatesOrder'],
    ];
    for (const [change, field, key] of cases) {
      const result = await refusedWithNothingWritten(() => actions.createProject(newProject(draftYearId, change)));
      expect(result.fieldErrors?.[field], key).toEqual([msg(key)]);
    }
    const closed = await refusedWithNothingWritten(() =>
      actions.createProject(newProject(closedYearId, { reason: '补录' })),
    );
    expect(closed.code).toBe('CONFLICT');
  });
});
