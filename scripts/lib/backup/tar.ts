/**
 * The backup archive's container: a plain POSIX tar (ustar), so an operator can look inside with `tar tvf` and
 * `tar xOf backup.tar manifest.json` without Keystone. Only what the archive needs: regular files with short
 * names, written whole from a file on disk, and read back by position (each entry is a byte range of the file,
 * streamed on demand, never loaded whole).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

const BLOCK = 512;
/** 11 octal digits: the largest entry a plain ustar header can describe */
export const MAX_ENTRY_BYTES = 8 ** 11 - 1;

export class ArchiveError extends Error {}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new ArchiveError(`tar entry name too long: ${name}`);
  if (size > MAX_ENTRY_BYTES) throw new ArchiveError(`${name} is larger than a tar entry can hold (8 GiB)`);
  const h = Buffer.alloc(BLOCK);
  const put = (offset: number, length: number, value: string) => h.write(value, offset, length, 'utf8');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(size, 12));
  put(136, 12, octal(Math.floor(mtime.getTime() / 1000), 12));
  put(148, 8, '        ');
  put(156, 1, '0');
  put(257, 8, 'ustar\u000000');
  put(265, 32, 'keystone');
  put(297, 32, 'keystone');
  let sum = 0;
  for (const byte of h) sum += byte;
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** Writes `entries` (name → file on disk, in order) as one tar file; refuses to overwrite `target`. */
export async function writeTar(target: string, entries: readonly { name: string; file: string }[], mtime: Date) {
  const out = await open(target, 'wx');
  try {
    for (const entry of entries) {
      const { size } = await stat(entry.file);
      await out.write(header(entry.name, size, mtime));
      for await (const chunk of createReadStream(entry.file)) await out.write(chunk as Buffer);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) await out.write(Buffer.alloc(pad));
    }
    await out.write(Buffer.alloc(2 * BLOCK));
    await out.sync();
  } finally {
    await out.close();
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** where the entry's data starts in the file */
  offset: number;
}

/** Lists a tar file's entries by reading their headers only. Refuses anything but this archive's kind of tar. */
export async function readTarIndex(file: string, maxEntries = 10_000): Promise<TarEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const entries: TarEntry[] = [];
    const h = Buffer.alloc(BLOCK);
    for (let offset = 0; ;) {
      if (offset + BLOCK > fileSize) throw new ArchiveError('the archive ends in the middle (truncated file?)');
      await handle.read(h, 0, BLOCK, offset);
      if (h.every((b) => b === 0)) return entries;
      if (h.toString('latin1', 257, 262) !== 'ustar') throw new ArchiveError('not a Keystone backup (no tar header)');
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      if (parseInt(h.toString('latin1', 148, 156), 8) !== sum) {
        throw new ArchiveError(`the archive is damaged (bad header checksum at byte ${offset})`);
      }
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(h.toString('latin1', 124, 136), 8);
      if (!Number.isSafeInteger(size) || offset + BLOCK + size > fileSize) {
        throw new ArchiveError(`the archive ends in the middle of ${name} (truncated file?)`);
      }
      entries.push({ name, size, offset: offset + BLOCK });
      if (entries.length > maxEntries) throw new ArchiveError('the archive has too many entries');
      offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await handle.close();
  }
}

/** One entry's bytes as a stream. */
export function openTarEntry(file: string, entry: TarEntry) {
  if (entry.size === 0) return Readable.from([]);
  return createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
}
