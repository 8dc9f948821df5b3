'use client';

import type { Ref } from 'react';
import { ACCEPTED_EXTENSIONS } from '@/lib/domain/project-sheet/upload';

/** The workbook picker of the registry import and the backfill: the types we read, and the page's hint under it. */
export function SheetFileField({
  id,
  label,
  hint,
  disabled,
  inputRef,
  onFile,
}: {
  /** prefix of the hint's id, unique on the page */
  id: string;
  label: string;
  hint: string;
  disabled: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onFile(file: File | null): void;
}) {
  return (
    <label className="flex min-w-72 flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <input
        ref={inputRef}
        type="file"
        name="file"
        accept={ACCEPTED_EXTENSIONS}
        disabled={disabled}
        aria-describedby={`${id}-file-hint`}
        className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <span id={`${id}-file-hint`} className="text-xs font-normal text-slate-500">
        {hint}
      </span>
    </label>
  );
}
