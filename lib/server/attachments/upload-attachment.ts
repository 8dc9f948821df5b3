import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { now } from '@/lib/server/clock';
import type { WriteContext } from '@/lib/server/write-context';
import type { UploadFile } from '@/lib/validations/attachment';
import { assertMilestoneAttachable, attachToMilestone } from './attach-to-milestone';
import { assertReportAttachable, attachToReport, keepsLocation } from './attach-to-report';
import { SUMMARY_SELECT, toSummary, type AttachmentSummary } from './attachment-summary';
import { prepareUpload, type PreparedUpload } from './prepare-upload';
import { readUploadedFile } from './read-upload';

export interface UploadInput {
  reportId?: number;
  milestoneId?: number;
  file: UploadFile;
}

/**
 * The steps of an upload before its transaction (the action's `prepare`): the record check first, so nobody makes
 * the server read or decode a file for a record they cannot touch; then the bytes, refused from the declared size
 * before any is read and abandoned past the bound; then the checks by content, the re-encoding and the store.
 */
export async function prepareAttachment(db: Db, actor: Actor, input: UploadInput): Promise<PreparedUpload> {
  if (input.reportId !== undefined) await assertReportAttachable(db, actor, input.reportId);
  else await assertMilestoneAttachable(db, actor, input.milestoneId!);
  const bytes = await readUploadedFile(input.file);
  return prepareUpload(bytes, input.file.name, { keepLocation: await keepsLocation(db), now: await now(db) });
}

/** The attaching transaction's part (record check again, budget under lock, row, audit); the new row as listed. */
export async function attachPrepared(
  ctx: WriteContext<UploadInput>,
  prepared: PreparedUpload,
): Promise<AttachmentSummary> {
  const { reportId, milestoneId } = ctx.input;
  const stored =
    reportId !== undefined
      ? await attachToReport({ ...ctx, input: { reportId } }, prepared)
      : await attachToMilestone({ ...ctx, input: { milestoneId: milestoneId! } }, prepared);
  return toSummary(await ctx.tx.attachment.findUniqueOrThrow({ where: { id: stored.id }, select: SUMMARY_SELECT }));
}
