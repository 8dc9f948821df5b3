/**
 * Signed S3 URLs (KEYSTONE_S3_SIGNED_URLS=on with a bucket): the serving route checks access exactly as before and
 * answers a permitted request with a redirect to a one-minute signed URL of that object, whose response carries the
 * server's type and file name; another department's request gets the same 404 as a missing file, and no URL.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { setObjectStoreForTests } from '@/lib/server/storage';
import { S3ObjectStore } from '@/lib/server/storage/s3-store';
import { actorOf } from '../helpers/actors';
import { photo } from '../helpers/attachment-fixtures';
import { uploadToReport } from '../helpers/attachments';
import { params } from '../helpers/route-calls';
import { startS3rver } from '../helpers/s3rver';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let server: Awaited<ReturnType<typeof startS3rver>>;
let store: S3ObjectStore;
let zjw: SessionActor;
let jtj: SessionActor;
let route: typeof import('@/app/api/attachments/[id]/[variant]/route');
let getActor: ReturnType<typeof vi.fn>;
const saved = { bucket: process.env.KEYSTONE_S3_BUCKET, signed: process.env.KEYSTONE_S3_SIGNED_URLS };

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  server = await startS3rver();
  store = new S3ObjectStore(server.config);
  setObjectStoreForTests(store);
  process.env.KEYSTONE_S3_BUCKET = server.config.bucket;
  process.env.KEYSTONE_S3_SIGNED_URLS = 'on';
  zjw = await actorOf(t.db, 'zjw');
  jtj = await actorOf(t.db, 'jtj');
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
  route = await import('@/app/api/attachments/[id]/[variant]/route');
}, 120_000);

afterAll(async () => {
  for (const [name, value] of [
    ['KEYSTONE_S3_BUCKET', saved.bucket],
    ['KEYSTONE_S3_SIGNED_URLS', saved.signed],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  setObjectStoreForTests(null);
  store?.destroy();
  await server?.stop();
  await t?.drop();
});

async function fetchAs(actor: SessionActor, id: number, variant: string) {
  getActor.mockResolvedValue(actor);
  return route.GET(
    new NextRequest(`http://localhost/api/attachments/${id}/${variant}`),
    params({ id: String(id), variant }),
  );
}

describe('signed S3 URLs', () => {
  it('redirects a permitted request to a short-lived URL of the object, typed and named by the server', async () => {
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 11, plan: { project: { departmentId: zjw.departmentId! } } },
      orderBy: { id: 'asc' },
    });
    await t.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
    const { id } = await uploadToReport(t.db, zjw, report.id, await photo({ width: 90 }), '封顶.jpg');
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id } });

    const answer = await fetchAs(zjw, id, 'display');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const url = new URL(answer.headers.get('location')!);
    expect(url.origin).toBe(server.config.endpoint);
    expect(url.pathname).toBe(`/${server.config.bucket}/attachments/${row.displayHash}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('response-content-type')).toBe('image/webp');

    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/webp');
    expect(fetched.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%B0%81%E9%A1%B6.webp");
    const bytes = Buffer.from(await fetched.arrayBuffer());
    const stored = await store.get(row.displayHash!);
    const chunks: Buffer[] = [];
    for await (const chunk of stored!.stream) chunks.push(chunk as Buffer);
    expect(bytes.equals(Buffer.concat(chunks))).toBe(true);

    // another department: the same 404 as a missing file, and no URL
    const refused = await fetchAs(jtj, id, 'display');
    expect(refused.status).toBe(404);
    expect(refused.headers.get('location')).toBeNull();
    // a photo's original is still never served, signed or not
    expect((await fetchAs(zjw, id, 'original')).status).toBe(404);
  });
});
