import 'server-only';
import type { AttachmentRow } from './get-attachment';

/** What the route serves of an attachment: the photo's two re-encoded images, or a document itself. */
export const VARIANTS = ['thumbnail', 'display', 'original'] as const;
export type Variant = (typeof VARIANTS)[number];

export function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value);
}

export interface ServedObject {
  key: string;
  /** only ever one of these two: never text/html, never image/svg+xml, never what the uploader's browser claimed */
  contentType: 'image/webp' | 'application/pdf';
  fileName: string;
}

/**
 * Which object a variant is, or null when the attachment has none: a photo's original is never served (it carries
 * the EXIF location and device data the re-encoded images leave out), and a HEIC this server could not decode has
 * no display image or thumbnail.
 */
export function servedObject(row: AttachmentRow, variant: Variant): ServedObject | null {
  const base = row.originalName.replace(/\.[^.]*$/, '') || 'file';
  if (variant === 'original') {
    if (row.kind !== 'DOCUMENT' || row.contentType !== 'application/pdf') return null;
    return { key: row.contentHash, contentType: 'application/pdf', fileName: `${base}.pdf` };
  }
  const key = variant === 'display' ? row.displayHash : row.thumbnailHash;
  if (row.kind !== 'PHOTO' || !key) return null;
  return { key, contentType: 'image/webp', fileName: `${base}${variant === 'thumbnail' ? '-thumbnail' : ''}.webp` };
}

/** RFC 6266: inline, an ASCII fallback name and the real one encoded (a Chinese file name survives every browser). */
export function contentDisposition(fileName: string, id: number): string {
  const ascii = `attachment-${id}.${fileName.split('.').pop()}`;
  const encoded = encodeURIComponent(fileName.replace(/\p{Cs}/gu, '\uFFFD'));
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
