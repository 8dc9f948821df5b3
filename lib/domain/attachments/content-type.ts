import { maxBytesFor, megabytes, MAX_UPLOAD_BYTES, type AttachmentKind } from './limits';

/**
 * What Keystone accepts, by the type the bytes themselves declare (magic bytes, sniffed with file-type), never by the
 * file's name or the type the browser sent: a PHP or HTML file named .jpg, an SVG (which can carry script) and a
 * renamed .exe are refused, whatever they are called.
 */
export const ACCEPTED_TYPES = {
  'image/jpeg': 'PHOTO',
  'image/png': 'PHOTO',
  'image/webp': 'PHOTO',
  // file-type says image/heic for the heic/heix brands of iPhones and image/heif for the generic mif1/msf1 ones
  'image/heic': 'PHOTO',
  'image/heif': 'PHOTO',
  'application/pdf': 'DOCUMENT',
} as const satisfies Record<string, AttachmentKind>;

export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** The accepted types as people name them, for the refusal and the form's hint. */
export const ACCEPTED_TYPE_NAMES = 'JPEG, PNG, WebP, HEIC, PDF';

export type ContentProblem =
  | { problem: 'empty' }
  | { problem: 'typeRefused'; accepted: string }
  | { problem: 'tooLarge'; sizeMb: number; limitMb: number };

export type ContentCheck = { ok: true; type: AcceptedType; kind: AttachmentKind } | ({ ok: false } & ContentProblem);

export function isAcceptedType(mime: string | null | undefined): mime is AcceptedType {
  return mime != null && Object.hasOwn(ACCEPTED_TYPES, mime);
}

/**
 * Decides on one file from its size and the type sniffed from its first bytes (`sniffed` null: nothing known).
 * Order matters for the message: an empty file is "empty", not "wrong type"; an over-size file of a refused type is
 * "wrong type" (the size would not help).
 */
export function checkContent(size: number, sniffed: string | null | undefined): ContentCheck {
  if (size === 0) return { ok: false, problem: 'empty' };
  if (!isAcceptedType(sniffed)) {
    if (size > MAX_UPLOAD_BYTES) return tooLarge(size, MAX_UPLOAD_BYTES);
    return { ok: false, problem: 'typeRefused', accepted: ACCEPTED_TYPE_NAMES };
  }
  const kind = ACCEPTED_TYPES[sniffed];
  if (size > maxBytesFor(kind)) return tooLarge(size, maxBytesFor(kind));
  return { ok: true, type: sniffed, kind };
}

function tooLarge(size: number, limit: number): ContentCheck {
  return { ok: false, problem: 'tooLarge', sizeMb: megabytes(size), limitMb: megabytes(limit) };
}

/** The file extension the server gives a served object (Content-Disposition), from its detected type only. */
export function extensionOf(type: AcceptedType | 'image/webp'): string {
  switch (type) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'image/heic':
      return 'heic';
    case 'image/heif':
      return 'heif';
    case 'application/pdf':
      return 'pdf';
  }
}
