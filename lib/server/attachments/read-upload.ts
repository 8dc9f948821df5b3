import 'server-only';
import { MAX_UPLOAD_BYTES, megabytes } from '@/lib/domain/attachments/limits';
import { AppError } from '@/lib/server/errors';
import { fileProblemMessage } from './messages';

/**
 * The bytes of one uploaded file, bounded before they are read: a File whose declared size is over the largest
 * accepted one (20 MB) is refused without reading it, and a stream (a route handler's request body) is read chunk
 * by chunk and abandoned the moment it passes the bound, so a lying Content-Length or an endless body never sits
 * in memory whole. The per-type limit (10 MB for a photo) is checked after sniffing (./inspect-upload.ts).
 */
export async function readUploadedFile(
  file: { size: number; stream(): ReadableStream<Uint8Array>; name?: string },
  max = MAX_UPLOAD_BYTES,
): Promise<Uint8Array> {
  if (file.size > max) throw tooLarge(file.name ?? '', file.size, max);
  return readBounded(file.stream(), max, file.name ?? '');
}

export async function readBounded(stream: ReadableStream<Uint8Array>, max: number, name = ''): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw tooLarge(name, size, max);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(name: string, size: number, max: number): AppError {
  const message = fileProblemMessage(name, { problem: 'tooLarge', sizeMb: megabytes(size), limitMb: megabytes(max) });
  return new AppError('VALIDATION', { key: message.key, params: message.params });
}
