import type { MilestoneKind, MilestoneStatus, Stage } from '@/generated/prisma/enums';
import type { MilestoneUpdate, SaveReportDraftInput } from '@/lib/validations/report';

/** A stored report's fields as the forms show them (text, exact amounts as strings). */
export interface StoredReportFields {
  version: number;
  investedThisMonth: string;
  progressText: string;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  explanation: string;
  percentComplete: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  blockers: string;
  readyToStart: boolean | null;
  milestoneUpdates: MilestoneUpdate[];
}

/** A 前期 milestone as the project has it recorded. */
export interface RecordedMilestone {
  kind: MilestoneKind;
  status: MilestoneStatus;
  actualDate: string | null;
}

/**
 * How a month nobody has started yet begins. The project page's form starts blank. Batch entry starts from last
 * month, where most of 形象进度 carries over, and a 前期 project's amount from 0, since it invests nothing yet.
 */
export type NewMonthStart =
  { kind: 'blank' } | { kind: 'carryOver'; previous: { progressText: string; percentComplete: string | null } | null };

export interface ReportDraftSource {
  projectPlanId: number;
  month: number;
  stage: Stage;
  /** the project's recorded dates (approved reports or the bureau's edits), shown until the report has its own */
  projectActualStart: string | null;
  projectActualCompletion: string | null;
  /** null while nobody has started this month's report */
  report: StoredReportFields | null;
  start: NewMonthStart;
}

/** The values a report form starts from: the stored report's, else the month's start; "" for empty. */
export function reportFormDefaults({
  projectPlanId,
  month,
  stage,
  projectActualStart,
  projectActualCompletion,
  report,
  start,
}: ReportDraftSource): SaveReportDraftInput {
  const previous = start.kind === 'carryOver' ? start.previous : null;
  const newAmount = start.kind === 'carryOver' && stage === 'PRELIMINARY' ? '0' : '';
  return {
    projectPlanId,
    month,
    version: report?.version ?? 0,
    investedThisMonth: report?.investedThisMonth ?? newAmount,
    progressText: report?.progressText ?? previous?.progressText ?? '',
    percentComplete: report?.percentComplete ?? previous?.percentComplete ?? '',
    actualStart: report?.actualStart ?? projectActualStart ?? '',
    actualCompletion: report?.actualCompletion ?? projectActualCompletion ?? '',
    problems: report?.problems ?? '',
    coordinationNeeded: report?.coordinationNeeded ?? '',
    nextSteps: report?.nextSteps ?? '',
    explanation: report?.explanation ?? '',
    blockers: report?.blockers ?? '',
    readyToStart:
      report?.readyToStart === null || report?.readyToStart === undefined ? '' : report.readyToStart ? 'true' : 'false',
    milestoneUpdates: report?.milestoneUpdates ?? [],
  };
}

/** The milestones reached this month with one kind's date set, or cleared when the date is empty. */
export function withMilestoneReached(
  updates: readonly MilestoneUpdate[],
  kind: MilestoneKind,
  date: string,
): MilestoneUpdate[] {
  const others = updates.filter((m) => m.kind !== kind);
  return date ? [...others, { kind, date }] : others;
}
