/**
 * The demo's evidence: generated site photos on a handful of projects' approved months and one 前期 document, put
 * through the app's own upload path into the object store; running the step again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAttachments } from '@/prisma/seed/demo-attachments';
import { useTempObjectStore } from '../helpers/attachments';
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

describe('demo attachments', () => {
  it('puts generated photos on approved months and a document on a done milestone, once', async () => {
    expect(await t.db.attachment.count()).toBe(0);
    expect(await seedDemoAttachments(t.db)).toEqual({ photos: 8, documents: 1 });

    const rows = await t.db.attachment.findMany({
      include: { report: { select: { status: true } }, milestone: { select: { status: true } } },
    });
    expect(rows).toHaveLength(9);
    const photos = rows.filter((r) => r.kind === 'PHOTO');
    // four projects, each with its two latest approved months
    expect(new Set(photos.map((r) => r.reportId)).size).toBe(8);
    for (const row of photos) {
      expect(row.report?.status).toBe('APPROVED');
      expect(row.contentType).toBe('image/jpeg');
      // the capture time the generated EXIF says, kept as evidence; no location
      expect(row.capturedAt?.toISOString()).toMatch(/^2025-\d\d-20T02:1\d:00\.000Z$/);
      expect(row.latitude).toBeNull();
      expect([row.width, row.height]).toEqual([960, 640]);
      for (const key of [row.contentHash, row.displayHash!, row.thumbnailHash!]) {
        expect(await storage.store.head(key)).not.toBeNull();
      }
    }
    const [document] = rows.filter((r) => r.kind === 'DOCUMENT');
    expect(document).toMatchObject({ contentType: 'application/pdf', originalName: '建设工程规划许可证.pdf' });
    expect(document!.milestone?.status).toBe('DONE');

    expect(await seedDemoAttachments(t.db)).toBeNull();
    expect(await t.db.attachment.count()).toBe(9);
  });
});
