/**
 * Newline-delimited JSON (one JSON value per line), the body of a response that reports while it works: the upload
 * route writes a line per progress report and a last line with the result; the page reads the lines as they come
 * (fetch + ReadableStream). Used on both sides, so free of Node and of the browser's globals beyond web streams.
 */

const encoder = new TextEncoder();

/** One value as a line of the stream. JSON never holds a raw newline, so a line is always one value. */
export function ndjsonLine(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value)}\n`);
}

/** Calls `onValue` with each line's value as soon as the line is complete; resolves when the stream ends. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const flush = (final: boolean) => {
    const lines = buffered.split('\n');
    buffered = final ? '' : lines.pop()!;
    for (const line of lines) if (line.trim() !== '') onValue(JSON.parse(line));
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    flush(false);
  }
  buffered += decoder.decode();
  flush(true);
}
