import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskObjectStore } from '@/lib/server/storage/disk-store';
import { contentKey, type ObjectStore } from '@/lib/server/storage/object-store';
import { OBJECT_STORE_BACKENDS } from '../helpers/s3rver';

/** One contract, both backends: whatever the app does with the disk store it can do with S3, and the other way round. */
const backends = OBJECT_STORE_BACKENDS;

describe.each(backends)('object store: $name', ({ open }) => {
  let store: ObjectStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await open());
  });
  afterAll(async () => close());

  it('keys an object by the SHA-256 of its bytes and gives the same bytes back as a stream', async () => {
    const bytes = Buffer.from('主体结构封顶 · site photo bytes');
    const stored = await store.put(bytes, { contentType: 'image/webp' });
    expect(stored).toEqual({ key: contentKey(bytes), size: bytes.byteLength, created: true });
    expect(stored.key).toMatch(/^[0-9a-f]{64}$/);
    const got = await store.get(stored.key);
    expect(got?.size).toBe(bytes.byteLength);
    expect(await text(got!.stream)).toBe('主体结构封顶 · site photo bytes');
  });

  it('stores the same bytes once: a second put is a no-op that returns the same key', async () => {
    const bytes = Buffer.from('the same photo, uploaded twice');
    const first = await store.put(bytes, { contentType: 'image/jpeg' });
    const second = await store.put(Buffer.from(bytes), { contentType: 'image/jpeg' });
    expect(second).toEqual({ ...first, created: false });
  });

  it('heads an object by its size and answers null for one it does not hold', async () => {
    const bytes = Buffer.alloc(4096, 7);
    const { key } = await store.put(bytes, { contentType: 'application/pdf' });
    expect(await store.head(key)).toEqual({ size: 4096 });
    const absent = contentKey(Buffer.from('never stored'));
    expect(await store.head(absent)).toBeNull();
    expect(await store.get(absent)).toBeNull();
  });

  it('deletes an object, and deleting it again is not an error', async () => {
    const { key } = await store.put(Buffer.from('to be removed'), { contentType: 'image/png' });
    await store.delete(key);
    expect(await store.head(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses a key that is not a content hash before it reaches a path or a request', async () => {
    for (const key of ['../../etc/passwd', 'photo.jpg', 'A'.repeat(64), '']) {
      await expect(store.get(key)).rejects.toThrow('not an object key');
      await expect(store.head(key)).rejects.toThrow('not an object key');
      await expect(store.delete(key)).rejects.toThrow('not an object key');
    }
  });

  it('refuses an empty object', async () => {
    await expect(store.put(new Uint8Array(0), { contentType: 'image/png' })).rejects.toThrow('empty');
  });

  it('lists every object with its size and when it was written', async () => {
    const started = Date.now() - 60_000;
    const a = await store.put(Buffer.from('listed one'), { contentType: 'image/webp' });
    const b = await store.put(Buffer.from('listed two, longer'), { contentType: 'image/webp' });
    const listed = new Map<string, { size: number; modifiedAt: Date }>();
    for await (const item of store.list()) listed.set(item.key, item);
    expect(listed.get(a.key)?.size).toBe(10);
    expect(listed.get(b.key)?.size).toBe(18);
    expect(listed.get(a.key)!.modifiedAt.getTime()).toBeGreaterThan(started);
    expect([...listed.keys()].every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
  });

  it('stores concurrent puts of the same bytes as one object', async () => {
    const bytes = Buffer.from('two tabs uploading the same file at once');
    const results = await Promise.all([1, 2, 3].map(() => store.put(bytes, { contentType: 'image/jpeg' })));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    const got = await store.get(results[0]!.key);
    expect(await text(got!.stream)).toBe('two tabs uploading the same file at once');
  });
});

describe('disk store layout', () => {
  it('writes through a temp file and leaves none behind, the object under its hash', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'keystone-objects-'));
    try {
      const store: ObjectStore = new DiskObjectStore(directory);
      const { key } = await store.put(Buffer.from('atomic'), { contentType: 'image/png' });
      expect(await readdir(path.join(directory, '.tmp'))).toEqual([]);
      expect(await readdir(path.join(directory, key.slice(0, 2)))).toEqual([key]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
