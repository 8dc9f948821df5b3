'use server';

/**
 * Evidence on a monthly report or a 前期 milestone: adding one file (the upload route app/api/attachments streams
 * each file here, so the browser shows progress per file) and removing one. The file is checked and re-encoded in
 * `prepare`, outside the transaction; lib/server/attachments holds the rules.
 */
import { defineAction } from '@/lib/actions/safe-action';
import { prisma } from '@/lib/db';
import { removeAttachment as remove } from '@/lib/server/attachments/remove-attachment';
import { attachPrepared, prepareAttachment } from '@/lib/server/attachments/upload-attachment';
import { ZAddAttachment, ZRemoveAttachment } from '@/lib/validations/attachment';

const REVALIDATE = ['/projects', '/reports'];

/** One file to a report of the department's while it is a draft or returned, or to an open 前期 milestone. */
export const addAttachment = defineAction({
  name: 'attachment.add',
  permission: 'report.edit',
  input: ZAddAttachment,
  revalidate: REVALIDATE,
  prepare: (input, actor) => prepareAttachment(prisma, actor, input),
  run: (ctx) => attachPrepared(ctx, ctx.prepared),
});

/** Removes a file while its report is editable (a mark, audited; the reviewers still see it). */
export const removeAttachment = defineAction({
  name: 'attachment.remove',
  permission: 'report.edit',
  input: ZRemoveAttachment,
  revalidate: REVALIDATE,
  run: remove,
});
