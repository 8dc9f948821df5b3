/**
 * Uploading evidence as the browser does it: POST /api/attachments, one file per request, through the action
 * `attachment.add` (authentication, the record check before any byte is read, the declared-size bound, checks by
 * content, the per-report budget, the audit row), and removing one through `attachment.remove`.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { listAttachments } from '@/lib/server/attachments/list-attachments';
import { actAs, actorOf } from '../helpers/actors';
import { hostile, minimalPdf, photo } from '../helpers/attachment-fixtures';
import { useTempObjectStore } from '../helpers/attachments';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;
let zjw: SessionActor;
let jtj: SessionActor;
let bureau: SessionActor;
let route: typeof import('@/app/api/attachments/route');
let actions: typeof import('@/lib/actions/attachments');
let getActor: ReturnType<typeof vi.fn>;

/** A November report of the department, in this state. */
async function reportOf(actor: SessionActor, status: 'DRAFT' | 'SUBMITTED' | 'RETURNED', skip = 0) {
  const report = await t.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId: actor.departmentId! } } },
    orderBy: { id: 'asc' },
    skip,
  });
  await t.db.monthlyReport.update({ where: { id: report.id }, data: { status } });
  return report.id;
}

/** A body that records whether anything read it. */
function watchedBody(bytes: Uint8Array) {
  const watch = { pulled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.pulled = true;
        controller.enqueue(bytes);
        controller.close();
      },
      // nothing is pulled ahead of a read (the default would pull once on construction to fill the queue)
    },
    { highWaterMark: 0 },
  );
  return { stream, watch };
}

async function post(
  actor: SessionActor | null,
  query: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  { name = 'photo.jpg', length, origin = 'http://localhost' }: { name?: string; length?: number; origin?: string } = {},
) {
  getActor.mockResolvedValue(actor);
  actAs(actor);
  const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(name), host: 'localhost' };
  const size = length ?? (body instanceof Uint8Array ? body.byteLength : undefined);
  if (size !== undefined) headers['content-length'] = String(size);
  headers.origin = origin;
  const response = await route.POST(
    new NextRequest(`http://localhost/api/attachments?${query}`, {
      method: 'POST',
      body,
      headers,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as ConstructorParameters<typeof NextRequest>[1]),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function storedObjects(): Promise<number> {
  let n = 0;
  for await (const _ of storage.store.list()) n += 1;
  return n;
}

const counts = async () => ({
  attachments: await t.db.attachment.count(),
  audits: await t.db.auditLog.count(),
  objects: await storedObjects(),
});

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  storage = await useTempObjectStore();
  zjw = await actorOf(t.db, 'zjw');
  jtj = await actorOf(t.db, 'jtj');
  bureau = await actorOf(t.db, 'bureau');
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
  route = await import('@/app/api/attachments/route');
  actions = await import('@/lib/actions/attachments');
}, 120_000);

afterAll(async () => {
  await storage?.close();
  await t?.drop();
});

describe('POST /api/attachments', () => {
  it('attaches a photo to the department’s draft and answers 201 with the row the thumbnails show', async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    const answer = await post(zjw, `reportId=${reportId}`, await photo({ width: 71 }), { name: '主体结构封顶.jpg' });
    expect(answer.status).toBe(201);
    expect(answer.body.attachment).toMatchObject({
      kind: 'PHOTO',
      contentType: 'image/jpeg',
      originalName: '主体结构封顶.jpg',
      hasPreview: true,
      reportId,
      milestoneId: null,
      removed: false,
    });
    const id = (answer.body.attachment as { id: number }).id;
    expect(
      await t.db.auditLog.count({ where: { entity: 'Attachment', entityId: String(id), action: 'attachment.add' } }),
    ).toBe(1);
  });

  it('attaches a PDF to a 前期 milestone of the department', async () => {
    const milestone = await t.db.preliminaryMilestone.findFirstOrThrow({
      where: { status: { not: 'DONE' }, project: { departmentId: zjw.departmentId! } },
    });
    const answer = await post(zjw, `milestoneId=${milestone.id}`, minimalPdf(), { name: '施工许可证.pdf' });
    expect([answer.status, answer.body.attachment]).toMatchObject([
      201,
      { kind: 'DOCUMENT', contentType: 'application/pdf', milestoneId: milestone.id, hasPreview: false },
    ]);
  });

  it('answers nobody signed in with 401 before reading the body', async () => {
    const { stream, watch } = watchedBody(await photo());
    const answer = await post(null, `reportId=${await reportOf(zjw, 'DRAFT')}`, stream, { length: 100 });
    expect([answer.status, watch.pulled]).toEqual([401, false]);
  });

  it("answers another department's report like a missing one, without reading a byte", async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    const other = watchedBody(await photo());
    const answer = await post(jtj, `reportId=${reportId}`, other.stream, { length: 100 });
    const missing = await post(jtj, 'reportId=99999999', await photo());
    expect([answer.status, other.watch.pulled]).toEqual([404, false]);
    expect(answer.body).toEqual(missing.body);
  });

  it('refuses a body declared over 20 MB before reading it, with the limit in the message', async () => {
    const before = await counts();
    const { stream, watch } = watchedBody(new Uint8Array(10));
    const answer = await post(zjw, `reportId=${await reportOf(zjw, 'DRAFT')}`, stream, {
      name: '航拍.jpg',
      length: 25 * 1024 * 1024,
    });
    expect([answer.status, answer.body.code, watch.pulled]).toEqual([400, 'VALIDATION', false]);
    expect(answer.body.message).toBe('“航拍.jpg”有 25 MB，超过了 20 MB 的上限。');
    expect(await counts()).toEqual(before);
  });

  it('refuses an HTML file named .jpg with the rule, and stores and writes nothing', async () => {
    const before = await counts();
    const answer = await post(zjw, `reportId=${await reportOf(zjw, 'DRAFT')}`, hostile.htmlNamedJpg(), {
      name: 'photo.jpg',
    });
    expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION']);
    expect(answer.body.message).toMatch(/^“photo\.jpg”不是可接受的文件/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file for a submitted report, and one over the per-report budget', async () => {
    const submitted = await reportOf(zjw, 'SUBMITTED', 1);
    const refused = await post(zjw, `reportId=${submitted}`, await photo({ width: 72 }));
    expect([refused.status, refused.body.message]).toEqual([
      409,
      '这份月报已报送或已审核，不能再添加附件；如需补充，请联系区发展改革委退回或重新打开月报。',
    ]);

    const full = await reportOf(zjw, 'DRAFT', 2);
    const first = await post(zjw, `reportId=${full}`, await photo({ width: 73 }));
    const row = await t.db.attachment.findUniqueOrThrow({
      where: { id: (first.body.attachment as { id: number }).id },
    });
    const { id: _id, uploadedAt: _at, ...copy } = row;
    await t.db.attachment.createMany({
      data: Array.from({ length: 29 }, () => ({ ...copy, latitude: null, longitude: null })),
    });
    const over = await post(zjw, `reportId=${full}`, await photo({ width: 74 }));
    expect([over.status, over.body.message]).toEqual([409, '每份最多 30 个附件。']);
  });

  it('refuses the bureau (it does not write a department’s evidence), a missing record and a post from another site', async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    expect((await post(bureau, `reportId=${reportId}`, await photo())).status).toBe(403);
    expect((await post(zjw, '', await photo())).status).toBe(400);
    expect((await post(zjw, `reportId=${reportId}&milestoneId=1`, await photo())).status).toBe(400);
    const foreign = await post(zjw, `reportId=${reportId}`, await photo(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });
});

describe('attachment.remove', () => {
  it('removes a file of a draft: gone for the department, kept for the reviewers, audited', async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 3);
    const added = await post(zjw, `reportId=${reportId}`, await photo({ width: 75 }));
    const id = (added.body.attachment as { id: number }).id;
    actAs(jtj);
    expect(await actions.removeAttachment({ attachmentId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(zjw);
    expect(await actions.removeAttachment({ attachmentId: id })).toEqual({ ok: true, data: undefined });
    expect((await listAttachments(t.db, zjw, { reportIds: [reportId] })).map((a) => a.id)).not.toContain(id);
    expect(await listAttachments(t.db, bureau, { reportIds: [reportId] })).toContainEqual(
      expect.objectContaining({ id, removed: true }),
    );
    expect(await t.db.auditLog.count({ where: { entityId: String(id), action: 'attachment.remove' } })).toBe(1);
  });

  it('keeps what a submitted report was reviewed with', async () => {
    const reportId = await reportOf(zjw, 'DRAFT', 4);
    const id = ((await post(zjw, `reportId=${reportId}`, await photo({ width: 76 }))).body.attachment as { id: number })
      .id;
    await t.db.monthlyReport.update({ where: { id: reportId }, data: { status: 'SUBMITTED' } });
    actAs(zjw);
    expect(await actions.removeAttachment({ attachmentId: id })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已报送或已审核通过的月报，其附件是审核依据，不能删除；如需更正，请联系区发展改革委退回或重新打开月报。',
    });
    expect((await listAttachments(t.db, zjw, { reportIds: [reportId] })).map((a) => a.id)).toContain(id);
  });

  it("lists another department's report as not found", async () => {
    const reportId = await reportOf(zjw, 'DRAFT');
    await expect(listAttachments(t.db, jtj, { reportIds: [reportId] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
