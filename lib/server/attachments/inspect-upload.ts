import 'server-only';
import { fileTypeFromBuffer } from 'file-type';
import { checkContent, type ContentCheck } from '@/lib/domain/attachments/content-type';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/attachments/limits';

/**
 * Sniffs one uploaded file's type from its magic bytes (file-type) and applies the content rule of
 * lib/domain/attachments/content-type.ts. A body over the largest accepted size is refused without being sniffed;
 * the caller should already have refused it from its declared size (File.size, Content-Length) before reading it.
 */
export async function inspectUpload(bytes: Uint8Array): Promise<ContentCheck> {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_UPLOAD_BYTES) return checkContent(bytes.byteLength, null);
  const sniffed = await fileTypeFromBuffer(bytes);
  return checkContent(bytes.byteLength, sniffed?.mime ?? null);
}
