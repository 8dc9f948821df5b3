import 'server-only';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import { toAuditRecord, type AuditEntry, type Tx } from '@/lib/server/audit';
import { closedYearFactConflict } from '@/lib/server/projects/closed-year-guard';
import type { WriteContext } from '@/lib/server/write-context';
import { milestoneUpdatesOf } from '@/lib/validations/report';
import type { LoadedReport } from './loaded-report';
import { refuse } from './report-guards';

/** What approving and reopening a report do besides changing its status. */

/** Reopening keeps the approved version whole, so "as reported" and "as revised" can both be shown. */
export async function keepApprovedVersions(
  tx: Tx,
  reports: readonly LoadedReport[],
  actorId: number,
  now: Date,
  reason: string,
) {
  const counts = await tx.monthlyReportRevision.groupBy({
    by: ['reportId'],
    where: { reportId: { in: reports.map((r) => r.id) } },
    _max: { revision: true },
  });
  const last = new Map(counts.map((c) => [c.reportId, c._max.revision ?? 0]));
  await tx.monthlyReportRevision.createMany({
    data: reports.map((r) => {
      const { plan: _plan, id: _id, version: _version, ...fields } = r;
      return {
        reportId: r.id,
        revision: (last.get(r.id) ?? 0) + 1,
        investedThisMonth: r.investedThisMonth,
        progressText: r.progressText,
        percentComplete: r.percentComplete,
        approvedById: r.reviewedById,
        approvedAt: r.reviewedAt ?? now,
        reopenedById: actorId,
        reopenedAt: now,
        reopenReason: reason,
        snapshot: toAuditRecord(fields),
      };
    }),
  });
}

/**
 * Approval makes a report's dates the project's (applyApprovedFacts), and a closed year counts those dates: a
 * report that would change one on or before a closed year's end is refused whole (lib/domain/closed-years.ts).
 */
export async function refuseFactsInClosedYears(tx: Tx, reports: readonly LoadedReport[]) {
  const conflict = await closedYearFactConflict(
    tx,
    reports.map((r) => ({
      projectId: r.plan.project.id,
      actualStart: toDateOnly(r.actualStart),
      actualCompletion: toDateOnly(r.actualCompletion),
      milestones: milestoneUpdatesOf(r.milestoneUpdates),
    })),
  );
  if (!conflict) return;
  const project = reports.find((r) => r.plan.project.id === conflict.projectId)!.plan.project.name;
  await refuse(tx, { kind: 'closedYearFact', project, year: conflict.year, date: conflict.date });
}

/**
 * What an approved report states as fact becomes the project's record: its actual start and completion dates,
 * and the preliminary milestones it reached. Until approval they are the department's claim only. Returns the
 * audit entries for the caller to write last (see `writeAudit`).
 */
export async function applyApprovedFacts<I>(
  ctx: WriteContext<I>,
  reports: readonly LoadedReport[],
): Promise<AuditEntry[]> {
  const { tx } = ctx;
  const entries: AuditEntry[] = [];
  for (const report of reports) {
    const project = report.plan.project;
    const dates: { actualStart?: Date; actualCompletion?: Date } = {};
    if (report.actualStart && !sameDay(report.actualStart, project.actualStart)) dates.actualStart = report.actualStart;
    if (report.actualCompletion && !sameDay(report.actualCompletion, project.actualCompletion)) {
      dates.actualCompletion = report.actualCompletion;
    }
    if (Object.keys(dates).length > 0) {
      await tx.project.update({ where: { id: project.id }, data: dates });
      entries.push({
        action: 'project.applyReport',
        entity: 'Project',
        entityId: project.id,
        before: toAuditRecord(Object.fromEntries(Object.keys(dates).map((k) => [k, project[k as keyof typeof dates]]))),
        after: toAuditRecord(dates),
        reason: `MonthlyReport #${report.id}`,
      });
    }
    for (const update of milestoneUpdatesOf(report.milestoneUpdates)) {
      const date = fromDateOnly(update.date)!;
      const before = await tx.preliminaryMilestone.findUnique({
        where: { projectId_kind: { projectId: project.id, kind: update.kind } },
        select: { id: true, status: true, actualDate: true },
      });
      if (before?.status === 'DONE' && sameDay(before.actualDate, date)) continue;
      const after = await tx.preliminaryMilestone.upsert({
        where: { projectId_kind: { projectId: project.id, kind: update.kind } },
        create: { projectId: project.id, kind: update.kind, status: 'DONE', actualDate: date },
        update: { status: 'DONE', actualDate: date },
        select: { id: true, status: true, actualDate: true },
      });
      entries.push({
        action: 'milestone.applyReport',
        entity: 'PreliminaryMilestone',
        entityId: after.id,
        before: before
          ? toAuditRecord({ kind: update.kind, status: before.status, actualDate: before.actualDate })
          : null,
        after: toAuditRecord({ kind: update.kind, status: after.status, actualDate: after.actualDate }),
        reason: `MonthlyReport #${report.id}`,
      });
    }
  }
  return entries;
}

function sameDay(a: Date | null, b: Date | null): boolean {
  return a !== null && b !== null && a.getTime() === b.getTime();
}
