/**
 * The 2025 plan as published in 《重庆市渝中区2024年国民经济和社会发展计划执行情况及2025年计划草案的报告》
 * (section 二(三) 重点项目安排; indicators from 附件2), approved by the 19th District People's Congress.
 * Amounts in 万元 as exact decimal strings. The report rounds to 0.1亿元, so these are the published figures
 * taken at face value: the demo data is built to reproduce them to the cent.
 */
import type { Direction, IndicatorNature, InvestorType, Stage } from '@/generated/prisma/enums';
import type { PublishedFigure } from './reconcile';

export interface PublishedGroup {
  projectCount: number | null;
  /** 万元; null where the report gives no amount (前期 projects) */
  amount: string | null;
  /** percent of the construction plan as printed; null where not printed */
  sharePercent: string | null;
}

export const PLAN_2025 = {
  year: 2025,
  title: '渝中区2025年重点项目计划',
  /** 年度计划投资 of the construction projects (247.8亿元) */
  approvedInvestment: '2478000.00',
  /** 完工 + 续建 + 新开工 */
  constructionProjectCount: 266,
  /** all stages, 前期 included */
  projectCount: 421,
  /**
   * 总投资 of all 421 projects, 2015亿元. Not in the plan report itself but in the district's press release of
   * 10 January 2025; the schema has no PlanFigure cut for it, so it is checked from this constant.
   */
  totalInvestment: '20150000.00',
  /** the reporting round the demo data is in: departments are filing November */
  currentMonth: 11,
  reportDeadlineDay: 5,
  stages: {
    COMPLETION: { projectCount: 86, amount: '280000.00', sharePercent: null },
    ONGOING: { projectCount: 54, amount: '584000.00', sharePercent: null },
    NEW_START: { projectCount: 126, amount: '1614000.00', sharePercent: null },
    PRELIMINARY: { projectCount: 155, amount: null, sharePercent: null },
  },
  investors: {
    MUNICIPAL: { projectCount: 23, amount: '668000.00', sharePercent: '27' },
    SOCIAL: { projectCount: 42, amount: '825000.00', sharePercent: '33.3' },
    DISTRICT: { projectCount: 201, amount: '985000.00', sharePercent: '39.7' },
  },
  /** the report gives no project counts by direction */
  directions: {
    INFRASTRUCTURE: { projectCount: null, amount: '835000.00', sharePercent: '33.7' },
    PUBLIC_SERVICE: { projectCount: null, amount: '296000.00', sharePercent: '11.9' },
    REAL_ESTATE: { projectCount: null, amount: '569000.00', sharePercent: '23' },
    INDUSTRY: { projectCount: null, amount: '778000.00', sharePercent: '31.4' },
  },
} as const satisfies {
  stages: Record<Stage, PublishedGroup>;
  investors: Record<InvestorType, PublishedGroup>;
  directions: Record<Direction, PublishedGroup>;
  [key: string]: unknown;
};

/** The published figures as PlanFigure rows, in the report's order. */
export const PLAN_2025_FIGURES: readonly PublishedFigure[] = [
  {
    cut: 'TOTAL',
    key: 'ALL',
    projectCount: PLAN_2025.constructionProjectCount,
    amount: PLAN_2025.approvedInvestment,
    sharePercent: null,
  },
  ...Object.entries(PLAN_2025.stages).map(([key, g]) => ({ cut: 'STAGE' as const, key, ...g })),
  ...Object.entries(PLAN_2025.investors).map(([key, g]) => ({ cut: 'INVESTOR' as const, key, ...g })),
  ...Object.entries(PLAN_2025.directions).map(([key, g]) => ({ cut: 'DIRECTION' as const, key, ...g })),
];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  COMPLETION: '完工',
  ONGOING: '续建',
  NEW_START: '新开工',
  PRELIMINARY: '前期',
};

export const INVESTOR_LABELS: Readonly<Record<InvestorType, string>> = {
  MUNICIPAL: '市级',
  DISTRICT: '区级',
  SOCIAL: '社会',
};

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  INFRASTRUCTURE: '基础设施',
  PUBLIC_SERVICE: '公共服务设施',
  REAL_ESTATE: '房地产',
  INDUSTRY: '非房地产的产业',
};

export interface IndicatorSpec {
  seq: number;
  category: string;
  name: string;
  unit: string;
  nature: IndicatorNature;
  /** 2024年预计完成情况, as printed */
  previousOutcome: string;
  /** 2025年预期目标, as printed */
  targetText: string;
  /** the number in the target where there is a clean one ("6左右" → 6, "＞30" → 30); otherwise null */
  targetValue: string | null;
}

// Blank category cells in the printed table continue the category above; they are filled in here.
const GROWTH = '推动高质量发展';
const LIVING = '创造高品质生活';
const OPENING = '深化改革开放';
const CITY = '提升城市品质';
const SAFETY = '实现安全发展';

/** 附件2 2025年经济社会发展主要目标预期建议表: 25 indicators, 18 预期性 and 7 约束性. */
export const INDICATORS_2025: readonly IndicatorSpec[] = [
  {
    seq: 1,
    category: GROWTH,
    name: '地区生产总值（GDP）增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '6左右',
    targetText: '6左右',
    targetValue: '6',
  },
  {
    seq: 2,
    category: GROWTH,
    name: '人均地区生产总值',
    unit: '万元',
    nature: 'EXPECTED',
    previousOutcome: '＞29',
    targetText: '＞30',
    targetValue: '30',
  },
  {
    seq: 3,
    category: GROWTH,
    name: '区级一般公共预算收入增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '23.2',
    targetText: '4.5左右',
    targetValue: '4.5',
  },
  {
    seq: 4,
    category: GROWTH,
    name: '固定资产投资总额增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '5',
    targetText: '5左右',
    targetValue: '5',
  },
  {
    seq: 5,
    category: GROWTH,
    name: '社会消费品零售总额增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '4',
    targetText: '5左右',
    targetValue: '5',
  },
  {
    seq: 6,
    category: GROWTH,
    name: '民营经济增加值',
    unit: '亿元',
    nature: 'EXPECTED',
    previousOutcome: '预计完成',
    targetText: '700',
    targetValue: '700',
  },
  {
    seq: 7,
    category: GROWTH,
    name: '数字经济核心产业增加值增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '预计完成',
    targetText: '10',
    targetValue: '10',
  },
  {
    seq: 8,
    category: GROWTH,
    name: '全员劳动生产率',
    unit: '万元/人',
    nature: 'EXPECTED',
    previousOutcome: '保持全市前列',
    targetText: '保持全市前列',
    targetValue: null,
  },
  {
    seq: 9,
    category: GROWTH,
    name: '研发经费投入强度',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '0.62',
    targetText: '0.65',
    targetValue: '0.65',
  },
  {
    seq: 10,
    category: GROWTH,
    name: '高新技术企业数量',
    unit: '家',
    nature: 'EXPECTED',
    previousOutcome: '口径调整',
    targetText: '240',
    targetValue: '240',
  },
  {
    seq: 11,
    category: GROWTH,
    name: '文化和旅游产业增加值增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '口径调整',
    targetText: '6',
    targetValue: '6',
  },
  {
    seq: 12,
    category: LIVING,
    name: '城镇居民人均可支配收入增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '保持与经济发展同步',
    targetText: '6左右',
    targetValue: '6',
  },
  {
    seq: 13,
    category: LIVING,
    name: '城镇调查失业率',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '5.3以内',
    targetText: '5.3以内',
    targetValue: '5.3',
  },
  {
    seq: 14,
    category: LIVING,
    name: '劳动年龄人口平均受教育年限',
    unit: '年',
    nature: 'BINDING',
    previousOutcome: '高于全市平均水平',
    targetText: '高于全市平均水平',
    targetValue: null,
  },
  {
    seq: 15,
    category: LIVING,
    name: '人均预期寿命',
    unit: '岁',
    nature: 'EXPECTED',
    previousOutcome: '高于全市平均水平',
    targetText: '高于全市平均水平',
    targetValue: null,
  },
  {
    seq: 16,
    category: LIVING,
    name: '每千人口拥有3岁以下婴幼儿托位数',
    unit: '张',
    nature: 'EXPECTED',
    previousOutcome: '3.95',
    targetText: '4.5',
    targetValue: '4.5',
  },
  {
    seq: 17,
    category: LIVING,
    name: '每千人口拥有执业（助理）医师数',
    unit: '人',
    nature: 'EXPECTED',
    previousOutcome: '13.7',
    targetText: '＞13.7',
    targetValue: '13.7',
  },
  {
    seq: 18,
    category: OPENING,
    name: '进出口总额增速',
    unit: '%',
    nature: 'EXPECTED',
    previousOutcome: '预计完成',
    targetText: '3',
    targetValue: '3',
  },
  {
    seq: 19,
    category: OPENING,
    name: '实际使用外资（FDI）',
    unit: '万美元',
    nature: 'EXPECTED',
    previousOutcome: '口径调整',
    targetText: '6000',
    targetValue: '6000',
  },
  {
    seq: 20,
    category: CITY,
    name: '单位GDP能耗下降',
    unit: '%',
    nature: 'BINDING',
    previousOutcome: '预计完成',
    targetText: '3',
    targetValue: '3',
  },
  {
    seq: 21,
    category: CITY,
    name: '单位GDP二氧化碳排放下降',
    unit: '%',
    nature: 'BINDING',
    previousOutcome: '预计完成',
    targetText: '市计划',
    targetValue: null,
  },
  {
    seq: 22,
    category: CITY,
    name: '长江干流水质',
    unit: '-',
    nature: 'BINDING',
    previousOutcome: '口径调整',
    targetText: '保持Ⅱ类',
    targetValue: null,
  },
  {
    seq: 23,
    category: CITY,
    name: '空气质量优良天数',
    unit: '天',
    nature: 'BINDING',
    previousOutcome: '303',
    targetText: '300',
    targetValue: '300',
  },
  {
    seq: 24,
    category: CITY,
    name: '绿化覆盖率',
    unit: '%',
    nature: 'BINDING',
    previousOutcome: '38.94',
    targetText: '38.9左右',
    targetValue: '38.9',
  },
  {
    seq: 25,
    category: SAFETY,
    name: '亿元GDP安全事故死亡率',
    unit: '人/亿元',
    nature: 'BINDING',
    previousOutcome: '0.0055',
    targetText: '＜0.01',
    targetValue: '0.01',
  },
];
