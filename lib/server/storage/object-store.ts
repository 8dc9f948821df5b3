import 'server-only';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live: content-addressed, so an object's key is the SHA-256 of its bytes (64 lowercase hex
 * digits) and never anything a user typed or named. The same photo uploaded twice is one object, `put` of bytes
 * already stored is a no-op, and a key cannot point outside the store (no "../", no user file name reaches a path).
 *
 * Two implementations keep the same contract (tests/integration/object-store.test.ts runs one suite on both):
 * disk under `.data/attachments/` (the embedded default) and S3-compatible object storage (MinIO, any S3 endpoint).
 * Which one runs is configuration (./config.ts); the database row of an attachment holds the key, the detected type
 * and the size, so the store itself keeps nothing else.
 */
export interface ObjectStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes under their SHA-256; `created` is false when the same bytes were already there. */
  put(bytes: Uint8Array, options: { contentType: string }): Promise<StoredObject>;
  /** The object's bytes as a stream, or null when there is no such object. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** The object's size, or null when there is no such object. */
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing one that is not there is not an error (deletes are retried by cleanup jobs). */
  delete(key: string): Promise<void>;
  /**
   * Every object, in no particular order, with when it was written: what the cleanup of unreferenced uploads walks
   * (an object no Attachment row names, older than a day). Temp files of writes in flight are not objects.
   */
  list(): AsyncIterable<ListedObject>;
}

export interface ListedObject {
  key: string;
  size: number;
  modifiedAt: Date;
}

export interface StoredObject {
  key: string;
  size: number;
  created: boolean;
}

/**
 * The largest object either store accepts: above every per-file limit of lib/domain/attachments/limits.ts, a last
 * guard so a caller that forgot its own limit cannot fill the disk in one call.
 */
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

const KEY = /^[0-9a-f]{64}$/;

export function contentKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isObjectKey(key: string): boolean {
  return KEY.test(key);
}

/** Refuses anything but a content key before it reaches a path or a request. */
export function assertObjectKey(key: string): void {
  if (!KEY.test(key)) throw new Error('not an object key');
}

export function assertObjectSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new Error('an empty object is not stored');
  if (bytes.byteLength > MAX_OBJECT_BYTES) throw new Error(`object over ${MAX_OBJECT_BYTES} bytes`);
}
