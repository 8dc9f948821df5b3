import 'server-only';
import { logger } from '@/lib/log';
import type { Db } from '@/lib/prisma';
import { ConflictError } from '@/lib/server/errors';
import type { ObjectStore } from '@/lib/server/storage';

/**
 * The cleanup of unreferenced objects. An upload is stored (./prepare-upload.ts) before its Attachment row is
 * committed; when that transaction fails, the request is abandoned or the process dies in between, the original,
 * display and thumbnail objects are left with no row. A daily job (lib/server/reminders/jobs.ts) deletes objects
 * that no Attachment row names (removed rows included: a removed file stays visible to the reviewers) and that
 * were written more than a day ago.
 *
 * An upload that is committing while the job runs must never lose its object. Two rules make that hold:
 *   - A `put` of bytes already stored refreshes the object's write time (disk: mtime; S3: a copy onto itself), so a
 *     second upload of an old orphan's bytes makes it young again and the grace age protects it.
 *   - Each delete batch runs under an exclusive PostgreSQL advisory lock, and checks references inside it, right
 *     before deleting; the attaching transaction (./store-attachment.ts) takes the same lock shared and checks that
 *     its objects are still there. Either the batch sees the committed row and keeps the object, or the attach
 *     finds the object gone and refuses with "upload again" (never a row whose file is missing).
 *
 * Object ages are the store's own write times, machine records: the demo clock must not age them, so the job reads
 * real time (tests pass their own `now`).
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
/** Deletes per run: a backlog (after a long outage) drains over a few nights instead of one long run. */
export const ORPHAN_MAX_DELETES = 2000;
/** Objects per locked batch: the attaching transactions wait for at most one batch of deletes. */
export const ORPHAN_BATCH = 50;
/** The advisory lock shared by the attaching transactions and taken exclusively by a delete batch. */
export const ORPHAN_LOCK = 18_0001;

export interface OrphanSweep {
  /** objects listed */
  scanned: number;
  /** written within the grace age: not considered */
  young: number;
  /** old enough, but named by an Attachment row */
  referenced: number;
  deleted: number;
  deletedBytes: number;
  /** the run stopped at its delete bound; the rest waits for the next run */
  truncated: boolean;
}

interface Candidate {
  key: string;
  size: number;
}

export async function sweepOrphanObjects(
  db: Db,
  store: ObjectStore,
  options: { now?: Date; graceMs?: number; maxDeletes?: number; batchSize?: number } = {},
): Promise<OrphanSweep> {
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - (options.graceMs ?? ORPHAN_GRACE_MS);
  const maxDeletes = options.maxDeletes ?? ORPHAN_MAX_DELETES;
  const batchSize = options.batchSize ?? ORPHAN_BATCH;
  const sweep: OrphanSweep = { scanned: 0, young: 0, referenced: 0, deleted: 0, deletedBytes: 0, truncated: false };

  let batch: Candidate[] = [];
  const flush = async () => {
    const room = maxDeletes - sweep.deleted;
    if (batch.length > room) sweep.truncated = true;
    const result = await deleteUnreferenced(db, store, batch.slice(0, room));
    sweep.referenced += result.referenced;
    sweep.deleted += result.deleted;
    sweep.deletedBytes += result.bytes;
    batch = [];
  };
  for await (const object of store.list()) {
    sweep.scanned++;
    if (object.modifiedAt.getTime() > cutoff) {
      sweep.young++;
      continue;
    }
    if (sweep.deleted >= maxDeletes) {
      sweep.truncated = true;
      break;
    }
    batch.push({ key: object.key, size: object.size });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return sweep;
}

/** One batch: under the exclusive lock, the references are read right before the deletes. */
async function deleteUnreferenced(db: Db, store: ObjectStore, batch: Candidate[]) {
  if (batch.length === 0) return { referenced: 0, deleted: 0, bytes: 0 };
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ORPHAN_LOCK}::bigint)`;
      const keys = batch.map((c) => c.key);
      const rows = await tx.attachment.findMany({
        where: { OR: [{ contentHash: { in: keys } }, { displayHash: { in: keys } }, { thumbnailHash: { in: keys } }] },
        select: { contentHash: true, displayHash: true, thumbnailHash: true },
      });
      const named = new Set(rows.flatMap((r) => [r.contentHash, r.displayHash, r.thumbnailHash]));
      let deleted = 0;
      let bytes = 0;
      for (const candidate of batch) {
        if (named.has(candidate.key)) continue;
        await store.delete(candidate.key);
        deleted++;
        bytes += candidate.size;
      }
      return { referenced: batch.length - deleted, deleted, bytes };
    },
    // a batch of S3 deletes (three attempts each) may take a while; the attaching transactions wait meanwhile
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The scheduled job: one sweep with the app's store, logged with its counts. */
export async function runOrphanCleanup(db: Db, store: ObjectStore): Promise<OrphanSweep> {
  const sweep = await sweepOrphanObjects(db, store);
  logger.info({ job: 'attachments.orphans', store: store.kind, ...sweep }, 'orphaned attachment objects cleaned up');
  return sweep;
}

/**
 * The attaching transaction's half of the protocol above: holds the lock shared until it commits and checks that
 * the upload's objects are still in the store (the cleanup may have removed an old orphan of the same bytes just
 * before the upload refreshed it). A missing one refuses the attach; the user uploads the file again.
 */
export async function assertObjectsPresent(tx: Pick<Db, '$queryRaw'>, store: ObjectStore, keys: (string | null)[]) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock_shared(${ORPHAN_LOCK}::bigint)`;
  for (const key of keys) {
    if (key && !(await store.head(key))) throw new ConflictError('attachments.uploadLost');
  }
}
