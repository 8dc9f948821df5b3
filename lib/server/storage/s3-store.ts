import 'server-only';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  assertObjectKey,
  assertObjectSize,
  contentKey,
  isObjectKey,
  type ListedObject,
  type ObjectStore,
  type StoredObject,
} from './object-store';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3StorageConfig } from './config';

/**
 * Objects in an S3-compatible bucket (MinIO in docker-compose, or any S3 endpoint) under `<prefix><sha256>`. S3 puts
 * are atomic per object and a key's bytes never differ, so a PUT of bytes already there (after a HEAD that tells
 * `created`) rewrites the same object and only renews its time; two racing PUTs of one key write the same bytes.
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(config: S3StorageConfig) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      // unset: the SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role)
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // a hung endpoint must not hold a request (and its memory) forever
      requestHandler: { requestTimeout: 30_000, connectionTimeout: 5_000 },
      maxAttempts: 3,
    });
    this.bucket = config.bucket;
    this.prefix = config.prefix;
  }

  private objectKey(key: string): string {
    assertObjectKey(key);
    return `${this.prefix}${key}`;
  }

  async put(bytes: Uint8Array, options: { contentType: string }): Promise<StoredObject> {
    assertObjectSize(bytes);
    const key = contentKey(bytes);
    // Bytes already stored are PUT again all the same: that renews LastModified, so the orphan cleanup
    // (lib/server/attachments/orphans.ts) treats an old unreferenced object being uploaded again as young. (A copy
    // onto itself would save the transfer on AWS, but not every S3-compatible server renews the time for it.)
    const existed = (await this.head(key)) !== null;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: options.contentType,
      }),
    );
    return { key, size: bytes.byteLength, created: !existed };
  }

  async get(key: string) {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(answer.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
      return { stream: answer.Body, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async head(key: string) {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a key that is not there, which is what the contract asks
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token, MaxKeys: 1000 }),
      );
      for (const item of page.Contents ?? []) {
        const key = item.Key?.slice(this.prefix.length) ?? '';
        // anything else someone put under the prefix is not ours to list (or to clean up)
        if (isObjectKey(key)) yield { key, size: item.Size ?? 0, modifiedAt: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * A short-lived URL that fetches the object straight from the bucket, with the response's type, file name and
   * caching set by the signature (the bucket cannot be made to answer with anything else for this URL). Issued by
   * the serving route only after its access check (KEYSTONE_S3_SIGNED_URLS=on).
   */
  async signedUrl(
    key: string,
    response: { contentType: string; contentDisposition: string; expiresInSeconds: number },
  ): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ResponseContentType: response.contentType,
      ResponseContentDisposition: response.contentDisposition,
      ResponseCacheControl: 'private, no-store',
    });
    return getSignedUrl(this.client, command, { expiresIn: response.expiresInSeconds });
  }

  /** Closes the client's sockets (tests, and a process that is stopping). */
  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
