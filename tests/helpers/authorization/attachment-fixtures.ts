import { createHash } from 'node:crypto';
import { departmentOf, type Fixtures, type Target } from './matrix';

/**
 * An attachment on a November report of the target department, its id. Written directly (the matrix tests who may
 * read it, not how it was uploaded): the row only, no object in the store.
 */
export async function attachmentOf(fx: Fixtures, target: Target): Promise<number> {
  const departmentId = departmentOf(fx, target);
  const report = await fx.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId } } },
    orderBy: { id: 'asc' },
  });
  const hash = stubHash(`matrix-${departmentId}`);
  const found = await fx.db.attachment.findFirst({ where: { reportId: report.id, contentHash: hash } });
  if (found) return found.id;
  return insertPhotoRow(fx, report.id, `matrix-${departmentId}`);
}

const stubHash = (seed: string) => createHash('sha256').update(seed).digest('hex');

/**
 * A photo's row on a report, written directly with a stand-in hash made from `seed` (the row only, no object in the
 * store): what the matrix's rows read and remove. Its id.
 */
export async function insertPhotoRow(fx: Fixtures, reportId: number, seed: string): Promise<number> {
  const hash = stubHash(seed);
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
