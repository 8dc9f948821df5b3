import Decimal from 'decimal.js';
import type { Stage } from '@/generated/prisma/enums';
import { assertMonth, describeGap, type GapDescription, paceGapPoints, pacePercent } from '@/lib/domain/pace';
import { problemBulletinSentence, type ProblemBulletinInput } from '@/lib/domain/problems/problem-bulletin';
import { yearOnYearZh } from '@/lib/domain/year-on-year';

/**
 * The monthly bulletin (月度通报) text (issue 6, "Monthly bulletin"). Pure: money arrives in 万元 as decimal strings.
 *
 * Published figures, all rounded half up to one decimal:
 * - X: YTD in 亿元 (万元 ÷ 10,000): 2,163,456.78万 → 216.3亿;
 * - Y: % of annual plan;
 * - Z: the gap to 序时进度 from the unrounded figures, rounded once (paceGapPoints), as published bulletins print
 *   it: 95.765…% − 83.333…% = 12.4 (domain.md's worked example), although 95.8 − 83.3 on paper is 12.5; when Z is
 *   0.0 the wording is "与序时进度持平".
 */

const WAN_PER_YI = 10_000;

/** 万元 → 亿元, rounded half up to `decimals` (default 1): "2478000" → "247.8". */
export function wanToYi(wan: string | number, decimals = 1): string {
  return new Decimal(wan).dividedBy(WAN_PER_YI).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** "1月" for January alone, "1-N月" otherwise. */
export function monthRangeZh(month: number): string {
  assertMonth(month);
  return month === 1 ? '1月' : `1-${month}月`;
}

export interface HeadlineInput {
  /** 1-N月累计完成投资, 万元 */
  ytd: string;
  /** 年度计划投资, 万元, > 0 */
  annualPlan: string;
  /** N, 1–12 */
  month: number;
  /**
   * 同比增长率 against the same months of the previous year (lib/domain/year-on-year.ts), one decimal; absent or
   * null when the previous year is not in Keystone or had nothing to compare with: then the sentence has no clause
   */
  yearOnYearPercent?: string | null;
}

export interface HeadlineFigures {
  /** X, 亿元, 1 decimal */
  amountYi: string;
  /** Y, % of annual plan, 1 decimal */
  percentOfPlan: string;
  /** 序时进度, 1 decimal */
  pacePercent: string;
  /** Z and its direction, from the unrounded figures, rounded once */
  gap: GapDescription;
}

/** The figures of the headline sentence, as published (see the module comment). */
export function headlineFigures(input: HeadlineInput): HeadlineFigures {
  assertMonth(input.month);
  const plan = new Decimal(input.annualPlan);
  if (!plan.greaterThan(0)) throw new RangeError(`annualPlan must be above 0: ${input.annualPlan}`);
  const ytd = new Decimal(input.ytd);
  if (ytd.isNegative()) throw new RangeError(`ytd is negative: ${input.ytd}`);
  const percent = ytd.times(100).dividedBy(plan).toFixed(1, Decimal.ROUND_HALF_UP);
  const pace = pacePercent(input.month, 1);
  return {
    amountYi: wanToYi(input.ytd),
    percentOfPlan: percent,
    pacePercent: pace,
    gap: describeGap(paceGapPoints(input.ytd, input.annualPlan, input.month)!),
  };
}

function gapZh(gap: GapDescription): string {
  if (gap.direction === 'level') return '与序时进度持平';
  return `${gap.direction === 'ahead' ? '超' : '低于'}序时进度${gap.points}个百分点`;
}

/**
 * The official sentence, ending with "。":
 * "1-10月，全区重点项目累计完成投资216.3亿元，占年度计划的87.3%，超序时进度4.0个百分点。"
 * (behind: "低于序时进度Z个百分点"; level: "与序时进度持平"; January: "1月，…"). With the previous year in Keystone
 * the amount gains its 同比 clause, as the district's bulletins print it: "…累计完成投资216.3亿元，同比增长5.2%，占…".
 */
export function bulletinSentence(input: HeadlineInput): string {
  const f = headlineFigures(input);
  const yoy = yearOnYearZh(input.yearOnYearPercent ?? null);
  return (
    `${monthRangeZh(input.month)}，全区重点项目累计完成投资${f.amountYi}亿元，${yoy ? `${yoy}，` : ''}` +
    `占年度计划的${f.percentOfPlan}%，${gapZh(f.gap)}。`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The full draft

/** One stage's line in the draft. */
export interface BulletinStageInput {
  stage: Stage;
  /** projects of the stage in the plan (e.g. 完工 86) */
  projectCount: number;
  /** the stage's annual plan, 万元; null or 0 for 前期 (no investment clause) */
  annualPlan: string | null;
  /** YTD of the stage, 万元 */
  ytd: string;
  /** 完工 only: projects actually completed, for 竣工率 = completed ÷ projectCount */
  completedCount?: number;
  /** 新开工 only: projects actually started, for 开工率 = started ÷ projectCount */
  startedCount?: number;
  /** 前期 only: projects ready to start */
  readyToStartCount?: number;
}

/** One department for the ranking: name as printed, and its figures in 万元. */
export interface BulletinDepartmentInput {
  name: string;
  ytd: string;
  /** 0 → left out of the ranking (no % of plan) */
  annualPlan: string;
}

/**
 * Everything the draft needs, as plain data (the rollup's figures, approved reports only for an official
 * bulletin). Names are printed as given.
 */
export interface BulletinDraftInput {
  year: number;
  /** N, 1–12 */
  month: number;
  /** district YTD and annual plan, 万元 */
  ytd: string;
  annualPlan: string;
  /** one entry per stage present; printed in the order 完工, 续建, 新开工, 前期 */
  stages: readonly BulletinStageInput[];
  departments: readonly BulletinDepartmentInput[];
  /** names of the projects with a red warning, printed in the order given */
  redWarningProjects: readonly string[];
  /** how many departments to name at the top and at the bottom; default 3 */
  rankCount?: number;
  /** the coordination problems at the month's end (absent in bulletins drafted before problems existed) */
  problems?: ProblemBulletinInput;
  /** the district's 同比增长率 (HeadlineInput.yearOnYearPercent); absent without a previous year */
  yearOnYearPercent?: string | null;
}

export interface BulletinDraft {
  /** "2025年1-10月全区重点项目投资进展情况通报" */
  title: string;
  /** headline, one per stage, departments (if any ranked), red-warning projects */
  paragraphs: string[];
  /** title and paragraphs joined by blank lines, for the bureau to edit */
  text: string;
}

const STAGE_ORDER: readonly Stage[] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'];
const STAGE_ZH: Record<Stage, string> = {
  COMPLETION: '完工',
  ONGOING: '续建',
  NEW_START: '新开工',
  PRELIMINARY: '前期',
};

/**
 * The draft of the month's bulletin:
 * 1. "2025年，全区安排重点项目421个，年度计划投资247.8亿元。" + the official sentence;
 * 2. per stage: "完工项目86个，年度计划投资28.0亿元，1-10月累计完成投资25.1亿元，占年度计划的89.6%，超序时进度6.3个
 *    百分点；已竣工40个，竣工率46.5%。" (新开工: 已开工 / 开工率; 前期: "前期项目155个，不安排年度投资；已具备开工条件12个。");
 * 3. the leading and lagging departments: top `rankCount` by % of plan descending, then the bottom `rankCount`
 *    ascending among the rest (a department is never in both); ties by YTD descending, then input order;
 * 4. the coordination problems (lib/domain/problems/problem-bulletin.ts), when given;
 * 5. the red-warning projects, or "本月无红色预警项目。".
 */
export function bulletinDraft(input: BulletinDraftInput): BulletinDraft {
  assertMonth(input.month);
  const rankCount = input.rankCount ?? 3;
  if (!Number.isInteger(rankCount) || rankCount < 1)
    throw new RangeError(`rankCount must be a whole number ≥ 1: ${rankCount}`);
  const range = monthRangeZh(input.month);
  const stages = [...input.stages].sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
  const projectCount = stages.reduce((n, s) => n + s.projectCount, 0);

  const paragraphs: string[] = [];
  paragraphs.push(
    `${input.year}年，全区安排重点项目${projectCount}个，年度计划投资${wanToYi(input.annualPlan)}亿元。` +
      bulletinSentence({
        ytd: input.ytd,
        annualPlan: input.annualPlan,
        month: input.month,
        yearOnYearPercent: input.yearOnYearPercent,
      }),
  );

  for (const s of stages) {
    if (!Number.isInteger(s.projectCount) || s.projectCount < 0)
      throw new RangeError(`projectCount: ${s.projectCount}`);
    let text = `${STAGE_ZH[s.stage]}项目${s.projectCount}个`;
    const plan = s.annualPlan === null ? new Decimal(0) : new Decimal(s.annualPlan);
    if (plan.greaterThan(0)) {
      const percent = new Decimal(s.ytd).times(100).dividedBy(plan).toFixed(1, Decimal.ROUND_HALF_UP);
      text +=
        `，年度计划投资${wanToYi(plan.toString())}亿元，${range}累计完成投资${wanToYi(s.ytd)}亿元，` +
        `占年度计划的${percent}%，${gapZh(describeGap(paceGapPoints(s.ytd, plan.toString(), input.month)!))}`;
    } else if (s.stage === 'PRELIMINARY') {
      text += '，不安排年度投资';
    }
    const rate = (n: number) =>
      s.projectCount > 0 ? new Decimal(n).times(100).dividedBy(s.projectCount).toFixed(1, Decimal.ROUND_HALF_UP) : null;
    if (s.stage === 'COMPLETION' && s.completedCount !== undefined) {
      const r = rate(s.completedCount);
      text += `；已竣工${s.completedCount}个${r === null ? '' : `，竣工率${r}%`}`;
    }
    if (s.stage === 'NEW_START' && s.startedCount !== undefined) {
      const r = rate(s.startedCount);
      text += `；已开工${s.startedCount}个${r === null ? '' : `，开工率${r}%`}`;
    }
    if (s.stage === 'PRELIMINARY' && s.readyToStartCount !== undefined) {
      text += `；已具备开工条件${s.readyToStartCount}个`;
    }
    paragraphs.push(`${text}。`);
  }

  const { leading, lagging } = rankDepartments(input.departments, rankCount);
  const list = (ds: RankedDepartment[]) => ds.map((d) => `${d.name}（${d.percent}%）`).join('、');
  if (leading.length > 0) {
    let text = `从责任单位看，${range}完成率居前的是${list(leading)}`;
    if (lagging.length > 0) text += `；完成率靠后的是${list(lagging)}`;
    paragraphs.push(`${text}。`);
  }

  if (input.problems) paragraphs.push(problemBulletinSentence(input.problems));

  paragraphs.push(
    input.redWarningProjects.length === 0
      ? '本月无红色预警项目。'
      : `红色预警项目${input.redWarningProjects.length}个：${input.redWarningProjects.join('、')}。`,
  );

  const title = `${input.year}年${range}全区重点项目投资进展情况通报`;
  return { title, paragraphs, text: [title, ...paragraphs].join('\n\n') };
}

export interface RankedDepartment {
  name: string;
  /** % of plan, 1 decimal, half up */
  percent: string;
}

/**
 * Leading: the top `count` departments by exact % of plan (descending); lagging: the bottom `count` of the
 * others (ascending, worst first). Ties: larger YTD first among the leading, smaller among the lagging, then
 * input order. Departments with no plan are left out.
 */
export function rankDepartments(
  departments: readonly BulletinDepartmentInput[],
  count: number,
): { leading: RankedDepartment[]; lagging: RankedDepartment[] } {
  const rows = departments
    .map((d, index) => ({ d, index, plan: new Decimal(d.annualPlan), ytd: new Decimal(d.ytd) }))
    .filter((r) => r.plan.greaterThan(0))
    .map((r) => ({ ...r, percent: r.ytd.times(100).dividedBy(r.plan) }));
  const desc = [...rows].sort(
    (a, b) => b.percent.comparedTo(a.percent) || b.ytd.comparedTo(a.ytd) || a.index - b.index,
  );
  const leading = desc.slice(0, count);
  const rest = rows.filter((r) => !leading.includes(r));
  const lagging = rest
    .sort((a, b) => a.percent.comparedTo(b.percent) || a.ytd.comparedTo(b.ytd) || a.index - b.index)
    .slice(0, count);
  const out = (r: (typeof rows)[number]): RankedDepartment => ({
    name: r.d.name,
    percent: r.percent.toFixed(1, Decimal.ROUND_HALF_UP),
  });
  return { leading: leading.map(out), lagging: lagging.map(out) };
}
