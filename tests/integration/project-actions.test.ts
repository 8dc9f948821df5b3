/**
 * Editing projects, called as the public POST endpoint the action is: the bureau signs in (through the mocked
 * request context) and calls the real updateProject against a throwaway seeded database. Every refusal must leave
 * projects, plans, monthly splits and the audit trail untouched. Creating projects: project-create.test.ts.
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { signIn } from '../helpers/actors';
import { projectEditForm, projectStoryYears, refusedWithNothingWritten } from '../helpers/project-forms';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/projects');
let activeYearId: number;
let closedYearId: number;

const used = new Set<number>();

/** A 2025 construction project not used by an earlier test, as the edit form would send it. */
async function editableProject() {
  const plan = await t.db.projectPlan.findFirstOrThrow({
    where: { planYearId: activeYearId, stage: { not: 'PRELIMINARY' }, projectId: { notIn: [...used] } },
    include: { project: true, monthlyPlan: { orderBy: { month: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  used.add(plan.projectId);
  return { planId: plan.id, input: projectEditForm(plan) };
}

const msg = (key: keyof typeof zhCN.validation) => zhCN.validation[key];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/projects');
  ({ activeYearId, closedYearId } = await projectStoryYears(t.db));
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
    const result = await refusedWithNothingWritten(t.db, () => actions.updateProject(changed));
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
      const result = await refusedWithNothingWritten(t.db, () =>
        actions.updateProject({ ...input, ...change, reason }),
      );
      expect(result.code, key).toBe('VALIDATION');
      expect(result.fieldErrors?.[field], key).toEqual([msg(key)]);
    }
  });

  it('refuses a code another project has, as a field error', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    const other = await t.db.project.findFirstOrThrow({ where: { id: { not: input.id } }, orderBy: { id: 'desc' } });
    const result = await refusedWithNothingWritten(t.db, () => actions.updateProject({ ...input, code: other.code }));
    expect(result.fieldErrors?.code).toEqual([msg('projectCodeTaken')]);
  });

  it('refuses a change to the plan of a closed year', async () => {
    await signIn(t.db, 'bureau');
    const { input } = await editableProject();
    // the project has no 2019 plan, so the form read none
    const result = await refusedWithNothingWritten(t.db, () =>
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
      const stale = await refusedWithNothingWritten(t.db, () => actions.updateProject({ ...input, ...change }));
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
    const result = await refusedWithNothingWritten(t.db, () => actions.updateProject({ ...input, planVersion: null }));
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toBe(msg('projectVersionConflict'));
  });

  it('answers in English for an English user', async () => {
    const { input } = await editableProject();
    await signIn(t.db, 'bureau', { locale: 'en' });
    const result = await refusedWithNothingWritten(t.db, () =>
      actions.updateProject({ ...input, planVersion: input.planVersion! + 1 }),
    );
    expect(result.message).toBe(en.validation.projectVersionConflict);
  });

  it('refuses a department user and a leader, and answers a missing project as not found', async () => {
    const { input } = await editableProject();
    for (const user of ['zjw', 'leader'] as const) {
      await signIn(t.db, user);
      const result = await refusedWithNothingWritten(t.db, () =>
        actions.updateProject({ ...input, contactName: '越权' }),
      );
      expect(result.code).toBe('FORBIDDEN');
    }
    await signIn(t.db, 'bureau');
    const missing = await refusedWithNothingWritten(t.db, () => actions.updateProject({ ...input, id: 99_999_999 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
