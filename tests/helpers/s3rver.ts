import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StorageConfig } from '@/lib/server/storage/config';
import { DiskObjectStore } from '@/lib/server/storage/disk-store';
import type { ObjectStore } from '@/lib/server/storage/object-store';
import { S3ObjectStore } from '@/lib/server/storage/s3-store';

/**
 * A local S3-compatible server inside the test process, on 127.0.0.1 and a free port, with one bucket, its files in
 * a temp directory (s3rver 3; production uses MinIO or any S3 endpoint). `stop` closes it and removes the files.
 */
export async function startS3rver(bucket = 'keystone-test') {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'keystone-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: S3StorageConfig = {
    kind: 's3',
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    prefix: 'attachments/',
    forcePathStyle: true,
    // s3rver's fixed development credentials
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  return {
    config,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Both object-store backends, each opened fresh for a test file: the disk store in a temporary directory, and S3
 * against s3rver on 127.0.0.1. `close` removes what was stored. */
export const OBJECT_STORE_BACKENDS: {
  name: string;
  open: () => Promise<{ store: ObjectStore; close: () => Promise<void> }>;
}[] = [
  {
    name: 'disk',
    async open() {
      const directory = await mkdtemp(path.join(os.tmpdir(), 'keystone-objects-'));
      return { store: new DiskObjectStore(directory), close: () => rm(directory, { recursive: true, force: true }) };
    },
  },
  {
    name: 's3 (s3rver on 127.0.0.1)',
    async open() {
      const server = await startS3rver();
      const store = new S3ObjectStore(server.config);
      return {
        store,
        async close() {
          store.destroy();
          await server.stop();
        },
      };
    },
  },
];
