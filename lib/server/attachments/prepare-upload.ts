import 'server-only';
import type { AcceptedType } from '@/lib/domain/attachments/content-type';
import type { Location } from '@/lib/domain/attachments/evidence';
import { MAX_FILE_NAME_LENGTH, type AttachmentKind } from '@/lib/domain/attachments/limits';
import { AppError } from '@/lib/server/errors';
import { objectStore } from '@/lib/server/storage';
import { cleanText, sliceWhole } from '@/lib/validations/text';
import { inspectUpload } from './inspect-upload';
import { fileProblemMessage } from './messages';
import { processPhoto } from './process-image';

/** One checked, re-encoded and stored file, ready to become an Attachment row of a report or a milestone. */
export interface PreparedUpload {
  kind: AttachmentKind;
  contentType: AcceptedType;
  contentHash: string;
  size: number;
  originalName: string;
  displayHash: string | null;
  thumbnailHash: string | null;
  width: number | null;
  height: number | null;
  capturedAt: Date | null;
  location: Location | null;
}

/**
 * Checks one uploaded file (type by content, size), re-encodes a photo (./process-image.ts) and puts the original and
 * its served images into the object store. Nothing is written to the database: this runs before the transaction
 * that attaches the file (sharp's seconds must not hold a database connection), and the caller authorizes the
 * record first (./attach-to-report.ts `assertReportAttachable`) so no one makes the server decode for a record they
 * cannot touch. Objects of an upload that is then refused stay unreferenced; the cleanup job removes them.
 *
 * Refusals are AppErrors (VALIDATION) whose message names the file and the rule, in the user's language at the edge.
 */
export async function prepareUpload(
  bytes: Uint8Array,
  fileName: string,
  options: { keepLocation: boolean; now: Date },
): Promise<PreparedUpload> {
  const originalName = displayName(fileName);
  const checked = await inspectUpload(bytes);
  if (!checked.ok) throw refusal(fileProblemMessage(originalName, checked));

  let preview = null;
  let evidence = { capturedAt: null as Date | null, location: null as Location | null };
  if (checked.kind === 'PHOTO') {
    const processed = await processPhoto(bytes, checked.type, options);
    if (!processed.ok) throw refusal(fileProblemMessage(originalName, processed));
    preview = processed.preview;
    evidence = processed.evidence;
  }

  const store = objectStore();
  const original = await store.put(bytes, { contentType: checked.type });
  const display = preview ? await store.put(preview.display, { contentType: 'image/webp' }) : null;
  const thumbnail = preview ? await store.put(preview.thumbnail, { contentType: 'image/webp' }) : null;
  return {
    kind: checked.kind,
    contentType: checked.type,
    contentHash: original.key,
    size: bytes.byteLength,
    originalName,
    displayHash: display?.key ?? null,
    thumbnailHash: thumbnail?.key ?? null,
    width: preview?.width ?? null,
    height: preview?.height ?? null,
    capturedAt: evidence.capturedAt,
    location: evidence.location,
  };
}

/**
 * The file name as shown beside the file: the shared text rule, the last path segment only (a browser on Windows
 * may send "C:\\fakepath\\…"), at most 200 characters. It is never a storage key or a path, so a name the rule
 * refuses is refused (nameInvalid) rather than silently changed; an empty one reads "file".
 */
export function displayName(raw: string): string {
  const cleaned = cleanText(sliceWhole(raw, MAX_FILE_NAME_LENGTH * 4));
  if (!cleaned.ok) throw new AppError('VALIDATION', { key: 'attachments.nameInvalid' });
  const base = cleaned.value.split(/[\\/]/).pop()!.trim();
  return sliceWhole(base || 'file', MAX_FILE_NAME_LENGTH);
}

function refusal(message: ReturnType<typeof fileProblemMessage>): AppError {
  return new AppError('VALIDATION', { key: message.key, params: message.params });
}
