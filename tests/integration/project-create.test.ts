/**
 * Creating projects, called as the public POST endpoint the action is: the bureau signs in (through the mocked
 * request context) and calls the real createProject against a throwaway seeded database. Every refusal must leave
 * projects, plans, monthly splits and the audit trail untouched. Editing them: project-actions.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { actorOf, signIn } from '../helpers/actors';
import { newProjectForm, projectStoryYears, refusedWithNothingWritten } from '../helpers/project-forms';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/projects');
/** 区住房城乡建委, whose projects the stories create */
let zjwDepartmentId: number;
let activeYearId: number;
let draftYearId: number;
let closedYearId: number;

const msg = (key: keyof typeof zhCN.validation) => zhCN.validation[key];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/projects');
  zjwDepartmentId = (await actorOf(t.db, 'zjw')).departmentId!;
  ({ activeYearId, draftYearId, closedYearId } = await projectStoryYears(t.db));
});

afterAll(async () => t?.drop());

describe('createProject', () => {
  it('creates a project with its plan in a draft year, audited, amounts read exactly', async () => {
    await signIn(t.db, 'admin');
    const input = newProjectForm(zjwDepartmentId, draftYearId);
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
    const input = newProjectForm(zjwDepartmentId, draftYearId, {
      stage: 'PRELIMINARY',
      annualPlan: '',
      monthly: Array(12).fill(''),
    });
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
    const result = await refusedWithNothingWritten(t.db, () =>
      actions.createProject(newProjectForm(zjwDepartmentId, draftYearId, { code: existing.code })),
    );
    expect(result.fieldErrors?.code).toEqual([msg('projectCodeTaken')]);
  });

  it('needs a reason to add a project to the ACTIVE year, and keeps it in the audit rows', async () => {
    await signIn(t.db, 'bureau');
    const refused = await refusedWithNothingWritten(t.db, () =>
      actions.createProject(newProjectForm(zjwDepartmentId, activeYearId)),
    );
    expect(refused.fieldErrors?.reason).toEqual([msg('projectReasonRequired')]);

    const result = await actions.createProject(
      newProjectForm(zjwDepartmentId, activeYearId, { reason: '区政府常务会议增补' }),
    );
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
      const result = await refusedWithNothingWritten(t.db, () =>
        actions.createProject(newProjectForm(zjwDepartmentId, draftYearId, change)),
      );
      expect(result.fieldErrors?.[field], key).toEqual([msg(key)]);
    }
    const closed = await refusedWithNothingWritten(t.db, () =>
      actions.createProject(newProjectForm(zjwDepartmentId, closedYearId, { reason: '补录' })),
    );
    expect(closed.code).toBe('CONFLICT');
  });
});
