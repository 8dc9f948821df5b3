/**
 * A 前期 milestone's documents (立项批复, 施工许可证 …): the project's department adds them, everyone who reads the
 * project reads them, another department's answers as missing, and a DONE milestone's documents stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { AppError } from '@/lib/server/errors';
import { actorOf } from '../helpers/actors';
import { minimalPdf } from '../helpers/attachment-fixtures';
import { removeAttachmentAs, uploadToMilestone, useTempObjectStore } from '../helpers/attachments';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;
let owner: SessionActor;
let other: SessionActor;
let bureau: SessionActor;
let leader: SessionActor;
let milestoneId: number;

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? `${e.code} ${e.key}` : String(e)),
  );

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  storage = await useTempObjectStore();
  const milestone = await t.db.preliminaryMilestone.findFirstOrThrow({
    where: { status: { not: 'DONE' } },
    select: { id: true, project: { select: { departmentId: true } } },
    orderBy: { id: 'asc' },
  });
  milestoneId = milestone.id;
  const reporter = await t.db.user.findFirstOrThrow({
    where: { role: 'DEPARTMENT', departmentId: milestone.project.departmentId, active: true },
  });
  const stranger = await t.db.user.findFirstOrThrow({
    where: { role: 'DEPARTMENT', active: true, departmentId: { not: milestone.project.departmentId } },
  });
  owner = await actorOf(t.db, reporter.username);
  other = await actorOf(t.db, stranger.username);
  bureau = await actorOf(t.db, 'bureau');
  leader = await actorOf(t.db, 'leader');
}, 120_000);

afterAll(async () => {
  await storage?.close();
  await t?.drop();
});

describe("a 前期 milestone's documents", () => {
  it('the department attaches the approval as a PDF; the bureau and the leaders read it, another department cannot', async () => {
    const { id } = await uploadToMilestone(t.db, owner, milestoneId, minimalPdf(), '立项批复.pdf');
    expect(await t.db.attachment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: 'DOCUMENT',
      contentType: 'application/pdf',
      milestoneId,
      reportId: null,
      displayHash: null,
    });
    for (const reader of [owner, bureau, leader]) expect(await codeOf(getAttachment(t.db, reader, { id }))).toBe('ok');
    expect(await codeOf(getAttachment(t.db, other, { id }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(uploadToMilestone(t.db, other, milestoneId, minimalPdf(), 'x.pdf'))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(removeAttachmentAs(t.db, other, id))).toMatch(/^NOT_FOUND/);
  });

  it('keeps a DONE milestone’s documents, and takes no new ones', async () => {
    const { id } = await uploadToMilestone(
      t.db,
      owner,
      milestoneId,
      Buffer.concat([minimalPdf(), Buffer.from('%2')]),
      '用地批准书.pdf',
    );
    await t.db.preliminaryMilestone.update({ where: { id: milestoneId }, data: { status: 'DONE' } });
    try {
      expect(await codeOf(removeAttachmentAs(t.db, owner, id))).toBe('CONFLICT attachments.milestoneDone');
      expect(await codeOf(uploadToMilestone(t.db, owner, milestoneId, minimalPdf(), 'late.pdf'))).toBe(
        'CONFLICT attachments.milestoneDone',
      );
    } finally {
      await t.db.preliminaryMilestone.update({ where: { id: milestoneId }, data: { status: 'IN_PROGRESS' } });
    }
    await removeAttachmentAs(t.db, owner, id);
    expect((await t.db.attachment.findUniqueOrThrow({ where: { id } })).removedById).toBe(owner.id);
  });
});
