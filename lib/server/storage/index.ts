import 'server-only';
import { storageConfig } from './config';
import { DiskObjectStore } from './disk-store';
import type { ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-store';

export { contentKey, isObjectKey, type ObjectStore, type StoredObject } from './object-store';

let store: ObjectStore | null = null;

/** The process's one object store, chosen by configuration (./config.ts) on first use. */
export function objectStore(): ObjectStore {
  if (!store) {
    const config = storageConfig();
    store = config.kind === 'disk' ? new DiskObjectStore(config.directory) : new S3ObjectStore(config);
  }
  return store;
}

/** Tests point the app at a store of their own (a temp directory, an s3rver bucket); null returns to configuration. */
export function setObjectStoreForTests(next: ObjectStore | null): void {
  store = next;
}
