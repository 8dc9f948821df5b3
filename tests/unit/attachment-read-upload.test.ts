import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/attachments/limits';
import { AppError } from '@/lib/server/errors';
import { readBounded, readUploadedFile } from '@/lib/server/attachments/read-upload';

/** A body that never ends, counting how many bytes anyone pulled from it. */
function endless(chunk = 64 * 1024) {
  const pulled = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk;
      controller.enqueue(new Uint8Array(chunk));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('reading an upload within its bound', () => {
  it('reads a file within the bound whole', async () => {
    const bytes = await readUploadedFile(new File([Buffer.from('主体结构封顶')], '照片.jpg'));
    expect(Buffer.from(bytes).toString()).toBe('主体结构封顶');
  });

  it('refuses a file declared over 20 MB without reading it, naming the file and the limit', async () => {
    const file = {
      size: MAX_UPLOAD_BYTES + 1,
      name: 'huge.pdf',
      stream: () => {
        throw new Error('read');
      },
    };
    const refused = await readUploadedFile(file as unknown as File).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ key: 'attachments.tooLarge', params: { name: 'huge.pdf', limitMb: 20 } });
  });

  it('stops reading an endless body just past the bound and cancels it', async () => {
    const { stream, pulled } = endless();
    await expect(readBounded(stream, 1024 * 1024)).rejects.toMatchObject({ key: 'attachments.tooLarge' });
    expect(pulled.cancelled).toBe(true);
    expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
  });
});
