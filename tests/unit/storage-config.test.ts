import { describe, expect, it } from 'vitest';
import { describeStorage, signedUrlsEnabled, storageConfig } from '@/lib/server/storage/config';

describe('storage configuration', () => {
  it('stores on disk under .data/attachments of the working directory when no bucket is set', () => {
    expect(storageConfig({}, '/srv/keystone')).toEqual({ kind: 'disk', directory: '/srv/keystone/.data/attachments' });
  });

  it('takes another disk directory from KEYSTONE_STORAGE_DIR', () => {
    expect(storageConfig({ KEYSTONE_STORAGE_DIR: '/var/lib/keystone/files' }, '/srv')).toEqual({
      kind: 'disk',
      directory: '/var/lib/keystone/files',
    });
  });

  it('uses S3 when a bucket is set, path style for MinIO and the SDK chain for credentials unless given', () => {
    const config = storageConfig({ KEYSTONE_S3_BUCKET: 'keystone', KEYSTONE_S3_ENDPOINT: 'http://minio:9000' });
    expect(config).toEqual({
      kind: 's3',
      bucket: 'keystone',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      prefix: 'attachments/',
      forcePathStyle: true,
      credentials: null,
    });
  });

  it('takes KEYSTONE_S3_ credentials only as a pair', () => {
    const env = { KEYSTONE_S3_BUCKET: 'b1', KEYSTONE_S3_ACCESS_KEY_ID: 'id' };
    expect(() => storageConfig(env)).toThrow('set together');
    const config = storageConfig({
      ...env,
      KEYSTONE_S3_SECRET_ACCESS_KEY: 'shh',
      KEYSTONE_S3_FORCE_PATH_STYLE: 'false',
    });
    expect(config).toMatchObject({ credentials: { accessKeyId: 'id', secretAccessKey: 'shh' }, forcePathStyle: false });
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => storageConfig({ KEYSTONE_S3_BUCKET: 'b1', KEYSTONE_S3_ENDPOINT: 'minio:9000' })).toThrow('http');
  });

  it('describes the store without its secret', () => {
    const config = storageConfig({
      KEYSTONE_S3_BUCKET: 'keystone',
      KEYSTONE_S3_ENDPOINT: 'https://s3.example.gov.cn',
      KEYSTONE_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      KEYSTONE_S3_SECRET_ACCESS_KEY: 'very-secret-key',
    });
    const text = describeStorage(config);
    expect(text).toContain('https://s3.example.gov.cn');
    expect(text).not.toContain('very-secret-key');
    expect(text).not.toContain('AKIDEXAMPLE');
  });

  it('redirects to signed URLs only with a bucket and KEYSTONE_S3_SIGNED_URLS=on', () => {
    expect(signedUrlsEnabled({ KEYSTONE_S3_BUCKET: 'keystone', KEYSTONE_S3_SIGNED_URLS: 'on' })).toBe(true);
    expect(signedUrlsEnabled({ KEYSTONE_S3_BUCKET: 'keystone' })).toBe(false);
    expect(signedUrlsEnabled({ KEYSTONE_S3_BUCKET: 'keystone', KEYSTONE_S3_SIGNED_URLS: 'true' })).toBe(false);
    // the disk store streams through the app whatever the variable says
    expect(signedUrlsEnabled({ KEYSTONE_S3_SIGNED_URLS: 'on' })).toBe(false);
  });
});
