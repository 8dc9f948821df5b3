import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import type { WriteContext } from '@/lib/server/write-context';
import type { ZAttachmentKeepLocation } from '@/lib/validations/attachment-settings';
import { keepsLocation } from './attach-to-report';

/** The bureau's settings page: whether photos' GPS locations are kept as evidence (off by default). */
export async function getAttachmentSettings(db: Db, actor: Actor): Promise<{ keepLocation: boolean }> {
  requirePermission(actor, 'report.review');
  return { keepLocation: await keepsLocation(db) };
}

/**
 * Turns keeping photos' GPS locations on or off, for uploads from now on: the locations of photos already uploaded
 * are neither added (they were never kept) nor erased (the record is what was reviewed). Audited with before/after.
 */
export async function setAttachmentKeepLocation(ctx: WriteContext<z.infer<typeof ZAttachmentKeepLocation>>) {
  const { tx, input } = ctx;
  const before = await tx.appSetting.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  await tx.appSetting.update({ where: { id: 1 }, data: { attachmentKeepLocation: input.keepLocation } });
  await ctx.audit({
    action: 'attachment.setKeepLocation',
    entity: 'AppSetting',
    entityId: 1,
    before: { attachmentKeepLocation: before.attachmentKeepLocation },
    after: { attachmentKeepLocation: input.keepLocation },
  });
  return { keepLocation: input.keepLocation };
}
