/**
 * The shapes of the dashboard's rollup (lib/server/dashboard/get-rollup.ts computes them): its basis, options, cuts
 * and months. Types only, so pages and components can name them without pulling in the query.
 */
import type { Direction, InvestorType, MilestoneKind, Stage } from '@/generated/prisma/enums';

/**
 * Which reports the figures count. Official figures count approved reports only (a reopened report keeps its
 * approved version until the correction is approved); "submitted" adds what departments have submitted and the
 * bureau has not reviewed yet, and is always labelled as such.
 */
export type RollupBasis = 'approved' | 'submitted';

/** One line of a breakdown: the projects of a stage, investor type, direction, department or area. */
export interface RollupCut<K extends string | number = string> {
  key: K;
  /** a department's or area's name; enum cuts are labelled at the edge, in the reader's language */
  label: string;
  count: number;
  /** 万元, exact strings summed by PostgreSQL */
  annualPlan: string;
  completed: string;
  /** completed ÷ annual plan × 100 (2 decimals); null without a plan (前期) */
  percent: string | null;
}

export interface DepartmentCut extends RollupCut<number> {
  /** reports of months 1…N submitted by their deadline ÷ reports due, × 100 */
  onTimePercent: string | null;
  reportsDue: number;
  reportsOnTime: number;
}

export interface RollupMonth {
  month: number;
  planned: string;
  /** null after the rollup month */
  actual: string | null;
}

export interface Rollup {
  year: number;
  month: number;
  basis: RollupBasis;
  /** the plan year's reporting month: the latest month a rollup can be asked for */
  currentMonth: number;
  projectCount: number;
  /** 年度计划投资, 万元 */
  annualPlan: string;
  /** 1–N月累计完成投资, 万元 */
  completed: string;
  percentOfPlan: string;
  /** 序时进度 N/12 × 100 */
  pacePercent: string;
  /**
   * the gap to 序时进度 in percentage points, signed, one decimal: from the unrounded figures, rounded once, as
   * bulletins print it (paceGapPoints); without a plan, as if nothing of it were done
   */
  gapPoints: string;
  byStage: RollupCut<Stage>[];
  /** 开工率: new starts actually started by the end of the month ÷ new starts planned */
  starts: { planned: number; started: number; percent: string | null };
  /** 竣工率: completions done by the end of the month ÷ completions planned */
  completions: { planned: number; completed: number; percent: string | null };
  /**
   * The construction projects (完工, 续建, 新开工): what the plan report's 247.8亿 and its investor and direction
   * cuts count (domain.md, "Counting rule"). 前期 projects are byStage's PRELIMINARY line.
   */
  construction: { count: number; annualPlan: string; completed: string; percent: string | null };
  /** construction projects only (市级 23 / 社会 42 / 区级 201 on the 2025 plan); 前期 projects are not in any line */
  byInvestor: RollupCut<InvestorType>[];
  /** construction projects only, as byInvestor */
  byDirection: RollupCut<Direction>[];
  byDepartment: DepartmentCut[];
  byArea: RollupCut[];
  preliminary: { total: number; milestones: { kind: MilestoneKind; reached: number }[]; readyToStart: number };
  /** the S-curve: each month's planned and actual investment */
  monthly: RollupMonth[];
  /** the plan year's pace-warning lines, points behind 序时进度 */
  thresholds: { yellowPoints: string; redPoints: string };
  /**
   * 同比: the same months of the previous plan year, same basis; null when that year is not in Keystone. (A rollup
   * frozen in a bulletin before 同比 existed has no such field: read it with `?.`.)
   */
  yearOnYear: YearOnYear | null;
}

/** 1-N月 completed in the previous plan year, and this year's growth over it (lib/domain/year-on-year.ts). */
export interface YearOnYear {
  previousYear: number;
  /** the previous year's 1-N月 completed, 万元 */
  previousCompleted: string;
  /** 同比增长率 in percent, one decimal, signed; null when the previous year completed nothing in those months */
  percent: string | null;
  /** the same by stage, each year's stage as it was planned that year (完工, 续建, 新开工, 前期) */
  byStage: { stage: Stage; previousCompleted: string; percent: string | null }[];
}

export interface RollupOptions {
  year: number;
  /** 1–12; defaults to the last closed month (currentMonth − 1), the month official figures are published for */
  month?: number;
  basis?: RollupBasis;
  /** one department's projects only (the drill-down's line and totals); the whole district when absent */
  departmentId?: number;
}
