import {
  MAX_BYTES_PER_MILESTONE,
  MAX_BYTES_PER_REPORT,
  MAX_FILES_PER_MILESTONE,
  MAX_FILES_PER_REPORT,
  megabytes,
} from './limits';

export type AttachmentOwnerKind = 'report' | 'milestone';

export type BudgetCheck =
  | { ok: true }
  | { ok: false; problem: 'tooManyFiles'; limit: number }
  | { ok: false; problem: 'ownerTooLarge'; limitMb: number };

const LIMITS: Record<AttachmentOwnerKind, { files: number; bytes: number }> = {
  report: { files: MAX_FILES_PER_REPORT, bytes: MAX_BYTES_PER_REPORT },
  milestone: { files: MAX_FILES_PER_MILESTONE, bytes: MAX_BYTES_PER_MILESTONE },
};

/**
 * May `adding` more files join what a report (or a milestone) already holds? Counted on the originals' sizes, what
 * the department uploaded, so the limit reads the same as the files on the user's phone.
 */
export function checkBudget(
  owner: AttachmentOwnerKind,
  held: { files: number; bytes: number },
  adding: { files: number; bytes: number },
): BudgetCheck {
  const limit = LIMITS[owner];
  if (held.files + adding.files > limit.files) return { ok: false, problem: 'tooManyFiles', limit: limit.files };
  if (held.bytes + adding.bytes > limit.bytes)
    return { ok: false, problem: 'ownerTooLarge', limitMb: megabytes(limit.bytes) };
  return { ok: true };
}
