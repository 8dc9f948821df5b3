/**
 * What the annual report (年度计划执行情况报告, issue 19 item 5) is drafted from: plain data, money in 万元 as exact
 * decimal strings (lib/server/plan/annual-report-figures.ts reads it from the database). Types only.
 */
import type { Direction, IndicatorNature, InvestorType, Stage } from '@/generated/prisma/enums';
import type { IndicatorStatus } from '@/lib/domain/indicators/status';

/** One stage of the year's plan at December. */
export interface AnnualStageFigures {
  stage: Stage;
  projectCount: number;
  /** 年度计划投资, 万元; "0.00" for 前期 */
  annualPlan: string;
  /** 1-12月累计完成投资, 万元 */
  completed: string;
}

/** The year's key projects at December, as the rollup (or the closed year's snapshot) has them. */
export interface AnnualExecutionFigures {
  /** all projects, 前期 included */
  projectCount: number;
  /** the construction projects (完工, 续建, 新开工): the plan's investment */
  construction: { count: number; annualPlan: string; completed: string };
  stages: AnnualStageFigures[];
  /** 开工率: 新开工 projects started by 31 December ÷ planned */
  starts: { planned: number; started: number };
  /** 竣工率: 完工 projects completed by 31 December ÷ planned */
  completions: { planned: number; completed: number };
  /** 前期 projects marked ready to start */
  readyToStart: number;
}

/** The year's coordination problems at 31 December (or at the day the figures were taken, if earlier). */
export interface AnnualProblemFigures {
  /** "YYYY-MM-DD": 31 December, or the day the figures were taken if that came first */
  asOf: string;
  total: number;
  closed: number;
  overdue: number;
  supervisedOverdue: number;
}

/** An indicator of the report's year (附件1): target and outcome. */
export interface AnnualIndicator {
  seq: number;
  category: string;
  name: string;
  unit: string;
  nature: IndicatorNature;
  targetText: string;
  /** the latest approved actual: its value as the source gives it and its period; null without one */
  outcome: { value: string; period: number; periodsPerYear: number } | null;
  status: IndicatorStatus;
}

/** An indicator of the next year's plan (附件2): its target. */
export interface NextYearIndicator {
  seq: number;
  category: string;
  name: string;
  unit: string;
  nature: IndicatorNature;
  /** the report year's outcome as entered with the new plan (text, e.g. "＞29", "预计完成") */
  previousOutcome: string;
  targetText: string;
}

/** A cut of the next year's construction projects (by investor or direction). */
export interface PlanCut<K extends string> {
  key: K;
  projectCount: number;
  /** 万元 */
  annualPlan: string;
}

/** The next year's plan as entered: what section 二(三) 重点项目安排 says. */
export interface NextYearPlanFigures {
  projectCount: number;
  construction: { count: number; annualPlan: string };
  stages: { stage: Stage; projectCount: number; annualPlan: string }[];
  investors: PlanCut<InvestorType>[];
  directions: PlanCut<Direction>[];
}

export interface AnnualReportFigures {
  year: number;
  /** true: a closed year, figures from its snapshot; false: the closing year's live December figures (a draft) */
  final: boolean;
  execution: AnnualExecutionFigures;
  /** null where the year has no problem records at all is not the same as 0: the paragraph is then left out */
  problems: AnnualProblemFigures | null;
  indicators: AnnualIndicator[];
  nextYear: {
    year: number;
    /** null: the next year's plan is not in Keystone yet (the paragraph is a marked placeholder) */
    plan: NextYearPlanFigures | null;
    /** empty: the next year's targets are not in Keystone yet (the report year's indicators are listed, targets blank) */
    indicators: NextYearIndicator[];
  };
}
