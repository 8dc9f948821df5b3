/**
 * The bureau's evidence setting: keeping photos' GPS locations, off by default, turned on and off through its action
 * (audited, the bureau's and the administrator's only), and what the next upload keeps accordingly.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getAttachmentSettings } from '@/lib/server/attachments/settings';
import { actAs, actorOf, signIn } from '../helpers/actors';
import { CAMERA_EXIF, photo } from '../helpers/attachment-fixtures';
import { uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;
let actions: typeof import('@/lib/actions/attachment-settings');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  storage = await useTempObjectStore();
  actions = await import('@/lib/actions/attachment-settings');
}, 120_000);
afterAll(async () => {
  await storage?.close();
  await t?.drop();
});
beforeEach(() => actAs(null));

async function uploadWithGps(width: number) {
  const zjw = await actorOf(t.db, 'zjw');
  const report = await t.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId: zjw.departmentId! } } },
    orderBy: { id: 'asc' },
  });
  await t.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
  const { id } = await uploadToReport(t.db, zjw, report.id, await photo({ exif: CAMERA_EXIF, width }), 'gps.jpg');
  return t.db.attachment.findUniqueOrThrow({ where: { id }, select: { latitude: true, longitude: true } });
}

describe('keeping the location of photos', () => {
  it('is off by default; the bureau turns it on, audited, and the next upload keeps the location', async () => {
    const bureau = await signIn(t.db, 'bureau');
    expect(await getAttachmentSettings(t.db, bureau)).toEqual({ keepLocation: false });
    expect((await uploadWithGps(81)).latitude).toBeNull();

    await signIn(t.db, 'bureau');
    expect(await actions.setAttachmentKeepLocation({ keepLocation: true })).toEqual({
      ok: true,
      data: { keepLocation: true },
    });
    expect(await getAttachmentSettings(t.db, bureau)).toEqual({ keepLocation: true });
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'attachment.setKeepLocation' },
      orderBy: { id: 'desc' },
    });
    expect([audit.before, audit.after]).toEqual([{ attachmentKeepLocation: false }, { attachmentKeepLocation: true }]);
    const kept = await uploadWithGps(82);
    expect([kept.latitude?.toString(), kept.longitude?.toString()]).toEqual(['29.558333', '106.58']);

    await signIn(t.db, 'bureau');
    expect(await actions.setAttachmentKeepLocation({ keepLocation: false })).toMatchObject({ ok: true });
    expect((await uploadWithGps(83)).latitude).toBeNull();
  });

  it("is not a department's or a leader's to change, and refuses what is not a yes or no", async () => {
    for (const user of ['zjw', 'leader']) {
      await signIn(t.db, user);
      expect(await actions.setAttachmentKeepLocation({ keepLocation: true })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    await signIn(t.db, 'bureau');
    expect(await actions.setAttachmentKeepLocation({ keepLocation: 'yes' } as never)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect((await t.db.appSetting.findUniqueOrThrow({ where: { id: 1 } })).attachmentKeepLocation).toBe(false);
  });
});
