import 'server-only';
import type { MilestoneKind, MilestoneStatus, PlanYearStatus, ReportStatus, Stage } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import { milestoneUpdatesOf, type MilestoneUpdate } from '@/lib/validations/report';
import { REPORT_CONTENT } from './loaded-report';

export interface BatchEntryReport {
  id: number;
  version: number;
  status: ReportStatus;
  investedThisMonth: string;
  progressText: string;
  percentComplete: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  explanation: string;
  blockers: string;
  readyToStart: boolean | null;
  milestoneUpdates: MilestoneUpdate[];
  flags: string[];
  reviewComment: string | null;
}

export interface BatchEntryRow {
  planId: number;
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  /** 万元, exact; null for 前期 */
  annualPlan: string | null;
  totalInvestment: string;
  /** this year's reported months before this one, whatever their status: the department's own running figure */
  priorYtd: string;
  /** the project's recorded dates (approved reports or the bureau's edits) */
  projectActualStart: string | null;
  projectActualCompletion: string | null;
  report: BatchEntryReport | null;
  /** last month's 形象进度 and 下步计划, to start this month's from */
  previous: { progressText: string; nextSteps: string; percentComplete: string | null } | null;
  milestones: { kind: MilestoneKind; status: MilestoneStatus; actualDate: string | null }[];
  /** the project's problems not yet closed (a department sees every problem of its own projects) */
  openProblems: number;
}

export interface BatchEntry {
  year: number;
  month: number;
  currentMonth: number;
  planYearStatus: PlanYearStatus;
  departmentName: string;
  rows: BatchEntryRow[];
}

/**
 * One department's month on one screen: every project of the department that has a plan in the year, its report
 * for the month (or none yet) and what the entry needs beside it. Only the department's own users enter figures,
 * so the read is scoped by `report.edit`.
 */
export async function getBatchEntry(
  db: Db,
  actor: Actor,
  options: { year?: number; month?: number },
): Promise<BatchEntry> {
  const scope = departmentScope(actor, 'report.edit');
  if (scope.departmentId === undefined) throw new NotFoundError('department');
  const planYear = await db.planYear.findFirst({
    where: options.year ? { year: options.year } : { status: 'ACTIVE' },
    orderBy: { year: 'desc' },
    select: { id: true, year: true, currentMonth: true, status: true },
  });
  if (!planYear) throw new NotFoundError('planYear');
  const month = options.month ?? planYear.currentMonth;
  if (month < 1 || month > 12) throw new NotFoundError('month');
  const department = await db.department.findUnique({ where: { id: scope.departmentId }, select: { name: true } });
  if (!department) throw new NotFoundError('department');

  const plans = await db.projectPlan.findMany({
    where: { planYearId: planYear.id, project: { departmentId: scope.departmentId } },
    orderBy: [{ project: { name: 'asc' } }],
    select: {
      id: true,
      stage: true,
      annualPlan: true,
      project: {
        select: {
          id: true,
          code: true,
          name: true,
          totalInvestment: true,
          actualStart: true,
          actualCompletion: true,
          milestones: { select: { kind: true, status: true, actualDate: true }, orderBy: { kind: 'asc' } },
          // open problems (协调问题) of the project, counted in this same query: the row's badge to the ledger
          _count: { select: { problems: { where: { status: { not: 'CLOSED' } } } } },
        },
      },
      reports: {
        where: { month: { lte: month } },
        orderBy: { month: 'asc' },
        select: { id: true, month: true, version: true, status: true, ...REPORT_CONTENT, reviewComment: true },
      },
    },
  });

  const rows = plans.map((plan): BatchEntryRow => {
    const current = plan.reports.find((r) => r.month === month) ?? null;
    const prior = plan.reports.filter((r) => r.month < month);
    const last = prior.at(-1) ?? null;
    return {
      planId: plan.id,
      projectId: plan.project.id,
      code: plan.project.code,
      name: plan.project.name,
      stage: plan.stage,
      annualPlan: plan.annualPlan?.toFixed(2) ?? null,
      totalInvestment: plan.project.totalInvestment.toFixed(2),
      priorYtd: prior.reduce((sum, r) => sum.plus(r.investedThisMonth), plan.project.totalInvestment.mul(0)).toFixed(2),
      projectActualStart: toDateOnly(plan.project.actualStart),
      projectActualCompletion: toDateOnly(plan.project.actualCompletion),
      openProblems: plan.project._count.problems,
      report: current && {
        id: current.id,
        version: current.version,
        status: current.status,
        investedThisMonth: current.investedThisMonth.toFixed(2),
        progressText: current.progressText,
        percentComplete: current.percentComplete?.toFixed(2) ?? null,
        actualStart: toDateOnly(current.actualStart),
        actualCompletion: toDateOnly(current.actualCompletion),
        problems: current.problems,
        coordinationNeeded: current.coordinationNeeded,
        nextSteps: current.nextSteps,
        explanation: current.explanation,
        blockers: current.blockers,
        readyToStart: current.readyToStart,
        milestoneUpdates: milestoneUpdatesOf(current.milestoneUpdates),
        flags: current.flags,
        reviewComment: current.reviewComment,
      },
      previous: last && {
        progressText: last.progressText,
        nextSteps: last.nextSteps,
        percentComplete: last.percentComplete?.toFixed(2) ?? null,
      },
      milestones: plan.project.milestones.map((m) => ({
        kind: m.kind,
        status: m.status,
        actualDate: toDateOnly(m.actualDate),
      })),
    };
  });

  return {
    year: planYear.year,
    month,
    currentMonth: planYear.currentMonth,
    planYearStatus: planYear.status,
    departmentName: department.name,
    rows,
  };
}
