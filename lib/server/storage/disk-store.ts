import 'server-only';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import {
  assertObjectKey,
  assertObjectSize,
  contentKey,
  isObjectKey,
  type ListedObject,
  type ObjectStore,
  type StoredObject,
} from './object-store';

/**
 * Objects as files under one directory: `<dir>/ab/abcdef…` (the first two hex digits fan the files out so no
 * directory grows to hundreds of thousands of entries). A write goes to `<dir>/.tmp/` first, is flushed to disk and
 * renamed into place: rename within one file system is atomic, so a reader sees the whole object or none, and a
 * crash mid-write leaves only a temp file (never a truncated object under a content key that lies).
 */
export class DiskObjectStore implements ObjectStore {
  readonly kind = 'disk' as const;

  constructor(readonly directory: string) {}

  /** The file that holds an object (what `npm run db:backup` puts in its archive). */
  pathOf(key: string): string {
    assertObjectKey(key);
    return path.join(this.directory, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<StoredObject> {
    assertObjectSize(bytes);
    const key = contentKey(bytes);
    const target = this.pathOf(key);
    if ((await sizeOf(target)) !== null) {
      // the bytes are being uploaded again: the object is young again, out of the orphan cleanup's reach
      // (lib/server/attachments/orphans.ts); its write time is a machine record, so real time
      const touched = new Date();
      await utimes(target, touched, touched);
      return { key, size: bytes.byteLength, created: false };
    }

    const tmpDir = path.join(this.directory, '.tmp');
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${key}.${randomBytes(8).toString('hex')}`);
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    // Two writers of the same bytes may both get here; the second rename replaces identical content.
    await rename(tmp, target);
    return { key, size: bytes.byteLength, created: true };
  }

  async get(key: string) {
    const file = this.pathOf(key);
    const size = await sizeOf(file);
    if (size === null) return null;
    return { stream: createReadStream(file), size };
  }

  async head(key: string) {
    const size = await sizeOf(this.pathOf(key));
    return size === null ? null : { size };
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async *list(): AsyncIterable<ListedObject> {
    const fans = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const fan of fans.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const key of await readdir(path.join(this.directory, fan))) {
        if (!isObjectKey(key) || !key.startsWith(fan)) continue;
        const info = await stat(path.join(this.directory, fan, key)).catch(() => null);
        if (info?.isFile()) yield { key, size: info.size, modifiedAt: info.mtime };
      }
    }
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
