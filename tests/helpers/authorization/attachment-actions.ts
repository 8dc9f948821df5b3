/**
 * The authorization matrix's rows for evidence: a department adds files to and removes files from its own reports
 * while they are drafts; nobody else writes a department's evidence (report.edit).
 */
import { photo } from '../attachment-fixtures';
import { insertPhotoRow } from './attachment-fixtures';
import { reportOf, row, type ActionCase, type Fixtures, type Target } from './matrix';

/** A new attachment row on a draft November report of the target department (the row only); its id. */
export async function removableAttachmentOf(fx: Fixtures, target: Target): Promise<number> {
  const { reportId } = await reportOf(fx, target, 'DRAFT');
  return insertPhotoRow(fx, reportId, `removable-${fx.seq()}`);
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
