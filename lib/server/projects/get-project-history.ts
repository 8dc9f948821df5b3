import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { type AuditRow, toAuditRecordOrNull } from '@/lib/server/audit/audit-row';
import { authorizeRecord } from '@/lib/server/authorize';

export interface ProjectHistoryRow extends AuditRow {
  /** which plan year (and month, for a report) the row is about; empty for the project itself */
  context: { year?: number; month?: number };
}

export interface GetProjectHistoryOptions {
  projectId: number;
  /** the newest rows shown; a project gathers a few dozen a year */
  limit?: number;
}

/**
 * The audit trail of one project: its own rows and those of its plans and monthly reports, newest first.
 * Authorized like getProject: another department's project is answered as not found.
 */
export async function getProjectHistory(
  db: Db,
  actor: Actor,
  options: GetProjectHistoryOptions,
): Promise<ProjectHistoryRow[]> {
  const project = authorizeRecord(
    actor,
    'project.read',
    await db.project.findUnique({
      where: { id: options.projectId },
      select: {
        id: true,
        departmentId: true,
        plans: {
          select: {
            id: true,
            planYear: { select: { year: true } },
            reports: { select: { id: true, month: true } },
          },
        },
      },
    }),
    'project',
  );

  const context = new Map<string, ProjectHistoryRow['context']>();
  for (const plan of project.plans) {
    context.set(`ProjectPlan#${plan.id}`, { year: plan.planYear.year });
    for (const report of plan.reports) {
      context.set(`MonthlyReport#${report.id}`, { year: plan.planYear.year, month: report.month });
    }
  }
  const planIds = project.plans.map((p) => String(p.id));
  const reportIds = project.plans.flatMap((p) => p.reports.map((r) => String(r.id)));

  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { entity: 'Project', entityId: String(project.id) },
        { entity: 'ProjectPlan', entityId: { in: planIds } },
        { entity: 'MonthlyReport', entityId: { in: reportIds } },
      ],
    },
    select: {
      id: true,
      at: true,
      actorId: true,
      actor: true,
      actorUser: { select: { displayName: true } },
      ip: true,
      action: true,
      entity: true,
      entityId: true,
      before: true,
      after: true,
      reason: true,
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(options.limit ?? 200, 1), 1000),
  });

  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.at,
    actorId: row.actorId,
    actor: row.actor,
    actorDisplayName: row.actorUser?.displayName ?? null,
    ip: row.ip,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: toAuditRecordOrNull(row.before),
    after: toAuditRecordOrNull(row.after),
    reason: row.reason,
    context: context.get(`${row.entity}#${row.entityId ?? ''}`) ?? {},
  }));
}
