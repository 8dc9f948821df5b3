/**
 * The attachments' files in a backup archive (docs/attachments.md "Backup"). With the disk store, every object an
 * Attachment row of the snapshot names (original, display image, thumbnail; removed rows too) goes into the archive
 * as `objects/<sha256>`, read straight from the store's file. Objects are immutable and named by their hash, so the
 * name is the checksum: restore re-hashes each before anything is written. With S3 the bucket is not copied (it
 * may be far larger than a tar should be, and the provider's versioning or replication, or `mc mirror` for MinIO,
 * backs it up better); the manifest and the output say so and count what the database refers to.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type pg from 'pg';
import { DiskObjectStore } from '../../../lib/server/storage/disk-store';
import { isObjectKey, MAX_OBJECT_BYTES, type ObjectStore } from '../../../lib/server/storage/object-store';
import { ArchiveError, openTarEntry, type TarEntry } from './tar';

export const OBJECT_ENTRY = /^objects\/([0-9a-f]{64})$/;

export interface ManifestObjects {
  store: 'disk' | 's3';
  /** the files are in the archive (disk store) or not (S3: back the bucket up on its own) */
  included: boolean;
  /** objects the database names */
  count: number;
  /** objects in the archive */
  archived: number;
  bytes: number;
  /** named by a row but not found in the store when the backup ran */
  missing: string[];
}

/** Every object key the database names, read inside the backup's snapshot transaction. */
export async function referencedObjectKeys(client: pg.Client): Promise<string[]> {
  const { rows: exists } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('public."Attachment"') IS NOT NULL AS ok`,
  );
  if (!exists[0]?.ok) return [];
  const { rows } = await client.query<{ key: string }>(
    `SELECT DISTINCT key FROM (
       SELECT "contentHash" AS key FROM "Attachment"
       UNION ALL SELECT "displayHash" FROM "Attachment"
       UNION ALL SELECT "thumbnailHash" FROM "Attachment") k
      WHERE key IS NOT NULL ORDER BY key`,
  );
  return rows.map((r) => r.key);
}

/** The archive entries of the objects (disk store), and what the manifest records about them. */
export async function objectEntries(
  store: ObjectStore | null,
  keys: string[],
): Promise<{ entries: { name: string; file: string }[]; objects: ManifestObjects | null }> {
  if (!store) return { entries: [], objects: null };
  const objects: ManifestObjects = {
    store: store.kind,
    included: store instanceof DiskObjectStore,
    count: keys.length,
    archived: 0,
    bytes: 0,
    missing: [],
  };
  const entries: { name: string; file: string }[] = [];
  if (!(store instanceof DiskObjectStore)) return { entries, objects };
  for (const key of keys) {
    const file = store.pathOf(key);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      objects.missing.push(key);
      continue;
    }
    entries.push({ name: `objects/${key}`, file });
    objects.archived++;
    objects.bytes += info.size;
  }
  return { entries, objects };
}

/** Re-hashes every object of the archive against its name, and counts them against the manifest. */
export async function checkObjects(file: string, index: TarEntry[], objects: ManifestObjects | null | undefined) {
  const entries = index.filter((e) => OBJECT_ENTRY.test(e.name));
  if ((objects?.archived ?? 0) !== entries.length) {
    throw new ArchiveError(
      `the archive is damaged: it holds ${entries.length} attachment file(s), the manifest says ${objects?.archived ?? 0}`,
    );
  }
  for (const entry of entries) {
    const key = OBJECT_ENTRY.exec(entry.name)![1]!;
    if (entry.size > MAX_OBJECT_BYTES) throw new ArchiveError(`the archive is damaged: ${entry.name} is too large`);
    const hash = createHash('sha256');
    for await (const chunk of openTarEntry(file, entry)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== key)
      throw new ArchiveError(`the archive is damaged: attachment file ${key.slice(0, 12)}…`);
  }
  return entries;
}

/** Puts the archive's objects into the store (a `put` of bytes already there does nothing). */
export async function restoreObjects(file: string, entries: TarEntry[], store: ObjectStore) {
  let created = 0;
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of openTarEntry(file, entry)) chunks.push(chunk as Buffer);
    const stored = await store.put(Buffer.concat(chunks), { contentType: 'application/octet-stream' });
    if (!isObjectKey(stored.key) || `objects/${stored.key}` !== entry.name) {
      throw new ArchiveError(`the archive is damaged: attachment file ${entry.name}`);
    }
    if (stored.created) created++;
  }
  return { restored: entries.length, created };
}
