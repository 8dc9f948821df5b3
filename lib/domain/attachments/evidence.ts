/**
 * What a photo's EXIF says that is worth keeping as evidence: when it was taken and, only if the bureau turns it on,
 * where. Everything else (device make and model, serial numbers, the GPS track, thumbnails) is dropped: the served
 * images are re-encoded without any metadata, and only these two values reach the database.
 *
 * The input is the parsed EXIF (exif-reader's shape), so this stays pure and testable without an image.
 */
export interface ExifTags {
  Photo?: { DateTimeOriginal?: unknown; OffsetTimeOriginal?: unknown };
  Image?: { DateTime?: unknown };
  GPSInfo?: { GPSLatitudeRef?: unknown; GPSLatitude?: unknown; GPSLongitudeRef?: unknown; GPSLongitude?: unknown };
}

export interface Location {
  latitude: number;
  longitude: number;
}

export interface PhotoEvidence {
  capturedAt: Date | null;
  location: Location | null;
}

/**
 * EXIF keeps the camera's local wall-clock time without a zone; OffsetTimeOriginal (EXIF 2.31, set by current
 * phones) says which. Without it the photo is taken to be from Chongqing (UTC+8), where the district's sites are.
 */
const DEFAULT_OFFSET_MINUTES = 8 * 60;
const EARLIEST = Date.UTC(1990, 0, 1);

export function evidenceFromExif(
  tags: ExifTags | null | undefined,
  options: { keepLocation: boolean; now: Date },
): PhotoEvidence {
  return {
    capturedAt: captureTime(tags, options.now),
    location: options.keepLocation ? gpsLocation(tags) : null,
  };
}

function captureTime(tags: ExifTags | null | undefined, now: Date): Date | null {
  // exif-reader reads the wall-clock fields as if they were UTC
  const wallClock = tags?.Photo?.DateTimeOriginal;
  if (!(wallClock instanceof Date) || Number.isNaN(wallClock.getTime())) return null;
  const offset = parseOffset(tags?.Photo?.OffsetTimeOriginal) ?? DEFAULT_OFFSET_MINUTES;
  const instant = new Date(wallClock.getTime() - offset * 60_000);
  // A camera with a reset clock says 1970 or 2080: not evidence of anything, so not kept. A day of slack for zones.
  if (instant.getTime() < EARLIEST || instant.getTime() > now.getTime() + 86_400_000) return null;
  return instant;
}

function parseOffset(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}

function gpsLocation(tags: ExifTags | null | undefined): Location | null {
  const gps = tags?.GPSInfo;
  const latitude = degrees(gps?.GPSLatitude, gps?.GPSLatitudeRef, 'N', 'S', 90);
  const longitude = degrees(gps?.GPSLongitude, gps?.GPSLongitudeRef, 'E', 'W', 180);
  if (latitude === null || longitude === null) return null;
  // (0, 0) is a phone without a fix, in the Gulf of Guinea
  if (latitude === 0 && longitude === 0) return null;
  return { latitude, longitude };
}

/** [degrees, minutes, seconds] and a hemisphere letter → signed decimal degrees, 6 places (about 0.1 m). */
function degrees(dms: unknown, ref: unknown, positive: string, negative: string, max: number): number | null {
  if (
    !Array.isArray(dms) ||
    dms.length !== 3 ||
    !dms.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  ) {
    return null;
  }
  const [d, m, s] = dms as [number, number, number];
  if (m >= 60 || s >= 60) return null;
  const value = d + m / 60 + s / 3600;
  if (value > max) return null;
  const hemisphere = typeof ref === 'string' ? ref.trim().toUpperCase() : '';
  if (hemisphere !== positive && hemisphere !== negative) return null;
  const signed = hemisphere === negative ? -value : value;
  return Math.round(signed * 1e6) / 1e6;
}
