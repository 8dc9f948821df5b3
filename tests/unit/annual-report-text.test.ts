/**
 * The annual report's sentences and tables (lib/domain/annual-report): the published 2025 plan gives back the plan
 * report's own 重点项目安排 paragraph, character for character; the execution figures are printed in 亿元 to 0.1 and
 * rates to 0.1% (half up), the annexes in the report's layout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { annualReportDocument, outcomeText } from '@/lib/domain/annual-report/document';
import type { AnnualIndicator, AnnualReportFigures, NextYearPlanFigures } from '@/lib/domain/annual-report/figures';
import {
  executionStagesSentence,
  executionTotalsSentence,
  indicatorsSentence,
  nextYearPlanParagraph,
  nextYearPlanPlaceholder,
  problemsSentence,
} from '@/lib/domain/annual-report/text';
import { PLAN_2025 } from '@/lib/domain/plan-2025';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../prisma/seed/source/plan-report-2025.txt'), 'utf8');

/** The 2025 plan as published (lib/domain/plan-2025.ts), as the next year's plan figures. */
const PLAN_2025_FIGURES: NextYearPlanFigures = {
  projectCount: PLAN_2025.projectCount,
  construction: { count: PLAN_2025.constructionProjectCount, annualPlan: PLAN_2025.approvedInvestment },
  stages: (Object.entries(PLAN_2025.stages) as [Stage, { projectCount: number; amount: string | null }][]).map(
    ([stage, g]) => ({ stage, projectCount: g.projectCount, annualPlan: g.amount ?? '0.00' }),
  ),
  investors: (Object.entries(PLAN_2025.investors) as [InvestorType, { projectCount: number; amount: string }][]).map(
    ([key, g]) => ({ key, projectCount: g.projectCount, annualPlan: g.amount }),
  ),
  // the report gives no counts by direction, and the sentence prints none
  directions: (Object.entries(PLAN_2025.directions) as [Direction, { amount: string }][]).map(([key, g]) => ({
    key,
    projectCount: 0,
    annualPlan: g.amount,
  })),
};

const EXECUTION: AnnualReportFigures['execution'] = {
  projectCount: 421,
  construction: { count: 266, annualPlan: '2478000.00', completed: '2512345.67' },
  stages: [
    { stage: 'NEW_START', projectCount: 126, annualPlan: '1614000.00', completed: '1650000.00' },
    { stage: 'PRELIMINARY', projectCount: 155, annualPlan: '0.00', completed: '0.00' },
    { stage: 'COMPLETION', projectCount: 86, annualPlan: '280000.00', completed: '271049.99' },
    { stage: 'ONGOING', projectCount: 54, annualPlan: '584000.00', completed: '591295.68' },
  ],
  starts: { planned: 126, started: 120 },
  completions: { planned: 86, completed: 80 },
  readyToStart: 12,
};

function indicator(seq: number, status: AnnualIndicator['status'], extra: Partial<AnnualIndicator> = {}) {
  return {
    seq,
    category: seq <= 2 ? '推动高质量发展' : '创造高品质生活',
    name: `指标${seq}`,
    unit: '%',
    nature: 'EXPECTED',
    targetText: '6左右',
    outcome: { value: '6.1', period: 1, periodsPerYear: 1 },
    status,
    ...extra,
  } satisfies AnnualIndicator;
}

describe('section 二(三) 重点项目安排', () => {
  it('the published 2025 plan gives back the plan report’s paragraph exactly', () => {
    const published = REPORT.split(/\r?\n/).find((l) => l.startsWith('2025年全区共计划安排项目'));
    expect(published).toBeDefined();
    expect(nextYearPlanParagraph(2025, PLAN_2025_FIGURES)).toBe(published!.trim());
  });

  it('prints a whole 亿元 and a whole share without ".0" (约28亿元, 占比27%), others to 0.1', () => {
    const text = nextYearPlanParagraph(2025, PLAN_2025_FIGURES);
    expect(text).toContain('完工项目86个，年度计划投资约28亿元');
    expect(text).toContain('占比27%；');
    expect(text).toContain('年度计划投资约247.8亿元');
  });

  it('without the next year’s plan the paragraph is a marked placeholder naming the year', () => {
    expect(nextYearPlanPlaceholder(2026)).toMatch(/^【待补充：2026年重点项目计划尚未录入/);
  });
});

describe('the year’s execution', () => {
  it('totals: counts by stage in the report’s order, plan and completed in 亿元, % of plan to 0.1', () => {
    expect(executionTotalsSentence(2025, EXECUTION)).toBe(
      '2025年，全区共安排重点项目421个，包含完工项目86个、续建项目54个、新开工项目126个、前期项目155个，' +
        '建设项目年度计划投资247.8亿元，全年累计完成投资251.2亿元，占年度计划的101.4%。',
    );
  });

  it('by stage: 竣工率 and 开工率 to 0.1% half up, 前期 with the projects ready to start', () => {
    expect(executionStagesSentence(EXECUTION)).toBe(
      '分类看，完工项目86个，完成投资27.1亿元，占年度计划的96.8%，已竣工80个，竣工率93.0%；' +
        '续建项目54个，完成投资59.1亿元，占年度计划的101.2%；' +
        '新开工项目126个，完成投资165.0亿元，占年度计划的102.2%，已开工120个，开工率95.2%；' +
        '前期项目155个，已具备开工条件12个。',
    );
  });

  it('a rate exactly on .x5 rounds half up (1 of 8 = 12.5%, 1 of 16 = 6.25 → 6.3%)', () => {
    const text = executionStagesSentence({
      ...EXECUTION,
      completions: { planned: 16, completed: 1 },
      starts: { planned: 8, started: 1 },
    });
    expect(text).toContain('竣工率6.3%');
    expect(text).toContain('开工率12.5%');
  });

  it('no 完工 projects planned: the count is said without a rate', () => {
    const text = executionStagesSentence({ ...EXECUTION, completions: { planned: 0, completed: 0 } });
    expect(text).toContain('已竣工0个；');
    expect(text).not.toContain('竣工率');
  });

  it('problems in the bulletin’s wording at December’s end, 办结率 to 0.1%', () => {
    expect(problemsSentence({ asOf: '2025-12-31', total: 27, closed: 15, overdue: 4, supervisedOverdue: 1 })).toBe(
      '问题协调方面，截至12月底，累计梳理协调问题27个，已办结15个，办结率55.6%；逾期未办结4个，其中挂牌督办1个。',
    );
  });

  it('problems taken before the year’s end say their day, not 12月底', () => {
    expect(problemsSentence({ asOf: '2025-12-06', total: 3, closed: 1, overdue: 0, supervisedOverdue: 0 })).toBe(
      '问题协调方面，截至12月6日，累计梳理协调问题3个，已办结1个，办结率33.3%；无逾期未办结问题。',
    );
  });

  it('indicators: counted by status, the first of each group named', () => {
    const text = indicatorsSentence([
      indicator(3, 'MET'),
      indicator(1, 'MET'),
      indicator(2, 'OFF'),
      indicator(4, 'NO_DATA'),
      indicator(5, 'NO_DATA'),
    ]);
    expect(text).toBe(
      '年度5项计划指标中，“指标1”等2项指标达到年度目标；“指标2”1项指标未达到年度目标；' +
        '“指标4”等2项指标尚无审核通过的数据（详见附件1）。',
    );
    expect(indicatorsSentence([])).toBeNull();
  });
});

describe('the document', () => {
  const figures: AnnualReportFigures = {
    year: 2025,
    final: true,
    execution: EXECUTION,
    problems: { asOf: '2025-12-31', total: 3, closed: 1, overdue: 0, supervisedOverdue: 0 },
    indicators: [
      indicator(2, 'OFF', { outcome: { value: '5.2', period: 3, periodsPerYear: 4 } }),
      indicator(1, 'MET'),
      indicator(3, 'NO_DATA', { outcome: null, nature: 'BINDING' }),
    ],
    nextYear: { year: 2026, plan: null, indicators: [] },
  };

  it('a closed year: the title without 草稿 and no note; a closing one says 草稿 and why', () => {
    const closed = annualReportDocument(figures);
    expect(closed.title.join('')).not.toContain('草稿');
    expect(closed.draftNote).toBeNull();
    const closing = annualReportDocument({ ...figures, final: false });
    expect(closing.title.join('')).toContain('（草稿）');
    expect(closing.draftNote).toContain('2025年度尚未关闭');
  });

  it('附件1: by 序号, the category on the first row of each, target and outcome (with its period when partial)', () => {
    const [annex1] = annualReportDocument(figures).annexes;
    expect(annex1!.title).toBe('2025年经济社会发展主要目标完成情况表');
    expect(annex1!.rows).toEqual([
      ['1', '推动高质量发展', '指标1', '%', '预期性', '6左右', '6.1'],
      ['2', '', '指标2', '%', '预期性', '6左右', '5.2（截至三季度）'],
      ['3', '创造高品质生活', '指标3', '%', '约束性', '6左右', '暂无数据'],
    ]);
  });

  it('附件2 without next year’s indicators: the year’s list, its outcome, the target to fill in', () => {
    const doc = annualReportDocument(figures);
    const annex2 = doc.annexes[1]!;
    expect(annex2.title).toBe('2026年经济社会发展主要目标预期建议表');
    expect(annex2.headers.slice(-2)).toEqual(['2025年完成情况', '2026年预期目标']);
    expect(annex2.rows[0]).toEqual(['1', '推动高质量发展', '指标1', '%', '预期性', '6.1', '待填写']);
    expect(doc.annexList).toEqual([
      '附件：1.2025年经济社会发展主要目标完成情况表',
      '2.2026年经济社会发展主要目标预期建议表',
    ]);
    expect(doc.sections[1]!.paragraphs[0]).toBe(nextYearPlanPlaceholder(2026));
  });

  it('附件2 with next year’s indicators: their targets, this year’s outcome matched by name', () => {
    const doc = annualReportDocument({
      ...figures,
      nextYear: {
        year: 2026,
        plan: PLAN_2025_FIGURES,
        indicators: [
          {
            seq: 1,
            category: 'A',
            name: '指标1',
            unit: '%',
            nature: 'EXPECTED',
            previousOutcome: '6左右',
            targetText: '5.5左右',
          },
          {
            seq: 2,
            category: 'A',
            name: '新指标',
            unit: '个',
            nature: 'BINDING',
            previousOutcome: '预计完成',
            targetText: '10',
          },
        ],
      },
    });
    expect(doc.annexes[1]!.rows).toEqual([
      ['1', 'A', '指标1', '%', '预期性', '6.1', '5.5左右'],
      ['2', '', '新指标', '个', '约束性', '预计完成', '10'],
    ]);
    expect(doc.sections[1]!.paragraphs[0]).toMatch(/^2026年全区共计划安排项目421个/);
  });

  it('an outcome of a monthly indicator short of December says the month', () => {
    expect(outcomeText({ value: '300', period: 11, periodsPerYear: 12 })).toBe('300（截至11月）');
    expect(outcomeText({ value: '303', period: 12, periodsPerYear: 12 })).toBe('303');
  });
});
