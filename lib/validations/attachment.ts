import { z } from 'zod';
import { RECORD_ID_MAX } from './record-id';

/**
 * One uploaded file as the upload reads it: a browser's File (a form post), or the upload route's request body
 * with the declared Content-Length and the name from its header. Only these three members are used, so the route
 * never has to read the body into a File before the record is checked.
 */
export interface UploadFile {
  name: string;
  /** the declared size, refused before reading when over the bound; NaN when the request did not say */
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

function isUploadFile(value: unknown): value is UploadFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.size === 'number' && typeof v.stream === 'function';
}

const recordId = z.coerce
  .number({ error: 'recordInvalid' })
  .int({ error: 'recordInvalid' })
  .positive({ error: 'recordInvalid' })
  .max(RECORD_ID_MAX, { error: 'recordInvalid' });

/**
 * One file for one record: a monthly report or a 前期 milestone, exactly one of them (the route sends one file per
 * request, so the browser reports progress per file).
 */
export const ZAddAttachment = z
  .object({
    reportId: recordId.optional(),
    milestoneId: recordId.optional(),
    file: z.custom<UploadFile>(isUploadFile, { error: 'attachmentFileRequired' }),
  })
  .refine((v) => (v.reportId === undefined) !== (v.milestoneId === undefined), {
    error: 'recordInvalid',
    path: ['reportId'],
  });

export const ZRemoveAttachment = z.object({ attachmentId: recordId });
