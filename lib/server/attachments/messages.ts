import type { BudgetCheck } from '@/lib/domain/attachments/budget';
import type { ContentProblem } from '@/lib/domain/attachments/content-type';
import {
  MAX_BYTES_PER_REPORT,
  MAX_DOCUMENT_BYTES,
  MAX_FILES_PER_REPORT,
  MAX_PHOTO_BYTES,
  megabytes,
} from '@/lib/domain/attachments/limits';
import type { Message } from '@/i18n/translate-message';
import type { ImageProblem } from './process-image';

type FileProblem = ContentProblem | ImageProblem;
type OwnerProblem = Extract<BudgetCheck, { ok: false }>;

/** Why one file was refused, as a message naming the file (translated at the edge, messages `attachments`). */
export function fileProblemMessage(name: string, problem: FileProblem): Message {
  switch (problem.problem) {
    case 'empty':
      return { key: 'attachments.empty', params: { name } };
    case 'typeRefused':
      return { key: 'attachments.typeRefused', params: { name, accepted: problem.accepted } };
    case 'tooLarge':
      return { key: 'attachments.tooLarge', params: { name, sizeMb: problem.sizeMb, limitMb: problem.limitMb } };
    case 'undecodable':
      return { key: 'attachments.undecodable', params: { name } };
    case 'tooManyPixels':
      return { key: 'attachments.tooManyPixels', params: { name, limitMegapixels: problem.limitMegapixels } };
  }
}

export function ownerProblemMessage(problem: OwnerProblem): Message {
  return problem.problem === 'tooManyFiles'
    ? { key: 'attachments.tooManyFiles', params: { limit: problem.limit } }
    : { key: 'attachments.ownerTooLarge', params: { limitMb: problem.limitMb } };
}

/** The limits said up front, beside the upload control. */
export function limitsMessage(): Message {
  return {
    key: 'attachments.limits',
    params: {
      photoMb: megabytes(MAX_PHOTO_BYTES),
      documentMb: megabytes(MAX_DOCUMENT_BYTES),
      reportFiles: MAX_FILES_PER_REPORT,
      reportMb: megabytes(MAX_BYTES_PER_REPORT),
    },
  };
}
