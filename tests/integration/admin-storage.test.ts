/**
 * The administrator's storage page: per department, the files and bytes of photos and of documents in use, removed
 * ones apart, and the district total; a file counts for the department of its report's or milestone's project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStorageUsage } from '@/lib/server/admin/storage-usage';
import { actorOf } from '../helpers/actors';
import { minimalPdf, photo } from '../helpers/attachment-fixtures';
import { removeAttachmentAs, uploadToMilestone, uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  storage = await useTempObjectStore();
});
afterAll(async () => {
  await storage?.close();
  await t?.drop();
});

async function draftOf(departmentId: number) {
  const report = await t.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId } } },
    orderBy: { id: 'asc' },
  });
  await t.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
  return report.id;
}

describe('storage used per department', () => {
  it('counts photos, documents and removed files per department, and the total', async () => {
    const admin = await actorOf(t.db, 'admin');
    const before = await getStorageUsage(t.db, admin);
    const zjw = await actorOf(t.db, 'zjw');
    const jtj = await actorOf(t.db, 'jtj');
    const zjwReport = await draftOf(zjw.departmentId!);
    const jtjReport = await draftOf(jtj.departmentId!);

    const photoA = await photo({ width: 70 });
    const photoB = await photo({ width: 72 });
    const pdf = minimalPdf();
    await uploadToReport(t.db, zjw, zjwReport, photoA, 'a.jpg');
    const removed = await uploadToReport(t.db, zjw, zjwReport, photoB, 'b.jpg');
    await removeAttachmentAs(t.db, zjw, removed.id);
    const milestone = await t.db.preliminaryMilestone.findFirstOrThrow({
      where: { status: { not: 'DONE' }, project: { departmentId: zjw.departmentId! } },
    });
    await uploadToMilestone(t.db, zjw, milestone.id, pdf, '施工许可证.pdf');
    await uploadToReport(t.db, jtj, jtjReport, photoA, 'same photo.jpg');

    const usage = await getStorageUsage(t.db, admin);
    const delta = (id: number, key: 'photos' | 'documents' | 'removed') => {
      const now = usage.departments.find((d) => d.departmentId === id)![key];
      const was = before.departments.find((d) => d.departmentId === id)![key];
      return { files: now.files - was.files, bytes: now.bytes - was.bytes };
    };
    expect(delta(zjw.departmentId!, 'photos')).toEqual({ files: 1, bytes: photoA.byteLength });
    expect(delta(zjw.departmentId!, 'removed')).toEqual({ files: 1, bytes: photoB.byteLength });
    expect(delta(zjw.departmentId!, 'documents')).toEqual({ files: 1, bytes: pdf.byteLength });
    // the same bytes attached by another department count for it too
    expect(delta(jtj.departmentId!, 'photos')).toEqual({ files: 1, bytes: photoA.byteLength });
    expect(delta(jtj.departmentId!, 'documents')).toEqual({ files: 0, bytes: 0 });
    expect(usage.total.photos.files - before.total.photos.files).toBe(2);
    expect(usage.total.removed.bytes - before.total.removed.bytes).toBe(photoB.byteLength);
    // every department is listed, the largest first
    expect(usage.departments).toHaveLength(await t.db.department.count());
    const used = usage.departments.map((d) => d.photos.bytes + d.documents.bytes + d.removed.bytes);
    expect(used).toEqual([...used].sort((a, b) => b - a));
  });
});
