import 'server-only';
import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';
import type { AcceptedType } from '@/lib/domain/attachments/content-type';
import { evidenceFromExif, type ExifTags, type PhotoEvidence } from '@/lib/domain/attachments/evidence';
import {
  DISPLAY_MAX_PX,
  IMAGE_TIMEOUT_SECONDS,
  MAX_INPUT_PIXELS,
  THUMBNAIL_MAX_PX,
} from '@/lib/domain/attachments/limits';

/**
 * Re-encodes an accepted photo into what is served: a display image (longer side ≤ 1600 px) and a thumbnail
 * (≤ 320 px), both WebP, turned upright by the EXIF orientation and carrying no metadata at all (sharp writes none
 * unless asked: no location, no device, no embedded thumbnail). Whatever rode along in the original (a script in a
 * comment segment, a polyglot's second format) is not in the re-encoded pixels.
 *
 * Decoding is bounded: the header's pixel count against MAX_INPUT_PIXELS before any pixel is decoded (a
 * decompression bomb is refused from its header), sharp's own limitInputPixels as the second guard, a timeout per
 * image, and at most two images at a time in this process so a burst of 30 uploads cannot take all memory.
 *
 * HEIC: the prebuilt libvips that sharp installs from npm decodes AVIF but not HEVC (HEIC), for patent reasons.
 * A HEIC photo is therefore kept as its original, with its capture time when the container's EXIF is readable, and
 * without a preview; a libvips built with libde265 makes the same code produce previews.
 */
export type ImageProblem = { problem: 'undecodable' } | { problem: 'tooManyPixels'; limitMegapixels: number };

export type ProcessedPhoto =
  { ok: true; preview: Preview | null; evidence: PhotoEvidence } | ({ ok: false } & ImageProblem);

export interface Preview {
  display: Buffer;
  thumbnail: Buffer;
  /** the display image's size, upright */
  width: number;
  height: number;
}

const INPUT = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true } as const;
const HEIF_TYPES: readonly AcceptedType[] = ['image/heic', 'image/heif'];
const undecodable = { ok: false, problem: 'undecodable' } as const;

export async function processPhoto(
  bytes: Uint8Array,
  type: AcceptedType,
  options: { keepLocation: boolean; now: Date },
): Promise<ProcessedPhoto> {
  return withSlot(async () => {
    const heif = HEIF_TYPES.includes(type);
    let metadata: Metadata;
    try {
      // the header only: no pixel is decoded here, so the pixel limit is checked below, with its own message
      metadata = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata();
    } catch {
      // Without an HEVC decoder a HEIC cannot be told from a damaged one; its container brand was checked by the
      // sniffer, so it is kept as an original without a preview rather than refused.
      return heif ? { ok: true, preview: null, evidence: { capturedAt: null, location: null } } : undecodable;
    }
    const width = metadata.width ?? 0;
    const height = metadata.height ?? 0;
    if (width * height > MAX_INPUT_PIXELS) {
      return { ok: false, problem: 'tooManyPixels', limitMegapixels: MAX_INPUT_PIXELS / 1_000_000 };
    }
    const evidence = evidenceFromExif(readExif(metadata.exif), options);
    try {
      return { ok: true, preview: await renderPreview(bytes), evidence };
    } catch {
      // a JPEG, PNG or WebP that does not decode (or not within the timeout) is refused; see above for HEIC
      return heif ? { ok: true, preview: null, evidence } : undecodable;
    }
  });
}

async function renderPreview(bytes: Uint8Array): Promise<Preview> {
  const display = await sharp(bytes, INPUT)
    .timeout({ seconds: IMAGE_TIMEOUT_SECONDS })
    .autoOrient()
    .resize({ width: DISPLAY_MAX_PX, height: DISPLAY_MAX_PX, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  // from the display image: already upright and small, so the second decode is cheap
  const thumbnail = await sharp(display.data)
    .timeout({ seconds: IMAGE_TIMEOUT_SECONDS })
    .resize({ width: THUMBNAIL_MAX_PX, height: THUMBNAIL_MAX_PX, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { display: display.data, thumbnail, width: display.info.width, height: display.info.height };
}

function readExif(exif: Buffer | undefined): ExifTags | null {
  if (!exif) return null;
  try {
    return exifReader(exif) as ExifTags;
  } catch {
    // malformed EXIF is not a reason to refuse the photo; it only carries no capture time
    return null;
  }
}

/** At most two images decoded at once in this process (each can take a few hundred MB at the pixel limit). */
const SLOTS = 2;
let busy = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy -= 1;
  }
}
