/**
 * The zip inside an .xlsx, checked before SheetJS opens it. SheetJS inflates every entry of the archive eagerly
 * and believes what the archive says, so a zip bomb (a few kilobytes that inflate to gigabytes, or one entry listed
 * a thousand times) would fill the heap before the first cell is read. Here the central directory is read first
 * and refused beyond MAX_ZIP_ENTRIES entries or MAX_INFLATED_BYTES declared; then each entry is inflated the way
 * SheetJS will (from its local header, to the end of its deflate stream) with zlib's `maxOutputLength` set to what
 * is left of MAX_INFLATED_BYTES, so a directory that lies about sizes is caught after at most that many bytes.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES, SheetLimitError } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

/** A structurally broken archive: the caller answers "unreadable", like any file that is not a spreadsheet. */
export class CorruptZipError extends Error {}

export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: MAX_ZIP_ENTRIES, maxInflatedBytes: MAX_INFLATED_BYTES };

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (at: number, size: number) => {
    if (at < 0 || at + size > bytes.length) throw new CorruptZipError('zip: read past the end');
  };
  return {
    u16: (at: number) => (check(at, 2), view.getUint16(at, true)),
    u32: (at: number) => (check(at, 4), view.getUint32(at, true)),
    u64: (at: number) => (check(at, 8), view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32),
  };
}

/** The uncompressed size a ZIP64 extra field (0x0001) gives instead of 0xFFFFFFFF. */
function zip64Size(bytes: Uint8Array, from: number, to: number, size32: number): number {
  if (size32 !== 0xffffffff) return size32;
  const r = reader(bytes);
  for (let at = from; at + 4 <= to;) {
    const id = r.u16(at);
    const length = r.u16(at + 2);
    if (id === 0x0001) return r.u64(at + 4);
    at += 4 + length;
  }
  return size32;
}

interface LocalEntry {
  name: string;
  method: number;
  dataStart: number;
  storedSize: number;
}

function localEntry(bytes: Uint8Array, offset: number): LocalEntry {
  const r = reader(bytes);
  if (r.u32(offset) !== LOCAL) throw new CorruptZipError('zip: no local header');
  if (r.u16(offset + 6) & 0x2041) throw new CorruptZipError('zip: encrypted');
  const nameLength = r.u16(offset + 26);
  const extraLength = r.u16(offset + 28);
  const dataStart = offset + 30 + nameLength + extraLength;
  if (dataStart > bytes.length) throw new CorruptZipError('zip: entry past the end');
  // SheetJS reads the name byte by byte from the local header, so the same is done here
  let name = '';
  for (let i = 0; i < nameLength; i += 1) name += String.fromCharCode(bytes[offset + 30 + i]!);
  return { name, method: r.u16(offset + 8), dataStart, storedSize: r.u32(offset + 18) };
}

/**
 * Checks the archive against the limits and returns the inflated bytes of the entries `keep` selects (the few XML
 * parts the caller reads itself). Throws SheetLimitError for a limit, CorruptZipError for a broken archive.
 */
export function inflateZipWithinLimits(
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => false,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const r = reader(bytes);
  // the end record, found as SheetJS finds it: the last signature in the file
  let end = bytes.length - 22;
  while (end >= 0 && r.u32(end) !== EOCD) end -= 1;
  if (end < 0) throw new CorruptZipError('zip: no end of central directory');
  // SheetJS counts entries from the first of these two fields; an archive where they differ is not a workbook
  const count = r.u16(end + 8);
  if (count !== r.u16(end + 10)) throw new CorruptZipError('zip: entry counts differ');
  if (count > limits.maxEntries) throw new SheetLimitError('sheetTooManyEntries', { count, max: limits.maxEntries });

  // 1. what the directory declares, before anything is inflated
  const offsets: number[] = [];
  let declared = 0;
  let at = r.u32(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (r.u32(at) !== CENTRAL) throw new CorruptZipError('zip: bad central directory');
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const extraStart = at + 46 + nameLength;
    declared += zip64Size(bytes, extraStart, extraStart + extraLength, r.u32(at + 24));
    offsets.push(r.u32(at + 42));
    at = extraStart + extraLength + r.u16(at + 32);
  }
  const maxMb = Math.round(limits.maxInflatedBytes / MB);
  if (declared > limits.maxInflatedBytes) throw new SheetLimitError('sheetInflatedTooLarge', { max: maxMb });

  // 2. what the entries really inflate to, counted against the same budget (a directory may lie, or list one
  //    entry many times)
  const kept = new Map<string, Uint8Array>();
  let left = limits.maxInflatedBytes;
  for (const offset of offsets) {
    const entry = localEntry(bytes, offset);
    let data: Uint8Array;
    if (entry.method === 0) {
      data = bytes.subarray(entry.dataStart, entry.dataStart + entry.storedSize);
    } else if (entry.method === 8) {
      try {
        data = inflateRawSync(bytes.subarray(entry.dataStart), { maxOutputLength: Math.max(left, 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new SheetLimitError('sheetInflatedTooLarge', { max: maxMb });
        }
        throw new CorruptZipError('zip: bad deflate data');
      }
    } else {
      throw new CorruptZipError(`zip: compression method ${entry.method}`);
    }
    left -= data.length;
    if (left < 0) throw new SheetLimitError('sheetInflatedTooLarge', { max: maxMb });
    if (keep(entry.name)) kept.set(entry.name, data);
  }
  return kept;
}
