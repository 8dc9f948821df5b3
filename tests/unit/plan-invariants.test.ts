import { describe, expect, it } from 'vitest';
import { checkPlanInvariants, type PlanInvariantInput } from '@/lib/domain/plan-invariants';
import { ZCreateProject } from '@/lib/validations/project';

const months = (amounts: (string | null)[]) => [...amounts, ...Array<string | null>(12 - amounts.length).fill(null)];
const even = (each: string) => Array<string>(12).fill(each);

function plan(overrides: Partial<PlanInvariantInput> = {}): PlanInvariantInput {
  return {
    stage: 'ONGOING',
    totalInvestment: '10000.00',
    cumulativeBeforeYear: '4000.00',
    annualPlan: '1200.00',
    monthly: even('100.00'),
    plannedStart: '2024-03-01',
    plannedCompletion: '2026-12-31',
    actualStart: null,
    actualCompletion: null,
    ...overrides,
  };
}
const keys = (input: PlanInvariantInput) => checkPlanInvariants(input).map((v) => `${v.field}:${v.key}`);

describe('a plan that keeps every rule', () => {
  it('passes', () => expect(checkPlanInvariants(plan())).toEqual([]));
});

describe('前期 projects carry no annual plan', () => {
  it('refuses an annual plan, even zero', () => {
    expect(keys(plan({ stage: 'PRELIMINARY', monthly: months([]), annualPlan: '0.00' }))).toEqual([
      'annualPlan:projectPreliminaryHasAnnualPlan',
    ]);
    expect(keys(plan({ stage: 'PRELIMINARY', monthly: months([]), annualPlan: '0.01' }))).toEqual([
      'annualPlan:projectPreliminaryHasAnnualPlan',
    ]);
  });
  it('refuses a monthly split', () => {
    expect(keys(plan({ stage: 'PRELIMINARY', annualPlan: null, monthly: months([null, '0.01']) }))).toEqual([
      'monthly:projectPreliminaryHasMonthlyPlan',
    ]);
  });
  it('accepts none, and months left empty or zero', () => {
    expect(keys(plan({ stage: 'PRELIMINARY', annualPlan: null, monthly: months([]) }))).toEqual([]);
    expect(keys(plan({ stage: 'PRELIMINARY', annualPlan: null, monthly: even('0.00') }))).toEqual([]);
  });
  it('requires an annual plan of every construction stage', () => {
    for (const stage of ['COMPLETION', 'ONGOING', 'NEW_START'] as const) {
      expect(keys(plan({ stage, annualPlan: null, monthly: months([]) }))).toEqual([
        'annualPlan:projectAnnualPlanRequired',
      ]);
    }
  });
});

describe('the monthly split sums exactly to the annual plan', () => {
  it('accepts an exact sum, with empty months as nothing', () => {
    expect(keys(plan({ annualPlan: '1200.00', monthly: months(['1200.00']) }))).toEqual([]);
  });
  it('refuses a cent over and a cent under, and reports the difference', () => {
    const over = checkPlanInvariants(plan({ monthly: [...even('100.00').slice(0, 11), '100.01'] }));
    expect(over).toEqual([
      {
        field: 'monthly',
        key: 'projectMonthlySplitMismatch',
        params: { sum: '1200.01', annualPlan: '1200.00', difference: '0.01' },
      },
    ]);
    const under = checkPlanInvariants(plan({ monthly: [...even('100.00').slice(0, 11), '99.99'] }));
    expect(under[0]?.params.difference).toBe('-0.01');
  });
  it('adds exactly where floats would not (0.1 + 0.2)', () => {
    expect(
      keys(
        plan({
          annualPlan: '0.30',
          totalInvestment: '1.00',
          cumulativeBeforeYear: '0.00',
          monthly: months(['0.10', '0.20']),
        }),
      ),
    ).toEqual([]);
  });
});

describe('the annual plan fits in what is left to invest', () => {
  it('accepts exactly the remainder and refuses a cent more', () => {
    const atLimit = plan({ totalInvestment: '5200.00', cumulativeBeforeYear: '4000.00', annualPlan: '1200.00' });
    expect(keys(atLimit)).toEqual([]);
    const over = checkPlanInvariants({ ...atLimit, totalInvestment: '5199.99' });
    expect(over).toEqual([
      { field: 'annualPlan', key: 'projectAnnualPlanExceedsRemaining', params: { remaining: '1199.99' } },
    ]);
  });
  it('refuses a cumulative investment above the total', () => {
    expect(
      keys(
        plan({
          stage: 'PRELIMINARY',
          annualPlan: null,
          monthly: months([]),
          totalInvestment: '100.00',
          cumulativeBeforeYear: '100.01',
        }),
      ),
    ).toEqual(['cumulativeBeforeYear:projectCumulativeExceedsTotal']);
  });
});

describe('dates are in order', () => {
  it('accepts the same day and refuses a day earlier (planned)', () => {
    expect(keys(plan({ plannedStart: '2025-03-01', plannedCompletion: '2025-03-01' }))).toEqual([]);
    expect(keys(plan({ plannedStart: '2025-03-01', plannedCompletion: '2025-02-28' }))).toEqual([
      'plannedCompletion:projectPlannedDatesOrder',
    ]);
  });
  it('accepts the same day and refuses a day earlier (actual)', () => {
    expect(keys(plan({ actualStart: '2025-01-01', actualCompletion: '2025-01-01' }))).toEqual([]);
    expect(keys(plan({ actualStart: '2025-01-01', actualCompletion: '2024-12-31' }))).toEqual([
      'actualCompletion:projectActualDatesOrder',
    ]);
  });
  it('does not compare a date that is not known yet', () => {
    expect(
      keys(
        plan({
          plannedStart: null,
          plannedCompletion: '2020-01-01',
          actualStart: '2025-01-01',
          actualCompletion: null,
        }),
      ),
    ).toEqual([]);
  });
});

describe('the shared schema', () => {
  const input = {
    code: 'YZ-2025-999',
    name: '测试项目',
    departmentId: '3',
    ownerUnit: '渝中区城投',
    area: '解放碑',
    buildType: 'NEW',
    scope: '',
    totalInvestment: '１０,０００',
    plannedStart: '2025-01-01',
    plannedCompletion: '2025-12-31',
    actualStart: '',
    actualCompletion: '',
    leaderInCharge: '',
    contactName: '',
    contactPhone: '',
    planYearId: '1',
    stage: 'NEW_START',
    investorType: 'DISTRICT',
    direction: 'INFRASTRUCTURE',
    cumulativeBeforeYear: '0',
    annualPlan: '1,200',
    monthly: even('100'),
    milestoneTarget: '',
    reason: '',
  };
  it('reads full-width digits and thousands separators exactly', () => {
    const parsed = ZCreateProject.parse(input);
    expect(parsed).toMatchObject({
      totalInvestment: '10000.00',
      annualPlan: '1200.00',
      departmentId: 3,
      actualStart: null,
      reason: null,
    });
    expect(parsed.monthly).toEqual(even('100.00'));
  });
  it('puts each invariant on its field', () => {
    const result = ZCreateProject.safeParse({ ...input, monthly: months(['1199']).map((m) => m ?? '') });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual([
      'monthly:projectMonthlySplitMismatch',
    ]);
  });
  it('refuses an impossible date and a third decimal', () => {
    const result = ZCreateProject.safeParse({ ...input, plannedStart: '2025-02-30', totalInvestment: '1.005' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'plannedStart:projectDateInvalid',
      'totalInvestment:projectMoneyTooManyDecimals',
    ]);
  });
});
