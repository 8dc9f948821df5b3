import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import type { Tx } from '@/lib/server/audit';
import { ConflictError, NotFoundError } from '@/lib/server/errors';
import { EDITABLE, requireOpenYears } from '@/lib/server/reports/report-guards';
import type { WriteContext } from '@/lib/server/write-context';
import type { PreparedUpload } from './prepare-upload';
import { storeAttachment } from './store-attachment';

/** Whether the bureau keeps the GPS location of photos as evidence (AppSetting.attachmentKeepLocation). */
export async function keepsLocation(db: Db | Tx): Promise<boolean> {
  const setting = await db.appSetting.findUnique({ where: { id: 1 }, select: { attachmentKeepLocation: true } });
  return setting?.attachmentKeepLocation ?? false;
}

/**
 * The check before any byte is processed: the actor may edit this report (its department's, report.edit) and the
 * report takes attachments now. Another department's report answers like a missing one. The same check runs again
 * inside the attaching transaction, which is the one that counts.
 */
export async function assertReportAttachable(db: Db | Tx, actor: Actor, reportId: number): Promise<void> {
  const report = await db.monthlyReport.findUnique({
    where: { id: reportId },
    select: { status: true, plan: { select: { project: { select: { departmentId: true } } } } },
  });
  if (!report || !can(actor, 'report.edit', report.plan.project)) throw new NotFoundError('report');
  if (!EDITABLE.includes(report.status)) throw new ConflictError('attachments.notEditable');
}

/**
 * Attaches a prepared upload (./prepare-upload.ts) to a monthly report, under `report.edit`: a department adds
 * evidence to its own report while it is a draft or returned (a reopened report is returned to it), never once it
 * is submitted or approved. The report row is locked so two uploads at once cannot both pass the per-report limit.
 */
export async function attachToReport(ctx: WriteContext<{ reportId: number }>, upload: PreparedUpload) {
  const { tx, input } = ctx;
  // FOR UPDATE: the budget below is counted under this lock
  await tx.$queryRaw`SELECT id FROM "MonthlyReport" WHERE id = ${input.reportId} FOR UPDATE`;
  const report = await tx.monthlyReport.findUnique({
    where: { id: input.reportId },
    select: {
      id: true,
      status: true,
      plan: { select: { planYearId: true, project: { select: { departmentId: true } } } },
    },
  });
  ctx.authorize(report ? { departmentId: report.plan.project.departmentId } : null, 'report');
  if (!report) throw new NotFoundError('report');
  await requireOpenYears(tx, [report.plan.planYearId]);
  if (!EDITABLE.includes(report.status)) throw new ConflictError('attachments.notEditable');
  return storeAttachment(ctx, { reportId: report.id }, upload);
}
