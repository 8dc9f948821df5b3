import { describe, expect, it } from 'vitest';
import {
  type BulletinDraftInput,
  bulletinDraft,
  bulletinSentence,
  headlineFigures,
  monthRangeZh,
  rankDepartments,
  wanToYi,
} from '@/lib/domain/bulletin-text';

const PLAN = '2478000.00'; // 247.8亿

describe('wanToYi', () => {
  it('divides by 10,000 and rounds half up to one decimal', () => {
    expect(wanToYi('2478000')).toBe('247.8');
    expect(wanToYi('2163456.78')).toBe('216.3');
    expect(wanToYi('20150000')).toBe('2015.0');
    expect(wanToYi('2164500')).toBe('216.5'); // exactly half: up, not to even
    expect(wanToYi('2164499.99')).toBe('216.4');
    expect(wanToYi('2165500')).toBe('216.6');
    expect(wanToYi('0')).toBe('0.0');
    expect(wanToYi('499.99')).toBe('0.0');
    expect(wanToYi('500')).toBe('0.1');
  });

  it('other precisions on request', () => {
    expect(wanToYi('2163456.78', 2)).toBe('216.35');
  });
});

describe('month ranges', () => {
  it('January alone, otherwise from January', () => {
    expect(monthRangeZh(1)).toBe('1月');
    expect(monthRangeZh(2)).toBe('1-2月');
    expect(monthRangeZh(12)).toBe('1-12月');
    expect(() => monthRangeZh(0)).toThrow(RangeError);
    expect(() => monthRangeZh(13)).toThrow(RangeError);
  });
});

describe('bulletinSentence', () => {
  it('gains the 同比 clause after the amount when the previous year is in Keystone', () => {
    expect(bulletinSentence({ ytd: '2163456.78', annualPlan: PLAN, month: 10, yearOnYearPercent: '5.2' })).toBe(
      '1-10月，全区重点项目累计完成投资216.3亿元，同比增长5.2%，占年度计划的87.3%，超序时进度4.0个百分点。',
    );
    expect(bulletinSentence({ ytd: '1800000', annualPlan: PLAN, month: 10, yearOnYearPercent: '-3.0' })).toBe(
      '1-10月，全区重点项目累计完成投资180.0亿元，同比下降3.0%，占年度计划的72.6%，低于序时进度10.7个百分点。',
    );
    expect(bulletinSentence({ ytd: '1239000', annualPlan: PLAN, month: 6, yearOnYearPercent: '0.0' })).toBe(
      '1-6月，全区重点项目累计完成投资123.9亿元，与上年同期持平，占年度计划的50.0%，与序时进度持平。',
    );
  });

  it('has no 同比 clause without a rate (no previous year, or nothing to compare with)', () => {
    expect(bulletinSentence({ ytd: '2163456.78', annualPlan: PLAN, month: 10, yearOnYearPercent: null })).toBe(
      '1-10月，全区重点项目累计完成投资216.3亿元，占年度计划的87.3%，超序时进度4.0个百分点。',
    );
  });

  it('ahead of pace', () => {
    expect(bulletinSentence({ ytd: '2163456.78', annualPlan: PLAN, month: 10 })).toBe(
      '1-10月，全区重点项目累计完成投资216.3亿元，占年度计划的87.3%，超序时进度4.0个百分点。',
    );
  });

  it('behind pace', () => {
    expect(bulletinSentence({ ytd: '1800000', annualPlan: PLAN, month: 10 })).toBe(
      '1-10月，全区重点项目累计完成投资180.0亿元，占年度计划的72.6%，低于序时进度10.7个百分点。',
    );
  });

  it('level with pace', () => {
    expect(bulletinSentence({ ytd: '1239000', annualPlan: PLAN, month: 6 })).toBe(
      '1-6月，全区重点项目累计完成投资123.9亿元，占年度计划的50.0%，与序时进度持平。',
    );
    // 83.3% after October against 序时 83.3: level on paper
    expect(bulletinSentence({ ytd: '2064174', annualPlan: PLAN, month: 10 })).toBe(
      '1-10月，全区重点项目累计完成投资206.4亿元，占年度计划的83.3%，与序时进度持平。',
    );
  });

  it('January is "1月"', () => {
    expect(bulletinSentence({ ytd: '247800', annualPlan: PLAN, month: 1 })).toBe(
      '1月，全区重点项目累计完成投资24.8亿元，占年度计划的10.0%，超序时进度1.7个百分点。',
    );
  });

  it('December: 序时 is 100', () => {
    expect(bulletinSentence({ ytd: '2500000', annualPlan: PLAN, month: 12 })).toBe(
      '1-12月，全区重点项目累计完成投资250.0亿元，占年度计划的100.9%，超序时进度0.9个百分点。',
    );
  });

  it("the domain notes' worked example: 97.2 − 83.3 = 13.9", () => {
    expect(bulletinSentence({ ytd: '2408616', annualPlan: PLAN, month: 10 })).toBe(
      '1-10月，全区重点项目累计完成投资240.9亿元，占年度计划的97.2%，超序时进度13.9个百分点。',
    );
  });

  it('Z is the unrounded gap rounded once, as bulletins print it (87.36% − 83.333…% = 4.03 → 4.0, not 87.4 − 83.3)', () => {
    expect(headlineFigures({ ytd: '2164780.80', annualPlan: PLAN, month: 10 })).toEqual({
      amountYi: '216.5',
      percentOfPlan: '87.4',
      pacePercent: '83.3',
      gap: { direction: 'ahead', points: '4.0' },
    });
  });

  it('the corrected worked example of domain.md: 612.9亿 of 640.0亿 after October → 95.8%, 12.4 points ahead', () => {
    expect(bulletinSentence({ ytd: '6129000', annualPlan: '6400000', month: 10 })).toBe(
      '1-10月，全区重点项目累计完成投资612.9亿元，占年度计划的95.8%，超序时进度12.4个百分点。',
    );
  });

  it('refuses no plan, a negative YTD or a month outside 1–12', () => {
    expect(() => bulletinSentence({ ytd: '1', annualPlan: '0', month: 10 })).toThrow(RangeError);
    expect(() => bulletinSentence({ ytd: '-1', annualPlan: PLAN, month: 10 })).toThrow(RangeError);
    expect(() => bulletinSentence({ ytd: '1', annualPlan: PLAN, month: 0 })).toThrow(RangeError);
  });
});

describe('rankDepartments', () => {
  const d = (name: string, ytd: string, annualPlan = '100') => ({ name, ytd, annualPlan });

  it('top 3 descending, bottom 3 ascending, never both, no-plan departments left out', () => {
    const r = rankDepartments(
      [
        d('丁', '50'),
        d('甲', '112.3'),
        d('戊', '12'),
        d('乙', '98.1'),
        d('己', '20.5'),
        d('辛', '5', '0'),
        d('丙', '95'),
        d('庚', '30.1'),
      ],
      3,
    );
    expect(r.leading).toEqual([
      { name: '甲', percent: '112.3' },
      { name: '乙', percent: '98.1' },
      { name: '丙', percent: '95.0' },
    ]);
    expect(r.lagging).toEqual([
      { name: '戊', percent: '12.0' },
      { name: '己', percent: '20.5' },
      { name: '庚', percent: '30.1' },
    ]);
  });

  it('with few departments the lagging list is what is left', () => {
    expect(rankDepartments([d('A', '1'), d('B', '2'), d('C', '3'), d('D', '4')], 3).lagging).toEqual([
      { name: 'A', percent: '1.0' },
    ]);
    expect(rankDepartments([d('A', '1'), d('B', '2')], 3)).toEqual({
      leading: [
        { name: 'B', percent: '2.0' },
        { name: 'A', percent: '1.0' },
      ],
      lagging: [],
    });
  });

  it('ranks on the exact percentage and breaks ties by YTD, then input order', () => {
    // 33.34% and 33.3333…% both print 33.3; the larger ranks first
    const r = rankDepartments([d('x', '1', '3'), d('y', '33.34')], 1);
    expect(r.leading).toEqual([{ name: 'y', percent: '33.3' }]);
    const tie = rankDepartments([d('small', '50', '100'), d('big', '500', '1000'), d('big2', '500', '1000')], 3);
    expect(tie.leading.map((x) => x.name)).toEqual(['big', 'big2', 'small']);
  });
});

describe('bulletinDraft', () => {
  const input: BulletinDraftInput = {
    year: 2025,
    month: 10,
    ytd: '2163456.78',
    annualPlan: PLAN,
    stages: [
      { stage: 'PRELIMINARY', projectCount: 155, annualPlan: null, ytd: '0', readyToStartCount: 12 },
      { stage: 'NEW_START', projectCount: 126, annualPlan: '1614000', ytd: '1445376.78', startedCount: 100 },
      { stage: 'COMPLETION', projectCount: 86, annualPlan: '280000', ytd: '250880', completedCount: 40 },
      { stage: 'ONGOING', projectCount: 54, annualPlan: '584000', ytd: '467200' },
    ],
    departments: [
      { name: '区住房城乡建委', ytd: '112.3', annualPlan: '100' },
      { name: '区交通局', ytd: '98.1', annualPlan: '100' },
      { name: '区商务委', ytd: '95', annualPlan: '100' },
      { name: '区教委', ytd: '50', annualPlan: '100' },
      { name: '区卫生健康委', ytd: '12', annualPlan: '100' },
      { name: '区文化旅游委', ytd: '20.5', annualPlan: '100' },
      { name: '区城市管理局', ytd: '30.1', annualPlan: '100' },
    ],
    redWarningProjects: ['重庆站铁路综合枢纽改造', '轨道27号线'],
  };

  it('drafts the full text', () => {
    const draft = bulletinDraft(input);
    expect(draft.title).toBe('2025年1-10月全区重点项目投资进展情况通报');
    expect(draft.paragraphs).toEqual([
      '2025年，全区安排重点项目421个，年度计划投资247.8亿元。1-10月，全区重点项目累计完成投资216.3亿元，占年度计划的87.3%，超序时进度4.0个百分点。',
      '完工项目86个，年度计划投资28.0亿元，1-10月累计完成投资25.1亿元，占年度计划的89.6%，超序时进度6.3个百分点；已竣工40个，竣工率46.5%。',
      '续建项目54个，年度计划投资58.4亿元，1-10月累计完成投资46.7亿元，占年度计划的80.0%，低于序时进度3.3个百分点。',
      // 89.552…% − 83.333…% = 6.22 → 6.2 (the rounded figures would give 89.6 − 83.3 = 6.3)
      '新开工项目126个，年度计划投资161.4亿元，1-10月累计完成投资144.5亿元，占年度计划的89.6%，超序时进度6.2个百分点；已开工100个，开工率79.4%。',
      '前期项目155个，不安排年度投资；已具备开工条件12个。',
      '从责任单位看，1-10月完成率居前的是区住房城乡建委（112.3%）、区交通局（98.1%）、区商务委（95.0%）；完成率靠后的是区卫生健康委（12.0%）、区文化旅游委（20.5%）、区城市管理局（30.1%）。',
      '红色预警项目2个：重庆站铁路综合枢纽改造、轨道27号线。',
    ]);
    expect(draft.text).toBe([draft.title, ...draft.paragraphs].join('\n\n'));
  });

  it('puts the district’s 同比 clause in the headline when given', () => {
    const draft = bulletinDraft({ ...input, yearOnYearPercent: '12.4' });
    expect(draft.paragraphs[0]).toBe(
      '2025年，全区安排重点项目421个，年度计划投资247.8亿元。1-10月，全区重点项目累计完成投资216.3亿元，同比增长12.4%，占年度计划的87.3%，超序时进度4.0个百分点。',
    );
  });

  it('January, no departments, no red projects, a stage at pace', () => {
    const draft = bulletinDraft({
      ...input,
      month: 1,
      ytd: '206500',
      stages: [{ stage: 'ONGOING', projectCount: 54, annualPlan: '584000', ytd: '48500' }],
      departments: [],
      redWarningProjects: [],
    });
    expect(draft.title).toBe('2025年1月全区重点项目投资进展情况通报');
    expect(draft.paragraphs).toEqual([
      '2025年，全区安排重点项目54个，年度计划投资247.8亿元。1月，全区重点项目累计完成投资20.7亿元，占年度计划的8.3%，与序时进度持平。',
      '续建项目54个，年度计划投资58.4亿元，1月累计完成投资4.9亿元，占年度计划的8.3%，与序时进度持平。',
      '本月无红色预警项目。',
    ]);
  });

  it('names only the leading departments when there are too few for both lists', () => {
    const draft = bulletinDraft({ ...input, departments: input.departments.slice(0, 2), rankCount: 3 });
    expect(draft.paragraphs).toContain(
      '从责任单位看，1-10月完成率居前的是区住房城乡建委（112.3%）、区交通局（98.1%）。',
    );
  });

  it('refuses a bad month or rank count', () => {
    expect(() => bulletinDraft({ ...input, month: 13 })).toThrow(RangeError);
    expect(() => bulletinDraft({ ...input, rankCount: 0 })).toThrow(RangeError);
  });
});
