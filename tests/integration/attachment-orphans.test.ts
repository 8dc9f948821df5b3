/**
 * The daily cleanup of unreferenced objects, on both backends: an upload whose row never came (a failed
 * transaction, an abandoned request) is deleted once it is a day old; nothing an Attachment row names is ever
 * deleted, removed rows included; an attach that is committing while the cleanup runs keeps its object; a run stops
 * at its bound. The clock is the test's: the sweep is given a `now` two days ahead of the store's write times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { assertObjectsPresent, sweepOrphanObjects } from '@/lib/server/attachments/orphans';
import { prepareUpload } from '@/lib/server/attachments/prepare-upload';
import { AppError } from '@/lib/server/errors';
import { setObjectStoreForTests } from '@/lib/server/storage';
import type { ObjectStore } from '@/lib/server/storage/object-store';
import { actorOf } from '../helpers/actors';
import { photo } from '../helpers/attachment-fixtures';
import { removeAttachmentAs, uploadToReport } from '../helpers/attachments';
import { OBJECT_STORE_BACKENDS } from '../helpers/s3rver';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(Date.now() + days * DAY);

const backends = OBJECT_STORE_BACKENDS;

async function keysOf(store: ObjectStore): Promise<Map<string, { modifiedAt: Date; size: number }>> {
  const found = new Map<string, { modifiedAt: Date; size: number }>();
  for await (const object of store.list()) found.set(object.key, object);
  return found;
}

describe.each(backends)('orphan cleanup: $name', ({ open }) => {
  let t: TestDatabase;
  let store: ObjectStore;
  let close: () => Promise<void>;
  let zjw: SessionActor;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestDatabase('seeded');
    ({ store, close } = await open());
    setObjectStoreForTests(store);
    zjw = await actorOf(t.db, 'zjw');
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 11, plan: { project: { departmentId: zjw.departmentId! } } },
      orderBy: { id: 'asc' },
    });
    await t.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
    reportId = report.id;
  });
  afterAll(async () => {
    setObjectStoreForTests(null);
    await close?.();
    await t?.drop();
  });

  it('deletes the objects no row names once they are a day old, and keeps every named one', async () => {
    const kept = await uploadToReport(t.db, zjw, reportId, await photo({ width: 61 }), 'kept.jpg');
    const removed = await uploadToReport(t.db, zjw, reportId, await photo({ width: 62 }), 'removed.jpg');
    await removeAttachmentAs(t.db, zjw, removed.id);
    // an upload whose transaction never came: original, display and thumbnail without a row
    const lost = await prepareUpload(await photo({ width: 63 }), 'lost.jpg', { keepLocation: false, now: new Date() });
    const stray = await store.put(Buffer.from('a document whose attach failed'), { contentType: 'application/pdf' });

    const rows = await t.db.attachment.findMany({ where: { id: { in: [kept.id, removed.id] } } });
    const named = rows.flatMap((r) => [r.contentHash, r.displayHash!, r.thumbnailHash!]);
    const orphans = [lost.contentHash, lost.displayHash!, lost.thumbnailHash!, stray.key];

    // within the grace age nothing is touched
    const young = await sweepOrphanObjects(t.db, store, { now: later(0.5) });
    expect(young).toEqual({ scanned: 10, young: 10, referenced: 0, deleted: 0, deletedBytes: 0, truncated: false });

    const listed = await keysOf(store);
    const sweep = await sweepOrphanObjects(t.db, store, { now: later(2) });
    expect(sweep).toMatchObject({ scanned: 10, young: 0, referenced: 6, deleted: 4, truncated: false });
    expect(sweep.deletedBytes).toBe(orphans.reduce((sum, key) => sum + listed.get(key)!.size, 0));
    const left = await keysOf(store);
    expect([...left.keys()].sort()).toEqual([...named].sort());
    for (const key of orphans) expect(await store.head(key)).toBeNull();

    // the next run finds nothing more to do
    expect(await sweepOrphanObjects(t.db, store, { now: later(2) })).toMatchObject({ deleted: 0, referenced: 6 });
  });

  it('stops at its bound and says so; the next run takes the rest', async () => {
    for (const i of [1, 2, 3]) await store.put(Buffer.from(`orphan ${i}`), { contentType: 'application/pdf' });
    const first = await sweepOrphanObjects(t.db, store, { now: later(2), maxDeletes: 2, batchSize: 2 });
    expect(first).toMatchObject({ deleted: 2, truncated: true });
    const second = await sweepOrphanObjects(t.db, store, { now: later(2), maxDeletes: 2, batchSize: 2 });
    expect(second).toMatchObject({ deleted: 1, truncated: false });
  });

  it('an upload of bytes already stored makes the object young again', async () => {
    const bytes = Buffer.from('an old orphan, uploaded again');
    const { key } = await store.put(bytes, { contentType: 'application/pdf' });
    const before = (await keysOf(store)).get(key)!.modifiedAt;
    // S3 keeps LastModified to the second
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.put(bytes, { contentType: 'application/pdf' })).toMatchObject({ key, created: false });
    const after = (await keysOf(store)).get(key)!.modifiedAt;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
    await store.delete(key);
  });

  it('an attach committing while the cleanup runs keeps its object; one whose object is gone is refused', async () => {
    const { key } = await store.put(Buffer.from('%PDF-1.4 committing while the job runs'), {
      contentType: 'application/pdf',
    });
    let sweep: Promise<unknown> = Promise.resolve();
    await t.db.$transaction(async (tx) => {
      await assertObjectsPresent(tx, store, [key]);
      // the sweep sees the object as an orphan two days old, and waits for this transaction at its lock
      sweep = sweepOrphanObjects(t.db, store, { now: later(2) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.attachment.create({
        data: {
          kind: 'DOCUMENT',
          contentHash: key,
          contentType: 'application/pdf',
          size: 10,
          originalName: 'a.pdf',
          reportId,
        },
      });
    });
    await sweep;
    expect(await store.head(key)).not.toBeNull();

    // the cleanup won the race: the attach finds the object gone and writes nothing
    const upload = await prepareUpload(await photo({ width: 64 }), 'late.jpg', {
      keepLocation: false,
      now: new Date(),
    });
    await store.delete(upload.contentHash);
    const count = await t.db.attachment.count();
    const refusal = await uploadToReportPrepared(upload).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).key).toBe('attachments.uploadLost');
    expect(await t.db.attachment.count()).toBe(count);
  });

  async function uploadToReportPrepared(upload: Awaited<ReturnType<typeof prepareUpload>>) {
    const { attachToReport } = await import('@/lib/server/attachments/attach-to-report');
    const { createWriteContext } = await import('@/lib/server/write-context');
    return t.db.$transaction((tx) =>
      attachToReport(
        createWriteContext(tx, { actor: zjw, ip: '127.0.0.1', input: { reportId }, permission: 'report.edit' }),
        upload,
      ),
    );
  }
});
