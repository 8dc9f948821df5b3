import 'server-only';
import path from 'node:path';

/**
 * Where attachments are stored, from the environment (README "Configuration", docs/attachments.md):
 *
 *   KEYSTONE_S3_BUCKET          set: objects go to this S3-compatible bucket; unset: to disk
 *   KEYSTONE_S3_ENDPOINT        the endpoint of MinIO or another S3-compatible service (http://minio:9000);
 *                               unset with a bucket: AWS S3 itself
 *   KEYSTONE_S3_REGION          the region (us-east-1 by default; MinIO ignores it)
 *   KEYSTONE_S3_PREFIX          a key prefix inside the bucket ("attachments/" by default)
 *   KEYSTONE_S3_FORCE_PATH_STYLE  "false" for virtual-hosted buckets on AWS; path style (what MinIO needs) otherwise
 *   KEYSTONE_S3_ACCESS_KEY_ID, KEYSTONE_S3_SECRET_ACCESS_KEY
 *                               the credentials; unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID and
 *                               AWS_SECRET_ACCESS_KEY, a profile, an instance role)
 *   KEYSTONE_STORAGE_DIR        the directory of the disk store (.data/attachments, next to the embedded database)
 *   KEYSTONE_S3_SIGNED_URLS     "on": with S3, the serving route answers a permitted request with a redirect to a
 *                               60-second signed URL of the bucket instead of streaming the file itself
 *
 * The secret key is handed to the SDK and never logged: `describeStorage` is what may be printed.
 */
export interface S3StorageConfig {
  kind: 's3';
  bucket: string;
  endpoint: string | null;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

export interface DiskStorageConfig {
  kind: 'disk';
  directory: string;
}

export type StorageConfig = S3StorageConfig | DiskStorageConfig;

type Env = Record<string, string | undefined>;

export function storageConfig(env: Env = process.env, cwd = process.cwd()): StorageConfig {
  const bucket = env.KEYSTONE_S3_BUCKET?.trim();
  if (!bucket) {
    const directory = env.KEYSTONE_STORAGE_DIR?.trim() || path.join('.data', 'attachments');
    return { kind: 'disk', directory: path.resolve(cwd, directory) };
  }
  const endpoint = env.KEYSTONE_S3_ENDPOINT?.trim() || null;
  if (endpoint !== null && !/^https?:\/\//.test(endpoint)) {
    throw new Error('KEYSTONE_S3_ENDPOINT must be an http:// or https:// URL');
  }
  const accessKeyId = env.KEYSTONE_S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.KEYSTONE_S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('KEYSTONE_S3_ACCESS_KEY_ID and KEYSTONE_S3_SECRET_ACCESS_KEY are set together or not at all');
  }
  return {
    kind: 's3',
    bucket,
    endpoint,
    region: env.KEYSTONE_S3_REGION?.trim() || 'us-east-1',
    prefix: env.KEYSTONE_S3_PREFIX?.trim() ?? 'attachments/',
    forcePathStyle: env.KEYSTONE_S3_FORCE_PATH_STYLE?.trim() !== 'false',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
  };
}

/** Whether the serving route redirects to signed S3 URLs (S3 configured and KEYSTONE_S3_SIGNED_URLS=on). */
export function signedUrlsEnabled(env: Env = process.env): boolean {
  return Boolean(env.KEYSTONE_S3_BUCKET?.trim()) && env.KEYSTONE_S3_SIGNED_URLS?.trim() === 'on';
}

/** The configuration without its secret, for the start log and the health page. */
export function describeStorage(config: StorageConfig): string {
  if (config.kind === 'disk') return `disk ${config.directory}`;
  return `s3 ${config.endpoint ?? 'aws'} bucket ${config.bucket} prefix ${config.prefix || '(none)'}`;
}
