/**
 * Evidence on a monthly report, as a department attaches it and as the others read it: the record's access rule
 * (another department's report and file answer like missing ones), the submitted report's lock, the per-report
 * limit, the location setting, and the route that serves the files with the server's own type and headers.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { AppError } from '@/lib/server/errors';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { actorOf } from '../helpers/actors';
import { CAMERA_EXIF, hostile, minimalPdf, photo } from '../helpers/attachment-fixtures';
import { removeAttachmentAs, uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { params } from '../helpers/route-calls';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;
let zjw: SessionActor; // 区住房城乡建委's reporter
let jtj: SessionActor; // 区交通局's reporter
let bureau: SessionActor;
let leader: SessionActor;
let route: typeof import('@/app/api/attachments/[id]/[variant]/route');
let getActor: ReturnType<typeof vi.fn>;

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? `${e.code} ${e.key}` : String(e)),
  );

/** A November report of the department, in this state. */
async function reportOf(actor: SessionActor, status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED', skip = 0) {
  const report = await t.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId: actor.departmentId! } } },
    orderBy: { id: 'asc' },
    skip,
  });
  await t.db.monthlyReport.update({ where: { id: report.id }, data: { status } });
  return report.id;
}

async function fetchAs(actor: SessionActor | null, id: number | string, variant: string) {
  getActor.mockResolvedValue(actor);
  return route.GET(
    new NextRequest(`http://localhost/api/attachments/${id}/${variant}`),
    params({ id: String(id), variant }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  storage = await useTempObjectStore();
  zjw = await actorOf(t.db, 'zjw');
  jtj = await actorOf(t.db, 'jtj');
  bureau = await actorOf(t.db, 'bureau');
  leader = await actorOf(t.db, 'leader');
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
  route = await import('@/app/api/attachments/[id]/[variant]/route');
}, 120_000);

afterAll(async () => {
  await storage?.close();
  await t?.drop();
});

describe('a department attaches site photos to its month', () => {
  it('keeps the photo with its capture time, its served images and an audit row; no location while the setting is off', async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    const { id } = await uploadToReport(
      t.db,
      zjw,
      reportId,
      await photo({ exif: CAMERA_EXIF }),
      'C:\\fakepath\\主体结构封顶.jpg',
    );
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: 'PHOTO',
      contentType: 'image/jpeg',
      originalName: '主体结构封顶.jpg',
      reportId,
      uploadedById: zjw.id,
      capturedAt: new Date('2025-11-20T02:11:12Z'),
      latitude: null,
      longitude: null,
    });
    for (const key of [row.contentHash, row.displayHash!, row.thumbnailHash!])
      expect(await storage.store.head(key)).not.toBeNull();
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: 'Attachment', entityId: String(id) } });
    expect(audit).toMatchObject({ action: 'attachment.add', actor: 'zjw' });
  });

  it('keeps the location when the bureau has turned it on', async () => {
    await t.db.appSetting.update({ where: { id: 1 }, data: { attachmentKeepLocation: true } });
    try {
      const reportId = await reportOf(zjw, 'DRAFT');
      const { id } = await uploadToReport(
        t.db,
        zjw,
        reportId,
        await photo({ exif: CAMERA_EXIF, width: 61 }),
        'site.jpg',
      );
      const row = await t.db.attachment.findUniqueOrThrow({ where: { id } });
      expect([row.latitude?.toString(), row.longitude?.toString()]).toEqual(['29.558333', '106.58']);
    } finally {
      await t.db.appSetting.update({ where: { id: 1 }, data: { attachmentKeepLocation: false } });
    }
  });

  it('stores the same photo attached twice once', async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 1);
    const bytes = await photo({ width: 62 });
    const a = await uploadToReport(t.db, zjw, reportId, bytes, 'a.jpg');
    const b = await uploadToReport(t.db, zjw, reportId, bytes, 'b.jpg');
    const rows = await t.db.attachment.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(new Set(rows.map((r) => r.contentHash)).size).toBe(1);
    expect(rows[0]!.id).not.toBe(rows[1]!.id);
  });

  it('refuses a hostile file with the rule, and writes nothing', async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    const before = await t.db.attachment.count();
    expect(await codeOf(uploadToReport(t.db, zjw, reportId, hostile.htmlNamedJpg(), 'photo.jpg'))).toBe(
      'VALIDATION attachments.typeRefused',
    );
    expect(await codeOf(uploadToReport(t.db, zjw, reportId, hostile.empty(), 'empty.jpg'))).toBe(
      'VALIDATION attachments.empty',
    );
    expect(await t.db.attachment.count()).toBe(before);
  });

  it("answers another department's report like a missing one, before reading the file", async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    expect(await codeOf(uploadToReport(t.db, jtj, reportId, await photo(), 'x.jpg'))).toBe(
      'NOT_FOUND actionErrors.NOT_FOUND',
    );
    expect(await codeOf(uploadToReport(t.db, jtj, 99_999_999, await photo(), 'x.jpg'))).toBe(
      'NOT_FOUND actionErrors.NOT_FOUND',
    );
    // the bureau reviews reports; it does not write a department's evidence
    expect(await codeOf(uploadToReport(t.db, bureau, reportId, await photo(), 'x.jpg'))).toMatch(/^NOT_FOUND/);
  });

  it('refuses the 31st file of a report', async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 2);
    const { id } = await uploadToReport(t.db, zjw, reportId, await photo({ width: 63 }), 'first.jpg');
    const first = await t.db.attachment.findUniqueOrThrow({ where: { id } });
    const { id: _id, uploadedAt: _at, ...copy } = first;
    await t.db.attachment.createMany({
      data: Array.from({ length: 29 }, () => ({ ...copy, latitude: null, longitude: null })),
    });
    expect(await codeOf(uploadToReport(t.db, zjw, reportId, await photo({ width: 64 }), '31.jpg'))).toBe(
      'CONFLICT attachments.tooManyFiles',
    );
  });
});

describe('what was reviewed stays', () => {
  it('adds nothing to and removes nothing from a submitted or approved report; a returned one may remove', async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 3);
    const { id } = await uploadToReport(t.db, zjw, reportId, await photo({ width: 65 }), 'evidence.jpg');
    for (const status of ['SUBMITTED', 'APPROVED'] as const) {
      await t.db.monthlyReport.update({ where: { id: reportId }, data: { status } });
      expect(await codeOf(removeAttachmentAs(t.db, zjw, id))).toBe('CONFLICT attachments.locked');
      expect(await codeOf(uploadToReport(t.db, zjw, reportId, await photo({ width: 66 }), 'late.jpg'))).toBe(
        'CONFLICT attachments.notEditable',
      );
    }
    await t.db.monthlyReport.update({ where: { id: reportId }, data: { status: 'RETURNED' } });
    expect(await codeOf(removeAttachmentAs(t.db, jtj, id))).toMatch(/^NOT_FOUND/);
    await removeAttachmentAs(t.db, zjw, id);
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row.removedById).toBe(zjw.id);
    // the department no longer sees it; the reviewers keep the trail
    expect(await codeOf(getAttachment(t.db, zjw, { id }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(getAttachment(t.db, bureau, { id }))).toBe('ok');
    expect(
      await t.db.auditLog.count({ where: { entity: 'Attachment', entityId: String(id), action: 'attachment.remove' } }),
    ).toBe(1);
  });
});

describe('GET /api/attachments/[id]/[variant]', () => {
  let photoId: number;
  let pdfId: number;
  beforeAll(async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 4);
    photoId = (await uploadToReport(t.db, zjw, reportId, await photo({ width: 67, exif: CAMERA_EXIF }), '封顶.jpg')).id;
    pdfId = (await uploadToReport(t.db, zjw, reportId, minimalPdf(), '施工许可证.pdf')).id;
  });

  it('serves the display image as WebP with the headers set by the server, to the department and the leaders', async () => {
    for (const actor of [zjw, bureau, leader]) {
      const response = await fetchAs(actor, photoId, 'display');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="attachment-${photoId}.webp"; filename*=UTF-8''${encodeURIComponent('封顶.webp')}`,
      );
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(body.includes('ExamplePhone')).toBe(false);
    }
  });

  it('serves a thumbnail, and a document as application/pdf', async () => {
    expect((await fetchAs(zjw, photoId, 'thumbnail')).headers.get('content-type')).toBe('image/webp');
    const pdf = await fetchAs(zjw, pdfId, 'original');
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it("never serves a photo's original (it carries the location and the device)", async () => {
    expect((await fetchAs(bureau, photoId, 'original')).status).toBe(404);
    expect((await fetchAs(bureau, pdfId, 'display')).status).toBe(404);
  });

  it("answers another department's file exactly like a missing one", async () => {
    const other = await fetchAs(jtj, photoId, 'display');
    const missing = await fetchAs(jtj, 99_999_999, 'display');
    expect([other.status, await other.text()]).toEqual([missing.status, await missing.text()]);
    expect(other.status).toBe(404);
  });

  it('answers nobody signed in with 401, and a malformed id or variant with 404', async () => {
    expect((await fetchAs(null, photoId, 'display')).status).toBe(401);
    for (const [id, variant] of [
      ['0', 'display'],
      ['1e3', 'display'],
      ['99999999999', 'display'],
      [String(photoId), 'svg'],
    ]) {
      expect((await fetchAs(zjw, id!, variant!)).status).toBe(404);
    }
  });
});
