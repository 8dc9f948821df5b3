/**
 * Every bound on attachments in one place: the upload form says them up front, the server checks them, the refusal
 * names them (messages under `attachments` in messages/*.json).
 *
 * - 10 MB per photo: a phone's JPEG is 2–8 MB at 12–50 megapixels, its HEIC 1–4 MB; 10 MB takes every ordinary
 *   photo and still bounds what one request holds in memory while it is checked and re-encoded.
 * - 20 MB per PDF: a scanned 批复 or 许可证 of a few pages at 300 dpi is 1–10 MB; twice that leaves room for a
 *   colour scan without accepting whole archives.
 * - 30 files and 100 MB per monthly report: a month's 形象进度 is shown by a handful of photos; 30 leaves room for a
 *   large site without letting one report become a photo library (the storage per department is the cost).
 * - 10 files and 60 MB per 前期 milestone: one approval document, its attachments and a few photos.
 * - 60 megapixels decoded at most: above the 48–50 MP sensors of current phones; a "decompression bomb" (a small
 *   PNG that claims 100,000 × 100,000 pixels) is refused from its header before any pixel is decoded.
 */
export const MB = 1024 * 1024;

export const MAX_PHOTO_BYTES = 10 * MB;
export const MAX_DOCUMENT_BYTES = 20 * MB;
/** no accepted file is larger: a body above it is refused before its type is even looked at */
export const MAX_UPLOAD_BYTES = Math.max(MAX_PHOTO_BYTES, MAX_DOCUMENT_BYTES);

export const MAX_FILES_PER_REPORT = 30;
export const MAX_BYTES_PER_REPORT = 100 * MB;
export const MAX_FILES_PER_MILESTONE = 10;
export const MAX_BYTES_PER_MILESTONE = 60 * MB;

export const MAX_INPUT_PIXELS = 60_000_000;
/** the longer side of the served display image */
export const DISPLAY_MAX_PX = 1600;
/** the longer side of the thumbnail (two rows of thumbnails on a phone, sharp on a 2× screen at 160 px) */
export const THUMBNAIL_MAX_PX = 320;
/** how long one image may take to decode and re-encode before it is given up */
export const IMAGE_TIMEOUT_SECONDS = 20;
/** the original file name is kept for display only */
export const MAX_FILE_NAME_LENGTH = 200;

export type AttachmentKind = 'PHOTO' | 'DOCUMENT';

export function maxBytesFor(kind: AttachmentKind): number {
  return kind === 'PHOTO' ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES;
}

/** Whole megabytes for messages ("10 MB"), rounded up so a file just over a limit never reads as equal to it. */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / MB) * 10) / 10;
}
