/**
 * Known reporting errors, planted into copies of the demo's monthly reports (issue 14, item 8). Pure and
 * deterministic: a report is the form's values as a department would type them, so the evaluation runs exactly
 * what a save runs (the form's schema, then the entry checks).
 */
import { centsToWan, type Cents } from '@/lib/domain/money';
import type { SeedProject } from '@/prisma/seed/generate';

/** One month of one project, as the entry form would send it, with what the checks are told of the project. */
export interface ReportCase {
  project: SeedProject;
  month: number;
  /** 本月完成投资 as typed */
  investedText: string;
  /** dates as typed (YYYY-MM-DD) or '' */
  actualStart: string;
  actualCompletion: string;
}

export const ERROR_KINDS = [
  'cumulativeFalls',
  'decimalTimes10',
  'decimalTimes100',
  'wanTypedAsYuan',
  'repeatedLastMonth',
  'investmentOnPreliminary',
  'completionBeforeStart',
  'investingAfterCompletion',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const dateOnly = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const amountOf = (p: SeedProject, month: number): Cents => p.reports.find((r) => r.month === month)?.invested ?? 0;

/** The month as the demo holds it: the clean case. */
export function cleanCase(project: SeedProject, month: number): ReportCase {
  const report = project.reports.find((r) => r.month === month);
  return {
    project,
    month,
    investedText: centsToWan(report?.invested ?? 0),
    actualStart: dateOnly(report?.actualStart ?? project.actualStart),
    actualCompletion: dateOnly(report?.actualCompletion ?? null),
  };
}

/**
 * The same month with one error of `kind`, or null when the error cannot happen there (a misplaced decimal point
 * in a month of 0 changes nothing; only a 前期 project can be a 前期 project reporting investment).
 */
export function plantError(kind: ErrorKind, project: SeedProject, month: number): ReportCase | null {
  const clean = cleanCase(project, month);
  const amount = amountOf(project, month);
  const previous = month > 1 ? amountOf(project, month - 1) : 0;
  const built = project.stage !== 'PRELIMINARY';
  switch (kind) {
    case 'cumulativeFalls': {
      // 1-N月累计 typed lower than last month's: the month it implies is negative
      if (!built || month < 2 || previous <= 0) return null;
      return { ...clean, investedText: centsToWan(-Math.max(1, Math.round(previous * 0.3))) };
    }
    case 'decimalTimes10':
    case 'decimalTimes100':
      if (!built || amount <= 0) return null;
      return { ...clean, investedText: centsToWan(amount * (kind === 'decimalTimes10' ? 10 : 100)) };
    case 'wanTypedAsYuan':
      // 120.50万元 typed as 1205000 (元): the figure is 10,000 times too large
      if (!built || amount <= 0) return null;
      return { ...clean, investedText: centsToWan(amount * 10_000) };
    case 'repeatedLastMonth':
      if (!built || previous <= 0 || previous === amount) return null;
      return { ...clean, investedText: centsToWan(previous) };
    case 'investmentOnPreliminary':
      if (built) return null;
      return { ...clean, investedText: centsToWan(Math.max(1_00, Math.round(10_000 * (1 + (month % 7))))) };
    case 'completionBeforeStart': {
      // the year mistyped: 2025 → 2015, before a start in the 2020s
      if (project.stage !== 'COMPLETION' || !clean.actualStart) return null;
      const completion = project.actualCompletion ?? project.plannedCompletion;
      return { ...clean, actualCompletion: `2015${dateOnly(completion).slice(4)}` };
    }
    case 'investingAfterCompletion': {
      // a 完工 project completed in an earlier month reports investment again
      const completed = project.actualCompletion;
      if (project.stage !== 'COMPLETION' || !completed || completed.getUTCMonth() + 1 >= month) return null;
      const typical = Math.round(project.annualPlan! / 12);
      return { ...clean, investedText: centsToWan(Math.max(1_00, typical)), actualCompletion: dateOnly(completed) };
    }
  }
}
