/**
 * The authorization matrix's rows for evidence: a department adds files to and removes files from its own reports
 * while they are drafts; nobody else writes a department's evidence (report.edit).
 */
import { createHash } from 'node:crypto';
import { photo } from '../attachment-fixtures';
import { reportOf, row, type ActionCase, type Fixtures, type Target } from './matrix';

/** A new attachment row on a draft November report of the target department (the row only); its id. */
export async function removableAttachmentOf(fx: Fixtures, target: Target): Promise<number> {
  const { reportId } = await reportOf(fx, target, 'DRAFT');
  const hash = createHash('sha256').update(`removable-${fx.seq()}`).digest('hex');
  const created = await fx.db.attachment.create({
    data: {
      kind: 'PHOTO',
      contentHash: hash,
      contentType: 'image/jpeg',
      size: 1024,
      originalName: '现场照片.jpg',
      displayHash: hash,
      thumbnailHash: hash,
      reportId,
    },
  });
  return created.id;
}

export const ATTACHMENT_ACTIONS: Record<string, ActionCase> = {
  'attachment.add': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => ({
      reportId: (await reportOf(fx, target, 'DRAFT')).reportId,
      file: new File([new Uint8Array(await photo({ width: 40 + (fx.seq() % 50) }))], '现场.jpg', {
        type: 'image/jpeg',
      }),
    }),
  },
  'attachment.remove': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => ({ attachmentId: await removableAttachmentOf(fx, target) }),
  },
};
