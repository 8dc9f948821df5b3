import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { assertMilestoneAttachable, attachToMilestone } from '@/lib/server/attachments/attach-to-milestone';
import { assertReportAttachable, attachToReport, keepsLocation } from '@/lib/server/attachments/attach-to-report';
import { prepareUpload } from '@/lib/server/attachments/prepare-upload';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { setObjectStoreForTests } from '@/lib/server/storage';
import { DiskObjectStore } from '@/lib/server/storage/disk-store';
import { createWriteContext } from '@/lib/server/write-context';

/** The app's object store pointed at a temp directory of the test file's own; `close` removes it. */
export async function useTempObjectStore() {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'keystone-attachments-'));
  const store = new DiskObjectStore(directory);
  setObjectStoreForTests(store);
  return {
    store,
    async close() {
      setObjectStoreForTests(null);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The upload flow the server action of the next step will run: the record check, then the checks and re-encoding
 * outside any transaction, then the attaching transaction with its audit row.
 */
export async function uploadToReport(db: Db, actor: Actor, reportId: number, bytes: Uint8Array, fileName: string) {
  await assertReportAttachable(db, actor, reportId);
  const prepared = await prepareUpload(bytes, fileName, { keepLocation: await keepsLocation(db), now: new Date() });
  return db.$transaction((tx) =>
    attachToReport(
      createWriteContext(tx, { actor, ip: '127.0.0.1', input: { reportId }, permission: 'report.edit' }),
      prepared,
    ),
  );
}

/** The same flow for a 前期 milestone's document. */
export async function uploadToMilestone(
  db: Db,
  actor: Actor,
  milestoneId: number,
  bytes: Uint8Array,
  fileName: string,
) {
  await assertMilestoneAttachable(db, actor, milestoneId);
  const prepared = await prepareUpload(bytes, fileName, { keepLocation: await keepsLocation(db), now: new Date() });
  return db.$transaction((tx) =>
    attachToMilestone(
      createWriteContext(tx, { actor, ip: '127.0.0.1', input: { milestoneId }, permission: 'report.edit' }),
      prepared,
    ),
  );
}

/** Removes an attachment of a report or a milestone. */
export function removeAttachmentAs(db: Db, actor: Actor, attachmentId: number) {
  return db.$transaction((tx) =>
    removeAttachment(
      createWriteContext(tx, { actor, ip: '127.0.0.1', input: { attachmentId }, permission: 'report.edit' }),
    ),
  );
}
