import 'server-only';
/**
 * The report workflow's state changes, set-based so that approving a district's month (hundreds of reports) is
 * one UPDATE, not hundreds.
 *
 *   missing ─save→ DRAFT ─submit→ SUBMITTED ─approve→ APPROVED ─reopen→ RETURNED (approved figure kept)
 *                  RETURNED ─submit→ ┘      └─return→ RETURNED
 *
 * Every change names the version the user read; the rows are locked, checked and updated in the action's
 * transaction, so a change committed by someone else in between refuses the whole batch: nothing half-applies.
 */
import { Prisma } from '@/generated/prisma/client';
import type { ReportStatus } from '@/generated/prisma/enums';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import { lockPlanYears, type LockedPlanYear } from '@/lib/server/admin/plan-year-lock';
import { toAuditRecord, type AuditEntry, type Tx } from '@/lib/server/audit';
import { NotFoundError } from '@/lib/server/errors';
import { closedYearFactConflict } from '@/lib/server/projects/closed-year-guard';
import { notifyBureau, notifyDepartment } from '@/lib/server/notifications/notify';
import { milestoneUpdatesOf } from '@/lib/validations/report';
import type { WriteContext } from '@/lib/server/write-context';
import { reportConflict, type ReportConflict } from './report-conflict';

export const EDITABLE: readonly ReportStatus[] = ['DRAFT', 'RETURNED'];

export async function refuse(tx: Tx, conflict: ReportConflict): Promise<never> {
  throw await reportConflict(tx, conflict);
}

/**
 * Reports are written against an open plan year only: a closed year's figures are final. The status is read under
 * the same share lock assertPlanYearOpen takes (lockPlanYears), so a close racing a save or an approval either
 * waits for it or is seen: a report write can never land in a year that closed before it committed.
 */
export async function requireOpenYears(tx: Tx, planYearIds: readonly number[]): Promise<Map<number, LockedPlanYear>> {
  const locked = await lockPlanYears(tx, planYearIds);
  for (const planYear of [...locked.values()].sort((a, b) => a.year - b.year)) {
    if (planYear.status === 'CLOSED') await refuse(tx, { kind: 'yearClosed', year: planYear.year });
    if (planYear.status !== 'ACTIVE') await refuse(tx, { kind: 'yearNotOpen', year: planYear.year });
  }
  if (planYearIds.some((id) => !locked.has(id))) throw new NotFoundError('plan year');
  return locked;
}

const LOADED = {
  id: true,
  version: true,
  status: true,
  month: true,
  investedThisMonth: true,
  approvedInvested: true,
  progressText: true,
  percentComplete: true,
  actualStart: true,
  actualCompletion: true,
  problems: true,
  coordinationNeeded: true,
  nextSteps: true,
  blockers: true,
  readyToStart: true,
  milestoneUpdates: true,
  flags: true,
  submittedById: true,
  submittedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewComment: true,
  plan: {
    select: {
      project: {
        select: {
          id: true,
          name: true,
          departmentId: true,
          actualStart: true,
          actualCompletion: true,
          department: { select: { name: true } },
        },
      },
      planYear: { select: { id: true, year: true } },
    },
  },
} as const satisfies Prisma.MonthlyReportSelect;

type LoadedReport = Prisma.MonthlyReportGetPayload<{ select: typeof LOADED }>;

/**
 * Loads the reports the user acted on and authorizes every one before anything else is looked at: one report of
 * another department refuses the batch exactly like a missing id.
 */
async function loadAuthorized<I>(ctx: WriteContext<I>, ids: readonly number[]): Promise<LoadedReport[]> {
  const rows = await ctx.tx.monthlyReport.findMany({ where: { id: { in: [...ids] } }, select: LOADED });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const report = byId.get(id);
    const owner: { departmentId: number } | null = report ? { departmentId: report.plan.project.departmentId } : null;
    ctx.authorize(owner, 'report');
    if (!report) throw new NotFoundError('report');
    return report;
  });
}

export type TransitionKind = 'submit' | 'approve' | 'return' | 'reopen';

const FROM: Record<TransitionKind, readonly ReportStatus[]> = {
  submit: EDITABLE,
  approve: ['SUBMITTED'],
  return: ['SUBMITTED'],
  reopen: ['APPROVED'],
};
const TO: Record<TransitionKind, ReportStatus> = {
  submit: 'SUBMITTED',
  approve: 'APPROVED',
  return: 'RETURNED',
  reopen: 'RETURNED',
};

export interface TransitionResult {
  reportId: number;
  version: number;
  status: ReportStatus;
}

/**
 * Moves every named report from an allowed state to the next, or none of them. `comment` is the return comment
 * or the reopening reason.
 */
export async function transitionReports<I>(
  ctx: WriteContext<I>,
  kind: TransitionKind,
  items: readonly { reportId: number; version: number }[],
  comment: string | null = null,
): Promise<TransitionResult[]> {
  const { tx, actor } = ctx;
  const ids = items.map((i) => i.reportId);
  if (new Set(ids).size !== ids.length) throw new NotFoundError('report');
  const reports = await loadAuthorized(ctx, ids);

  // Lock in id order (two bulk approvals never deadlock), then check what the user saw is still what is stored.
  const locked = await tx.$queryRaw<{ id: number; version: number; status: ReportStatus }[]>`
    SELECT id, version, status FROM "MonthlyReport" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  const current = new Map(locked.map((r) => [r.id, r]));
  await requireOpenYears(tx, reports.map((r) => r.plan.planYear.id));
  if (kind === 'approve') await refuseFactsInClosedYears(tx, reports);
  const stale = items.filter((i) => current.get(i.reportId)?.version !== i.version);
  if (stale.length === 1 && items.length === 1) await refuse(tx, { kind: 'stale', reportId: stale[0]!.reportId });
  if (stale.length > 0) await refuse(tx, { kind: 'staleBatch', count: stale.length });
  const wrongState = reports.filter((r) => !FROM[kind].includes(current.get(r.id)!.status));
  if (wrongState.length > 0) {
    const first = wrongState[0]!;
    const status = current.get(first.id)!.status;
    await refuse(tx, {
      kind: kind === 'submit' ? 'notSubmittable' : kind === 'reopen' ? 'notReopenable' : 'notReviewable',
      status,
      project: items.length > 1 ? first.plan.project.name : undefined,
    });
  }

  const now = new Date();
  const sets: Record<TransitionKind, Prisma.Sql> = {
    submit: Prisma.sql`"submittedById" = ${actor.id}, "submittedAt" = ${now}`,
    // An earlier return's comment has been answered (the trail keeps it); the approved figure is what rollups use.
    approve: Prisma.sql`"reviewedById" = ${actor.id}, "reviewedAt" = ${now}, "reviewComment" = NULL,
                        "approvedInvested" = r."investedThisMonth"`,
    return: Prisma.sql`"reviewedById" = ${actor.id}, "reviewedAt" = ${now}, "reviewComment" = ${comment}`,
    // The approved figure stays official until the correction is approved.
    reopen: Prisma.sql`"reviewedById" = ${actor.id}, "reviewedAt" = ${now}, "reviewComment" = ${comment}`,
  };
  if (kind === 'reopen') await keepApprovedVersions(tx, reports, actor.id, now, comment ?? '');

  const updated = await tx.$executeRaw`
    UPDATE "MonthlyReport" AS r
       SET status = ${TO[kind]}::"ReportStatus", ${sets[kind]}, version = r.version + 1, "updatedAt" = ${now}
      FROM unnest(${ids}::int[], ${items.map((i) => i.version)}::int[]) AS v(id, version)
     WHERE r.id = v.id AND r.version = v.version`;
  if (updated !== items.length) await refuse(tx, { kind: 'staleBatch', count: items.length - updated });

  await ctx.auditMany(reports.map((report) => auditOf(kind, report, actor.id, now, comment)));
  if (kind === 'approve') await applyApprovedFacts(ctx, reports);
  await notify(tx, kind, reports, comment);

  return reports.map((r) => ({ reportId: r.id, version: current.get(r.id)!.version + 1, status: TO[kind] }));
}

function auditOf(
  kind: TransitionKind,
  report: LoadedReport,
  actorId: number,
  now: Date,
  comment: string | null,
): AuditEntry {
  const after: Record<string, unknown> = { status: TO[kind] };
  const before: Record<string, unknown> = { status: report.status };
  if (kind === 'submit') {
    Object.assign(before, { submittedById: report.submittedById, submittedAt: report.submittedAt });
    Object.assign(after, { submittedById: actorId, submittedAt: now });
  } else {
    Object.assign(before, { reviewedById: report.reviewedById, reviewedAt: report.reviewedAt, reviewComment: report.reviewComment });
    Object.assign(after, { reviewedById: actorId, reviewedAt: now, reviewComment: kind === 'approve' ? null : comment });
  }
  if (kind === 'approve') {
    before.approvedInvested = report.approvedInvested;
    after.approvedInvested = report.investedThisMonth;
  }
  return {
    action: `report.${kind}`,
    entity: 'MonthlyReport',
    entityId: report.id,
    before: toAuditRecord(before),
    after: toAuditRecord(after),
    reason: kind === 'return' || kind === 'reopen' ? comment : null,
  };
}

/** Reopening keeps the approved version whole, so "as reported" and "as revised" can both be shown. */
async function keepApprovedVersions(tx: Tx, reports: readonly LoadedReport[], actorId: number, now: Date, reason: string) {
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
async function refuseFactsInClosedYears(tx: Tx, reports: readonly LoadedReport[]) {
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
 * and the preliminary milestones it reached. Until approval they are the department's claim only.
 */
async function applyApprovedFacts<I>(ctx: WriteContext<I>, reports: readonly LoadedReport[]) {
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
        before: before ? toAuditRecord({ kind: update.kind, status: before.status, actualDate: before.actualDate }) : null,
        after: toAuditRecord({ kind: update.kind, status: after.status, actualDate: after.actualDate }),
        reason: `MonthlyReport #${report.id}`,
      });
    }
  }
  await ctx.auditMany(entries);
}

function sameDay(a: Date | null, b: Date | null): boolean {
  return a !== null && b !== null && a.getTime() === b.getTime();
}

/** One notification per department and month, whatever the size of the batch. */
async function notify(tx: Tx, kind: TransitionKind, reports: readonly LoadedReport[], comment: string | null) {
  if (kind === 'approve') return;
  const groups = new Map<string, LoadedReport[]>();
  for (const r of reports) {
    const key = `${r.plan.project.departmentId}:${r.plan.planYear.year}:${r.month}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const { year } = first.plan.planYear;
    const params = {
      department: first.plan.project.department.name,
      year,
      month: first.month,
      count: group.length,
      ...(group.length === 1 ? { project: first.plan.project.name } : {}),
      ...(comment ? { comment } : {}),
    };
    if (kind === 'submit') {
      await notifyBureau(tx, 'REPORTS_SUBMITTED', params,
        `/reports/review?year=${year}&month=${first.month}&department=${first.plan.project.departmentId}`);
    } else {
      const link = `/reports?year=${year}&month=${first.month}`;
      await notifyDepartment(tx, first.plan.project.departmentId, kind === 'return' ? 'REPORT_RETURNED' : 'REPORT_REOPENED', params, link);
    }
  }
}
