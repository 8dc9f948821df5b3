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
import { toAuditRecord, type AuditEntry, type Tx } from '@/lib/server/audit';
import { unexplainedFlags } from '@/lib/domain/report-checks';
import { now as clockNow } from '@/lib/server/clock';
import { AppError, NotFoundError } from '@/lib/server/errors';
import { notifyBureau, notifyDepartment } from '@/lib/server/notifications/notify';
import type { WriteContext } from '@/lib/server/write-context';
import { applyApprovedFacts, keepApprovedVersions, refuseFactsInClosedYears } from './approval-effects';
import { loadAuthorized, type LoadedReport } from './loaded-report';
import { EDITABLE, refuse, requireOpenYears } from './report-guards';

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
  await requireOpenYears(
    tx,
    reports.map((r) => r.plan.planYear.id),
  );
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

  if (kind === 'submit') refuseUnexplained(reports);

  // business dates (on-time reporting counts submittedAt), so the demo date moves them too
  const now = await clockNow(tx);
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

  const facts = kind === 'approve' ? await applyApprovedFacts(ctx, reports) : [];
  await notify(tx, kind, reports, comment);
  // The audit rows go last: chaining them locks the audit chain's tip until commit (see writeAudit)
  await ctx.auditMany([...reports.map((report) => auditOf(kind, report, actor.id, now, comment)), ...facts]);

  return reports.map((r) => ({ reportId: r.id, version: current.get(r.id)!.version + 1, status: TO[kind] }));
}

/**
 * A flag that needs the department's reason (EXPLANATION_REQUIRED_FLAGS) goes to the bureau only with its 情况说明:
 * the figure is kept, the reason is what the reviewer needs to accept it. The refusal names the project (batch
 * entry shows the message) and sits on the explanation field (the project page's form shows it there).
 */
function refuseUnexplained(reports: readonly LoadedReport[]): void {
  const first = reports.find((r) => unexplainedFlags(r.flags, r.explanation).length > 0);
  if (!first) return;
  const flag = { key: `reports.flagLabels.${unexplainedFlags(first.flags, first.explanation)[0]!}` } as const;
  throw new AppError('VALIDATION', {
    key: 'reports.errors.explanationRequired',
    params: { project: first.plan.project.name, flag },
    fieldErrors: { explanation: ['reportExplanationRequired'] },
  });
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
    Object.assign(before, {
      reviewedById: report.reviewedById,
      reviewedAt: report.reviewedAt,
      reviewComment: report.reviewComment,
    });
    Object.assign(after, {
      reviewedById: actorId,
      reviewedAt: now,
      reviewComment: kind === 'approve' ? null : comment,
    });
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
      await notifyBureau(
        tx,
        'REPORTS_SUBMITTED',
        params,
        `/reports/review?year=${year}&month=${first.month}&department=${first.plan.project.departmentId}`,
      );
    } else {
      const link = `/reports?year=${year}&month=${first.month}`;
      await notifyDepartment(
        tx,
        first.plan.project.departmentId,
        kind === 'return' ? 'REPORT_RETURNED' : 'REPORT_REOPENED',
        params,
        link,
      );
    }
  }
}
