import Decimal from 'decimal.js';
import type { ReportStatus, Stage } from '@/generated/prisma/enums';
import { parseDateOnly } from '@/lib/domain/date-only';
import { daysOverdue } from '@/lib/domain/deadlines';
import { assertMonth } from '@/lib/domain/pace';
import { REPORT_FLAG_CODES } from '@/lib/domain/report-checks';

/**
 * Red / yellow warnings (issue 6, "Warnings"). Each rule is a pure function returning a Warning or null; every
 * warning carries a message (an i18n key under `warnings.*` with its figures) saying in words why it fired.
 *
 * Thresholds are "at or beyond": a project exactly 30 points behind with a red line of 30 is red; exactly 3
 * months late is red; exactly 10 days overdue is red.
 */

export type WarningSeverity = 'red' | 'yellow';

export type WarningRule = 'paceBehind' | 'notStartedOnTime' | 'noReportByDeadline' | 'reportFlag';

export interface WarningMessage {
  key: string;
  params: Record<string, string | number>;
}

export interface Warning {
  level: WarningSeverity;
  rule: WarningRule;
  message: WarningMessage;
}

/** PlanYear.paceYellowPoints / paceRedPoints defaults (percentage points behind 序时进度). */
export const DEFAULT_PACE_YELLOW_POINTS = '10';
export const DEFAULT_PACE_RED_POINTS = '30';
/** A new start this many months or more past its planned start month without starting is red (1–2 yellow). */
export const NOT_STARTED_RED_MONTHS = 3;
/** A missing / draft / returned report this many days or more past the deadline is red (1–9 days yellow). */
export const NO_REPORT_RED_DAYS = 10;

export interface PaceThresholds {
  /** points behind 序时进度 at or beyond which a project is yellow; > 0 */
  yellowPoints: string | number;
  /** points behind at or beyond which it is red; ≥ yellowPoints */
  redPoints: string | number;
}

/** The thresholds of a plan year (Prisma Decimals pass as their strings), or the defaults 10 / 30. */
export function paceThresholds(planYear?: {
  paceYellowPoints?: string | number | { toString(): string } | null;
  paceRedPoints?: string | number | { toString(): string } | null;
}): { yellowPoints: string; redPoints: string } {
  const t = {
    yellowPoints: planYear?.paceYellowPoints?.toString() ?? DEFAULT_PACE_YELLOW_POINTS,
    redPoints: planYear?.paceRedPoints?.toString() ?? DEFAULT_PACE_RED_POINTS,
  };
  assertThresholds(t);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Pace behind 序时进度

export interface PaceBehindInput extends PaceThresholds {
  /** % of annual plan as a decimal string (e.g. "53.2"); null when the project has no annual plan */
  percentOfPlan: string | null;
  /** 序时进度 as a percentage string (e.g. "83.33", from pacePercent) */
  pacePercent: string;
}

/**
 * Behind 序时进度 by `redPoints` or more → red; by `yellowPoints` or more → yellow; otherwise (and with no annual
 * plan) null. The comparison is exact on the figures given: pass the unrounded % of plan (percentOf without
 * decimals). Use paceBehindOfPlan to compare exactly against N/12, as the projects list does in SQL.
 *
 * Message `warnings.paceBehind`: percentOfPlan and pacePercent (2 decimals, half up), points behind (2 decimals,
 * rounded down, so a yellow 29.999 never reads "30.00" beside a red line of 30), threshold (the line reached).
 */
export function paceBehind(input: PaceBehindInput): Warning | null {
  assertThresholds(input);
  if (input.percentOfPlan === null) return null;
  const behind = new Decimal(input.pacePercent).minus(input.percentOfPlan);
  return paceWarning(behind, new Decimal(input.percentOfPlan), new Decimal(input.pacePercent), input);
}

export interface PaceBehindOfPlanInput extends PaceThresholds {
  /** 1-N月累计完成投资, 万元 */
  ytd: string;
  /** 年度计划投资, 万元; null or 0 → no pace warning (前期 projects, projects without a plan) */
  annualPlan: string | null;
  /** N: the month the YTD runs through, 0–12 */
  month: number;
}

/**
 * The same rule on the amounts, exact against N/12 with no rounding anywhere: behind ≥ points is tested as
 * N·100·plan − 1200·ytd ≥ 12·points·plan (both sides multiplied by 12·plan > 0), exactly as the projects list's
 * SQL does, so the list and the dashboard always agree at the boundary.
 */
export function paceBehindOfPlan(input: PaceBehindOfPlanInput): Warning | null {
  assertThresholds(input);
  assertMonth(input.month, 0);
  if (input.annualPlan === null) return null;
  const plan = new Decimal(input.annualPlan);
  if (!plan.greaterThan(0)) return null;
  const ytd = new Decimal(input.ytd);
  const scaledBehind = new Decimal(input.month).times(100).times(plan).minus(ytd.times(1200)); // = 12·plan·behind
  const reaches = (points: string | number) =>
    scaledBehind.greaterThanOrEqualTo(new Decimal(points).times(12).times(plan));
  const level: WarningSeverity | null = reaches(input.redPoints)
    ? 'red'
    : reaches(input.yellowPoints)
      ? 'yellow'
      : null;
  if (level === null) return null;
  const percent = ytd.times(100).dividedBy(plan);
  const pace = new Decimal(input.month).times(100).dividedBy(12);
  return pacePayload(level, scaledBehind.dividedBy(plan.times(12)), percent, pace, input);
}

function paceWarning(behind: Decimal, percent: Decimal, pace: Decimal, t: PaceThresholds): Warning | null {
  const level: WarningSeverity | null = behind.greaterThanOrEqualTo(t.redPoints)
    ? 'red'
    : behind.greaterThanOrEqualTo(t.yellowPoints)
      ? 'yellow'
      : null;
  return level === null ? null : pacePayload(level, behind, percent, pace, t);
}

function pacePayload(
  level: WarningSeverity,
  behind: Decimal,
  percent: Decimal,
  pace: Decimal,
  t: PaceThresholds,
): Warning {
  return {
    level,
    rule: 'paceBehind',
    message: {
      key: 'warnings.paceBehind',
      params: {
        percentOfPlan: percent.toFixed(2, Decimal.ROUND_HALF_UP),
        pacePercent: pace.toFixed(2, Decimal.ROUND_HALF_UP),
        points: behind.toFixed(2, Decimal.ROUND_DOWN),
        threshold: new Decimal(level === 'red' ? t.redPoints : t.yellowPoints).toString(),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// New start not started on time

export interface NotStartedOnTimeInput {
  stage: Stage;
  /** 计划开工时间 "YYYY-MM-DD"; null → no rule (nothing to be late against) */
  plannedStart: string | null;
  /** 实际开工时间 "YYYY-MM-DD", null while not started */
  actualStart: string | null;
  /** the month being assessed (the reporting month) */
  asOf: { year: number; month: number };
}

/**
 * A 新开工 project not started by its planned month. Months late = asOf month − planned start month (calendar
 * months, day ignored): 0 or less → not yet late (it still has its planned month) → null; 1–2 → yellow;
 * NOT_STARTED_RED_MONTHS (3) or more → red. A project counts as started when actualStart falls in or before the
 * asOf month. Other stages → null.
 *
 * Message `warnings.notStartedOnTime`: plannedYear, plannedMonth, asOfYear, asOfMonth, monthsLate.
 */
export function notStartedOnTime(input: NotStartedOnTimeInput): Warning | null {
  assertMonth(input.asOf.month);
  assertInteger(input.asOf.year, 'asOf.year', 1900, 9999);
  const planned = input.plannedStart === null ? null : parseDateOnly(input.plannedStart);
  const actual = input.actualStart === null ? null : parseDateOnly(input.actualStart);
  if (input.stage !== 'NEW_START' || planned === null) return null;
  const asOfIndex = input.asOf.year * 12 + input.asOf.month;
  if (actual !== null && actual.year * 12 + actual.month <= asOfIndex) return null;
  const monthsLate = asOfIndex - (planned.year * 12 + planned.month);
  if (monthsLate < 1) return null;
  return {
    level: monthsLate >= NOT_STARTED_RED_MONTHS ? 'red' : 'yellow',
    rule: 'notStartedOnTime',
    message: {
      key: 'warnings.notStartedOnTime',
      params: {
        plannedYear: planned.year,
        plannedMonth: planned.month,
        asOfYear: input.asOf.year,
        asOfMonth: input.asOf.month,
        monthsLate,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// No report by the deadline

export interface NoReportByDeadlineInput {
  /** the status of the project's report for the month; null when none was started */
  status: ReportStatus | null;
  /** the month's deadline "YYYY-MM-DD" (reportDeadline in lib/domain/deadlines.ts) */
  deadline: string;
  /** today in Chongqing "YYYY-MM-DD" (chongqingToday) */
  today: string;
}

/**
 * The month's report still for the department to do (missing, draft or returned — as on the deadline board)
 * after the deadline: 1–9 days overdue → yellow, NO_REPORT_RED_DAYS (10) or more → red. On the deadline day
 * itself (0 days overdue) → null; submitted or approved → null. Days as daysOverdue in lib/domain/deadlines.ts.
 *
 * Message `warnings.noReportByDeadline.{missing|draft|returned}`: deadline, daysOverdue.
 */
export function noReportByDeadline(input: NoReportByDeadlineInput): Warning | null {
  const overdue = daysOverdue(input.deadline, input.today); // validates both dates
  const state =
    input.status === null
      ? 'missing'
      : input.status === 'DRAFT'
        ? 'draft'
        : input.status === 'RETURNED'
          ? 'returned'
          : null;
  if (state === null || overdue < 1) return null;
  return {
    level: overdue >= NO_REPORT_RED_DAYS ? 'red' : 'yellow',
    rule: 'noReportByDeadline',
    message: {
      key: `warnings.noReportByDeadline.${state}`,
      params: { deadline: input.deadline, daysOverdue: overdue },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Anomalies flagged at entry

export const REPORT_WARNING_FLAG_CODES = REPORT_FLAG_CODES;

/**
 * The entry-check flags on the month's report (REPORT_FLAG_CODES): one warning per distinct flag, yellow, except
 * cumulativeAboveTotal which is red (the project's 总投资 needs revising, 调整概算, whatever the explanation). In the order of REPORT_WARNING_FLAG_CODES. An unknown code is a bug in the
 * caller → RangeError.
 *
 * Message `warnings.reportFlag.<code>`, no params (the figures are on the report's own flag message).
 */
export function reportFlags(flags: readonly string[]): Warning[] {
  for (const flag of flags) {
    if (!(REPORT_WARNING_FLAG_CODES as readonly string[]).includes(flag))
      throw new RangeError(`unknown report flag: ${flag}`);
  }
  return REPORT_WARNING_FLAG_CODES.filter((code) => flags.includes(code)).map((code) => ({
    level: code === 'cumulativeAboveTotal' ? 'red' : 'yellow',
    rule: 'reportFlag',
    message: { key: `warnings.reportFlag.${code}`, params: {} },
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// A project's warnings

export interface ProjectWarningInput {
  stage: Stage;
  /** 年度计划投资, 万元; null for 前期 projects */
  annualPlan: string | null;
  /** 1-N月累计完成投资 through paceMonth, 万元 */
  ytd: string;
  /** N, the month the YTD runs through (0–12) */
  paceMonth: number;
  /** thresholds of the plan year; defaults 10 / 30 */
  thresholds?: PaceThresholds;
  plannedStart: string | null;
  actualStart: string | null;
  /** the reporting month, for the start rule */
  asOf: { year: number; month: number };
  /** the month's report and its deadline; null to skip the rule (e.g. a month not yet open) */
  report: NoReportByDeadlineInput | null;
  /** entry-check flags on the month's report */
  flags: readonly string[];
}

/**
 * Every rule on one project, red first; within a level in rule order (pace, start, report, flags). The pace
 * rule uses paceBehindOfPlan (exact, same as the projects list); 前期 projects get no pace warning.
 */
export function evaluateProject(input: ProjectWarningInput): Warning[] {
  const thresholds = input.thresholds ?? paceThresholds();
  const warnings: Warning[] = [];
  const pace =
    input.stage === 'PRELIMINARY'
      ? null
      : paceBehindOfPlan({ ...thresholds, ytd: input.ytd, annualPlan: input.annualPlan, month: input.paceMonth });
  const start = notStartedOnTime(input);
  const report = input.report === null ? null : noReportByDeadline(input.report);
  for (const w of [pace, start, report]) if (w !== null) warnings.push(w);
  warnings.push(...reportFlags(input.flags));
  return sortWarnings(warnings);
}

/** Red first, otherwise in the order given (stable). */
export function sortWarnings(warnings: readonly Warning[]): Warning[] {
  return [...warnings.filter((w) => w.level === 'red'), ...warnings.filter((w) => w.level === 'yellow')];
}

/** The worst level among warnings: 'red', 'yellow', or 'none' (the projects list's WarningLevel). */
export function worstLevel(warnings: readonly Warning[]): WarningSeverity | 'none' {
  if (warnings.some((w) => w.level === 'red')) return 'red';
  return warnings.length > 0 ? 'yellow' : 'none';
}

// ---------------------------------------------------------------------------------------------------------------

function assertThresholds(t: PaceThresholds): void {
  const yellow = new Decimal(t.yellowPoints);
  const red = new Decimal(t.redPoints);
  if (!yellow.greaterThan(0)) throw new RangeError(`yellowPoints must be above 0: ${t.yellowPoints}`);
  if (red.lessThan(yellow)) throw new RangeError(`redPoints ${t.redPoints} is below yellowPoints ${t.yellowPoints}`);
}

function assertInteger(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}: ${value}`);
  }
}
