import 'server-only';
import { checkBudget } from '@/lib/domain/attachments/budget';
import { ConflictError } from '@/lib/server/errors';
import { objectStore } from '@/lib/server/storage';
import type { WriteContext } from '@/lib/server/write-context';
import { ownerProblemMessage } from './messages';
import { assertObjectsPresent } from './orphans';
import type { PreparedUpload } from './prepare-upload';

type Owner = { reportId: number } | { milestoneId: number };

/**
 * The one way an attachment row is written, for a report or a milestone alike: within the owner's budget (counted
 * under the lock the caller took on the owner's row), with the location only as prepared, and audited.
 */
export async function storeAttachment(
  ctx: WriteContext<unknown>,
  owner: Owner,
  upload: PreparedUpload,
): Promise<{ id: number }> {
  const { tx } = ctx;
  const held = await tx.attachment.aggregate({
    where: { ...owner, removedAt: null },
    _count: { _all: true },
    _sum: { size: true },
  });
  const budget = checkBudget(
    'reportId' in owner ? 'report' : 'milestone',
    { files: held._count._all, bytes: held._sum.size ?? 0 },
    { files: 1, bytes: upload.size },
  );
  if (!budget.ok) {
    const message = ownerProblemMessage(budget);
    throw new ConflictError(message.key, message.params);
  }

  // the orphan cleanup must not remove these objects between this check and the commit (./orphans.ts)
  await assertObjectsPresent(tx, objectStore(), [upload.contentHash, upload.displayHash, upload.thumbnailHash]);
  const { location, ...fields } = upload;
  const row = await tx.attachment.create({
    data: {
      ...fields,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      ...owner,
      uploadedById: ctx.actor.id,
    },
    select: { id: true },
  });
  await ctx.audit({
    action: 'attachment.add',
    entity: 'Attachment',
    entityId: row.id,
    after: {
      ...owner,
      kind: upload.kind,
      contentType: upload.contentType,
      contentHash: upload.contentHash,
      size: upload.size,
      originalName: upload.originalName,
      capturedAt: upload.capturedAt?.toISOString() ?? null,
    },
  });
  return { id: row.id };
}
