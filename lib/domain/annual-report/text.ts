/**
 * The annual report's sentences, in the wording of the district's plan report (prisma/seed/source/
 * plan-report-2025.txt): the key projects' execution in the closing year and section 二(三) 重点项目安排 of the next.
 * Pure. Amounts in 亿元 to one decimal through wanToYi (lib/domain/bulletin-text.ts), rates to 0.1% half up, as the
 * bulletin prints them; the plan sentence drops a ".0" ("约28亿元", "占比27%") as the printed report does.
 */
import type { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { wanToYi } from '@/lib/domain/bulletin-text';
import type { IndicatorStatus } from '@/lib/domain/indicators/status';
import { percentOf } from '@/lib/domain/pace';
import { problemBulletinSentence } from '@/lib/domain/problems/problem-bulletin';
import type {
  AnnualExecutionFigures,
  AnnualIndicator,
  AnnualProblemFigures,
  NextYearPlanFigures,
  PlanCut,
} from './figures';

const STAGE_ORDER: readonly Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
/** the execution paragraphs say 续建, as the bulletins do; the plan sentence says 在建, as section 二(三) does */
const STAGE_ZH: Record<Stage, string> = {
  COMPLETION: '完工',
  ONGOING: '续建',
  NEW_START: '新开工',
  PRELIMINARY: '前期',
};
const PLAN_STAGE_ZH: Record<Stage, string> = { ...STAGE_ZH, ONGOING: '在建' };
const INVESTOR_ORDER: readonly InvestorType[] = ['MUNICIPAL', 'SOCIAL', 'DISTRICT'];
const INVESTOR_ZH: Record<InvestorType, string> = { MUNICIPAL: '市级', SOCIAL: '社会', DISTRICT: '区级' };
const DIRECTION_ORDER: readonly Direction[] = ['INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY'];
const DIRECTION_ZH: Record<Direction, string> = {
  INFRASTRUCTURE: '基础设施类项目',
  PUBLIC_SERVICE: '公共服务设施类项目',
  REAL_ESTATE: '房地产项目',
  INDUSTRY: '非房地产的产业项目',
};

/** part ÷ whole as a printed rate, one decimal half up ("46.5"); null without a whole. */
export function ratePercent(part: string | number, whole: string | number): string | null {
  return percentOf(part, whole, 1);
}

/** "28.0" → "28": the plan sentence prints whole figures without the decimal, as the report does. */
function trimZero(figure: string): string {
  return figure.endsWith('.0') ? figure.slice(0, -2) : figure;
}

const count = (n: number) => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number ≥ 0: ${n}`);
  return n;
};

function byStage<T extends { stage: Stage }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
}

/**
 * The year's totals: "2025年，全区共安排重点项目421个，包含完工项目86个、续建项目54个、新开工项目126个、前期项目155个，
 * 建设项目年度计划投资247.8亿元，全年累计完成投资251.2亿元，占年度计划的101.4%。"
 */
export function executionTotalsSentence(year: number, f: AnnualExecutionFigures): string {
  const stages = byStage(f.stages)
    .map((s) => `${STAGE_ZH[s.stage]}项目${count(s.projectCount)}个`)
    .join('、');
  const plan = wanToYi(f.construction.annualPlan);
  const percent = ratePercent(f.construction.completed, f.construction.annualPlan);
  return (
    `${year}年，全区共安排重点项目${count(f.projectCount)}个${stages ? `，包含${stages}` : ''}，` +
    `建设项目年度计划投资${plan}亿元，全年累计完成投资${wanToYi(f.construction.completed)}亿元` +
    `${percent === null ? '' : `，占年度计划的${percent}%`}。`
  );
}

/**
 * By stage: "分类看，完工项目86个，完成投资27.1亿元，占年度计划的96.8%，已竣工80个，竣工率93.0%；续建项目54个，…；
 * 新开工项目126个，…，已开工120个，开工率95.2%；前期项目155个，已具备开工条件12个。"
 */
export function executionStagesSentence(f: AnnualExecutionFigures): string {
  const parts = byStage(f.stages).map((s) => {
    let text = `${STAGE_ZH[s.stage]}项目${count(s.projectCount)}个`;
    const percent = ratePercent(s.completed, s.annualPlan);
    if (s.stage !== 'PRELIMINARY' && percent !== null) {
      text += `，完成投资${wanToYi(s.completed)}亿元，占年度计划的${percent}%`;
    }
    if (s.stage === 'COMPLETION') {
      const rate = ratePercent(f.completions.completed, f.completions.planned);
      text += `，已竣工${count(f.completions.completed)}个${rate === null ? '' : `，竣工率${rate}%`}`;
    }
    if (s.stage === 'NEW_START') {
      const rate = ratePercent(f.starts.started, f.starts.planned);
      text += `，已开工${count(f.starts.started)}个${rate === null ? '' : `，开工率${rate}%`}`;
    }
    if (s.stage === 'PRELIMINARY') text += `，已具备开工条件${count(f.readyToStart)}个`;
    return text;
  });
  return parts.length === 0 ? '' : `分类看，${parts.join('；')}。`;
}

/**
 * The problems as the bulletin says them: "问题协调方面，截至12月底，累计梳理协调问题27个，…。"; figures taken before
 * the year's end say their day ("截至12月6日").
 */
export function problemsSentence(p: AnnualProblemFigures): string {
  const [, month = 12, day = 31] = p.asOf.split('-').map(Number);
  const yearEnd = month === 12 && day === 31;
  return `问题协调方面，${problemBulletinSentence({
    month,
    ...(yearEnd ? {} : { day }),
    total: p.total,
    closed: p.closed,
    overdue: p.overdue,
    supervisedOverdue: p.supervisedOverdue,
  })}`;
}

const STATUS_PHRASE: Record<IndicatorStatus, string> = {
  MET: '达到年度目标',
  NEAR: '略低于年度目标',
  OFF: '未达到年度目标',
  TO_JUDGE: '待研判',
  NO_DATA: '尚无审核通过的数据',
};
const STATUS_ORDER: readonly IndicatorStatus[] = ['MET', 'NEAR', 'OFF', 'TO_JUDGE', 'NO_DATA'];

/**
 * The indicators in one sentence, by status on the latest approved figure (lib/domain/indicators/status.ts):
 * "年度25项计划指标中，地区生产总值（GDP）增速等20项指标达到年度目标，…；2项指标尚无审核通过的数据。"
 * The first indicator of each group is named, as the report names one ("预计地区生产总值增速…等24项指标").
 */
export function indicatorsSentence(indicators: readonly AnnualIndicator[]): string | null {
  if (indicators.length === 0) return null;
  const parts = STATUS_ORDER.flatMap((status) => {
    const group = indicators.filter((i) => i.status === status).sort((a, b) => a.seq - b.seq);
    const first = group[0];
    if (!first) return [];
    const who = group.length === 1 ? `“${first.name}”1项指标` : `“${first.name}”等${group.length}项指标`;
    return [`${who}${STATUS_PHRASE[status]}`];
  });
  return `年度${indicators.length}项计划指标中，${parts.join('；')}（详见附件1）。`;
}

function share(part: string, whole: string): string {
  const p = ratePercent(part, whole);
  return p === null ? '' : `，占比${trimZero(p)}%`;
}

/**
 * Section 二(三) 重点项目安排, the sentences of the plan report:
 * "2025年全区共计划安排项目421个，包含完工项目86个、在建项目54个、新开工项目126个、前期项目155个，建设项目年度计划投资约
 * 247.8亿元。从投资主体分，建设项目中市级项目23个，年度计划投资66.8亿元，占比27%；…。从投资时序分，…。从投资方向分，…。"
 */
export function nextYearPlanParagraph(year: number, plan: NextYearPlanFigures): string {
  const yi = (wan: string) => trimZero(wanToYi(wan));
  const total = plan.construction.annualPlan;
  const stages = byStage(plan.stages);
  const head =
    `${year}年全区共计划安排项目${count(plan.projectCount)}个` +
    (stages.length
      ? `，包含${stages.map((s) => `${PLAN_STAGE_ZH[s.stage]}项目${count(s.projectCount)}个`).join('、')}`
      : '') +
    `，建设项目年度计划投资约${yi(total)}亿元。`;
  const ordered = <K extends string>(cuts: readonly PlanCut<K>[], order: readonly K[]) =>
    order.flatMap((k) => cuts.filter((c) => c.key === k));
  const investors = ordered(plan.investors, INVESTOR_ORDER).map(
    (c) =>
      `${INVESTOR_ZH[c.key]}项目${count(c.projectCount)}个，年度计划投资${yi(c.annualPlan)}亿元${share(c.annualPlan, total)}`,
  );
  const timing = stages
    .filter((s) => s.stage !== 'PRELIMINARY')
    .map((s) => `${PLAN_STAGE_ZH[s.stage]}项目${count(s.projectCount)}个，年度计划投资约${yi(s.annualPlan)}亿元`);
  const directions = ordered(plan.directions, DIRECTION_ORDER).map(
    (c) => `${DIRECTION_ZH[c.key]}年度投资约${yi(c.annualPlan)}亿元${share(c.annualPlan, total)}`,
  );
  return [
    head,
    investors.length ? `从投资主体分，建设项目中${investors.join('；')}。` : '',
    timing.length ? `从投资时序分，${timing.join('；')}。` : '',
    directions.length ? `从投资方向分，${directions.join('；')}。` : '',
  ].join('');
}

/** Where the next year's plan is not in Keystone yet: a marked gap the bureau fills in. */
export function nextYearPlanPlaceholder(year: number): string {
  return `【待补充：${year}年重点项目计划尚未录入，请区发展改革委在计划确定后补充项目个数、年度计划投资及其按投资主体、投资时序、投资方向的构成。】`;
}
