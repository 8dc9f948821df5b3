/**
 * The plan rules have one source, lib/domain/plan-invariants.ts: the project form and its action check them, and
 * an imported sheet row is checked by the same function (lib/domain/project-sheet/plan-issues.ts). Each rule
 * below is broken once through a sheet, and the sheet must refuse the row with the issue that rule maps to,
 * on the figures the form's checker names.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectSheet, type CellValue } from '@/lib/domain/project-sheet';
import { checkPlanInvariants, type PlanInvariantInput, type PlanInvariantKey } from '@/lib/domain/plan-invariants';

const HEADER = [
  '项目代码',
  '项目名称',
  '责任单位',
  '项目类别',
  '投资主体',
  '投资方向',
  '总投资',
  '截至上年底累计完成投资',
  '年度计划投资',
];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const DATES = ['计划开工时间', '计划竣工时间'];
const STAGE_LABEL = { COMPLETION: '完工', ONGOING: '续建', NEW_START: '新开工', PRELIMINARY: '前期' } as const;

/** One sheet row and the same plan as the form's checker takes it. */
function plan(overrides: Partial<PlanInvariantInput>): { input: PlanInvariantInput; cells: CellValue[] } {
  const input: PlanInvariantInput = {
    stage: 'ONGOING',
    totalInvestment: '1000.00',
    cumulativeBeforeYear: '100.00',
    annualPlan: '120.00',
    monthly: [...Array.from({ length: 11 }, () => '10.00'), '10.00'],
    plannedStart: '2024-03-01',
    plannedCompletion: '2026-12-31',
    actualStart: null,
    actualCompletion: null,
    ...overrides,
  };
  const cells: CellValue[] = [
    'RULE-1',
    '规则项目',
    '区教委',
    STAGE_LABEL[input.stage],
    '区级',
    '基础设施',
    input.totalInvestment,
    input.cumulativeBeforeYear,
    input.annualPlan ?? '',
    ...input.monthly.map((m) => m ?? ''),
    input.plannedStart ?? '',
    input.plannedCompletion ?? '',
  ];
  return { input, cells };
}

function sheetIssues(cells: CellValue[]) {
  const sheet = parseProjectSheet({ rows: [[...HEADER, ...MONTHS, ...DATES], cells] });
  return {
    rows: sheet.rows.length,
    issues: sheet.issues.map((i) => ({ column: i.column, message: i.message, params: i.params })),
  };
}

const CASES: {
  rule: PlanInvariantKey;
  plan: Partial<PlanInvariantInput>;
  issue: { column: string; message: string; params?: Record<string, string> };
}[] = [
  {
    rule: 'projectPreliminaryHasAnnualPlan',
    plan: { stage: 'PRELIMINARY', monthly: Array.from({ length: 12 }, () => null) },
    issue: { column: '年度计划投资', message: 'preliminaryHasPlan' },
  },
  {
    rule: 'projectPreliminaryHasMonthlyPlan',
    plan: { stage: 'PRELIMINARY', annualPlan: null },
    issue: { column: '年度计划投资', message: 'preliminaryHasPlan' },
  },
  {
    rule: 'projectAnnualPlanRequired',
    plan: { annualPlan: null, monthly: Array.from({ length: 12 }, () => null) },
    issue: { column: '年度计划投资', message: 'annualPlanRequired' },
  },
  {
    rule: 'projectMonthlySplitMismatch',
    plan: { annualPlan: '130.00' },
    issue: { column: '年度计划投资', message: 'monthlyPlanMismatch', params: { sum: '120.00', plan: '130.00' } },
  },
  {
    rule: 'projectAnnualPlanExceedsRemaining',
    plan: { totalInvestment: '200.00' },
    issue: { column: '年度计划投资', message: 'planExceedsTotal', params: { room: '100.00' } },
  },
  {
    rule: 'projectCumulativeExceedsTotal',
    plan: {
      stage: 'PRELIMINARY',
      annualPlan: null,
      monthly: Array.from({ length: 12 }, () => null),
      cumulativeBeforeYear: '1200.00',
    },
    issue: { column: '截至上年底累计完成投资', message: 'cumulativeExceedsTotal' },
  },
  {
    rule: 'projectPlannedDatesOrder',
    plan: { plannedStart: '2026-01-01', plannedCompletion: '2025-12-31' },
    issue: { column: '计划竣工时间', message: 'datesOutOfOrder' },
  },
];

describe('a plan the form accepts', () => {
  it('is read from a sheet with no issue', () => {
    const { input, cells } = plan({});
    expect(checkPlanInvariants(input)).toEqual([]);
    expect(sheetIssues(cells)).toEqual({ rows: 1, issues: [] });
  });
});

describe.each(CASES)('$rule', ({ rule, plan: overrides, issue }) => {
  it('is broken in the form and refused from a sheet, with the same figures', () => {
    const { input, cells } = plan(overrides);
    expect(checkPlanInvariants(input).map((v) => v.key)).toEqual([rule]);
    expect(sheetIssues(cells)).toEqual({ rows: 0, issues: [{ ...issue, params: issue.params }] });
  });
});

describe('every plan rule', () => {
  it('that a sheet can break is covered above (a sheet carries no actual dates)', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    const rules: PlanInvariantKey[] = [
      'projectPreliminaryHasAnnualPlan',
      'projectPreliminaryHasMonthlyPlan',
      'projectAnnualPlanRequired',
      'projectMonthlySplitMismatch',
      'projectAnnualPlanExceedsRemaining',
      'projectCumulativeExceedsTotal',
      'projectPlannedDatesOrder',
      'projectActualDatesOrder',
    ];
    expect(rules.filter((r) => !covered.has(r))).toEqual(['projectActualDatesOrder']);
  });
});

describe('a 前期 row', () => {
  it('may carry a zero in the plan columns, as spreadsheets often do: that is no plan', () => {
    const { cells } = plan({ stage: 'PRELIMINARY', annualPlan: '0', monthly: Array.from({ length: 12 }, () => '0') });
    expect(sheetIssues(cells)).toEqual({ rows: 1, issues: [] });
  });
});
