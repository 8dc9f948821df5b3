import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/log';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { contentDisposition, isVariant, servedObject } from '@/lib/server/attachments/served-object';
import { AppError } from '@/lib/server/errors';
import { objectStore } from '@/lib/server/storage';
import { signedUrlsEnabled } from '@/lib/server/storage/config';
import { S3ObjectStore } from '@/lib/server/storage/s3-store';
import { sheetError } from '../../../projects/sheet-response';

export const dynamic = 'force-dynamic';

/** A signed URL's life: long enough for the browser to follow the redirect, too short to be passed around. */
const SIGNED_URL_SECONDS = 60;

const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

/**
 * GET /api/attachments/12/thumbnail | display | original → the attachment's object, after the same check as the
 * record it belongs to (lib/server/attachments/get-attachment.ts): another department's file answers 404 like a
 * missing one. The server sets the type (image/webp or application/pdf, never HTML or SVG) and the file name;
 * nosniff keeps a browser from second-guessing the type, and the images are sandboxed should one ever be opened
 * as a document.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const actor = await getActor();
  if (!actor) return sheetError(401, 'UNAUTHENTICATED');
  if (actor.mustChangePassword) return sheetError(403, 'FORBIDDEN');
  const { id: rawId, variant } = await params;
  if (!ID.test(rawId) || Number(rawId) > MAX_ID || !isVariant(variant)) return sheetError(404, 'NOT_FOUND');
  const id = Number(rawId);
  let row;
  try {
    row = await getAttachment(prisma, actor, { id });
  } catch (error) {
    if (error instanceof AppError) return sheetError(404, 'NOT_FOUND');
    throw error;
  }
  const served = servedObject(row, variant);
  if (!served) return sheetError(404, 'NOT_FOUND');
  const store = objectStore();
  if (store instanceof S3ObjectStore && signedUrlsEnabled()) {
    // the check above is the same; the bytes then come from the bucket, which the signature binds to this object,
    // its type and its file name for a minute
    const url = await store.signedUrl(served.key, {
      contentType: served.contentType,
      contentDisposition: contentDisposition(served.fileName, id),
      expiresInSeconds: SIGNED_URL_SECONDS,
    });
    return new Response(null, {
      status: 302,
      headers: { Location: url, 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' },
    });
  }
  const object = await store.get(served.key);
  if (!object) {
    logger.warn({ attachmentId: id, variant }, 'attachment object missing from the store');
    return sheetError(404, 'NOT_FOUND');
  }
  return new Response(Readable.toWeb(object.stream) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': served.contentType,
      'Content-Length': String(object.size),
      'Content-Disposition': contentDisposition(served.fileName, id),
      'X-Content-Type-Options': 'nosniff',
      // content-addressed, so a cached copy is never stale; private, since it was served after an access check
      'Cache-Control': 'private, max-age=3600',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...(served.contentType === 'image/webp' ? { 'Content-Security-Policy': "default-src 'none'; sandbox" } : {}),
    },
  });
}
