/**
 * Who answers for each of the 25 plan indicators of 2025 (附件2), how often it is reported, and the demo's actuals.
 * The published table itself is lib/domain/plan-2025.ts (INDICATORS_2025); this is the district's division of
 * labour around it. Where no department of the demo catalogue fits (the statistics and finance offices are not
 * Keystone users), the bureau (区发展改革委) answers and names the office as the source.
 */
import type { IndicatorFrequency, ReportStatus } from '@/generated/prisma/enums';
import { BUREAU } from './catalog';

export interface IndicatorDuty {
  department: string;
  frequency: IndicatorFrequency;
  /** the actual is a year-to-date total building up to the target (judged against the prorated target) */
  cumulative: boolean;
}

const duty = (department: string, frequency: IndicatorFrequency, cumulative = false): IndicatorDuty => ({
  department,
  frequency,
  cumulative,
});

/** By the indicator's 序号 in 附件2. */
export const INDICATOR_DUTIES_2025: Readonly<Record<number, IndicatorDuty>> = {
  1: duty(BUREAU, 'QUARTERLY'), // GDP增速: 统计局's quarterly accounts
  2: duty(BUREAU, 'ANNUAL'), // 人均GDP
  3: duty(BUREAU, 'MONTHLY'), // 区级一般公共预算收入增速: 财政局's monthly 财政收支
  4: duty(BUREAU, 'MONTHLY'), // 固定资产投资总额增速
  5: duty('区商务委', 'MONTHLY'), // 社会消费品零售总额增速
  6: duty('区经济信息委', 'QUARTERLY', true), // 民营经济增加值 (亿元, builds up through the year)
  7: duty('区经济信息委', 'QUARTERLY'), // 数字经济核心产业增加值增速
  8: duty(BUREAU, 'ANNUAL'), // 全员劳动生产率
  9: duty('区科技局', 'ANNUAL'), // 研发经费投入强度
  10: duty('区科技局', 'ANNUAL'), // 高新技术企业数量
  11: duty('区文化旅游委', 'QUARTERLY'), // 文化和旅游产业增加值增速
  12: duty(BUREAU, 'QUARTERLY'), // 城镇居民人均可支配收入增速
  13: duty(BUREAU, 'QUARTERLY'), // 城镇调查失业率
  14: duty('区教委', 'ANNUAL'), // 劳动年龄人口平均受教育年限
  15: duty('区卫生健康委', 'ANNUAL'), // 人均预期寿命
  16: duty('区卫生健康委', 'ANNUAL'), // 每千人口托位数
  17: duty('区卫生健康委', 'ANNUAL'), // 每千人口执业（助理）医师数
  18: duty('区商务委', 'MONTHLY'), // 进出口总额增速
  19: duty('区商务委', 'MONTHLY', true), // 实际使用外资 (万美元, builds up through the year)
  20: duty(BUREAU, 'ANNUAL'), // 单位GDP能耗下降: the bureau's energy-saving office
  21: duty('区生态环境局', 'ANNUAL'), // 单位GDP二氧化碳排放下降
  22: duty('区生态环境局', 'MONTHLY'), // 长江干流水质
  23: duty('区生态环境局', 'MONTHLY', true), // 空气质量优良天数 (days, counted up through the year)
  24: duty('区城市管理局', 'ANNUAL'), // 绿化覆盖率
  25: duty('区应急管理局', 'QUARTERLY'), // 亿元GDP安全事故死亡率
};

export interface DemoIndicatorActual {
  seq: number;
  period: number;
  value: string;
  source: string;
  note: string;
  status: ReportStatus;
  /** the bureau's verdict, for an approved actual whose target is not a comparison */
  judgement?: 'MET' | 'NOT_MET';
}

/** A few actuals on the demo date, so the page and the dashboard panel show every status out of the box. */
export const DEMO_INDICATOR_ACTUALS_2025: readonly DemoIndicatorActual[] = [
  { seq: 1, period: 3, value: '6.1', source: '区统计局', note: '1—3季度', status: 'APPROVED' },
  { seq: 3, period: 10, value: '4.1', source: '区财政局', note: '1—10月', status: 'APPROVED' },
  { seq: 4, period: 10, value: '5.2', source: '区统计局', note: '1—10月', status: 'APPROVED' },
  { seq: 5, period: 10, value: '3.6', source: '区统计局', note: '1—10月，消费持续疲软', status: 'APPROVED' },
  { seq: 6, period: 3, value: '531', source: '区统计局', note: '1—3季度', status: 'APPROVED' },
  { seq: 18, period: 10, value: '2.4', source: '重庆海关', note: '1—10月', status: 'SUBMITTED' },
  { seq: 19, period: 10, value: '4620', source: '区商务委', note: '1—10月', status: 'APPROVED' },
  {
    seq: 22,
    period: 10,
    value: 'Ⅱ类',
    source: '区生态环境局',
    note: '10月监测断面',
    status: 'APPROVED',
    judgement: 'MET',
  },
  { seq: 23, period: 10, value: '257', source: '区生态环境局', note: '1—10月', status: 'APPROVED' },
];
