'use client';

import { useTranslations } from 'next-intl';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { formatOf } from '@/lib/domain/project-sheet/upload';

/** The limits the pages state, from the one place the server enforces them. */
export const UPLOAD_LIMITS = {
  mb: MAX_UPLOAD_BYTES / (1024 * 1024),
  rows: MAX_SHEET_ROWS,
  columns: MAX_SHEET_COLUMNS,
} as const;

type UploadKey = Parameters<ReturnType<typeof useTranslations<'projectImport.upload'>>>[0];

/**
 * The words for a spreadsheet upload's refusal, shared by the registry import, the backfill and the month sheet:
 * the file's and the year's refusals are keys under projectImport.upload (lib/validations/sheet-upload.ts); any other
 * field message comes translated by the action; otherwise the action's own message.
 */
export function useUploadMessages() {
  const t = useTranslations('projectImport.upload');
  return {
    /** a refused check or commit, as an action or the upload route answers it */
    refusal(answer: { message: string; fieldErrors?: Record<string, string[]> }): string {
      const field = Object.values(answer.fieldErrors ?? {})[0]?.[0];
      if (field && t.has(field as UploadKey)) return t(field as UploadKey, UPLOAD_LIMITS);
      return field ?? answer.message;
    },
    /** what the browser can tell before sending: no file, an empty one, one too large, a type we do not read */
    localProblem(file: File | null): string | null {
      if (!file) return t('fileRequired');
      if (file.size === 0) return t('fileEmpty');
      if (file.size > MAX_UPLOAD_BYTES) return t('fileTooLarge', UPLOAD_LIMITS);
      if (!formatOf(file.name)) return t('fileType');
      return null;
    },
  };
}
