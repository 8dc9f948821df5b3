'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useUploadMessages } from '@/components/uploads/upload-refusal';
import type { MonthSheetView } from '@/lib/actions/month-sheet';
import { ACCEPTED_EXTENSIONS } from '@/lib/domain/project-sheet/upload';
import { foldProgress, NO_PROGRESS_VIEW, type ProgressView } from '@/lib/domain/upload-progress';
import { MonthSheetProgress } from './month-sheet-progress';
import { MonthSheetResult } from './month-sheet-result';
import { uploadMonthSheet } from './upload-month-sheet';

/**
 * The month as a spreadsheet on 月报填报: download it, fill it offline, upload it. The check (a dry run) lists
 * every row's outcome; saving writes the drafts in one go, or nothing while any row is refused. Both go through the
 * upload route, which streams the rows read, checked and written while it works (a 10,000-row month takes a while).
 */
export function MonthSheetPanel({ year, month }: { year: number; month: number }) {
  const t = useTranslations('monthSheet');
  const messages = useUploadMessages();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [result, setResult] = useState<MonthSheetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressView | null>(null);

  const send = async (commit: boolean) => {
    if (!file) return;
    setBusy(commit ? 'commit' : 'check');
    setError(null);
    setProgress(NO_PROGRESS_VIEW);
    try {
      const answer = await uploadMonthSheet({ year, month, file }, commit ? 'commit' : 'check', (p) =>
        setProgress((view) => foldProgress(view ?? NO_PROGRESS_VIEW, p)),
      );
      if (!answer.ok && 'status' in answer) {
        setError(t('progress.failed'));
        return;
      }
      if (!answer.ok) {
        setError(messages.refusal(answer));
        return;
      }
      setResult(answer.data);
      if (answer.data.committed) router.refresh();
    } catch {
      // the network failed mid-upload: the result is unknown, the page tells what it knows
      setError(t('progress.failed'));
    } finally {
      setBusy(null);
    }
  };

  const writes = result ? result.counts.create + result.counts.update : 0;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="month-sheet">
      <div className="flex flex-wrap items-center gap-3">
        <a
          href={`/api/reports/month-sheet?year=${year}&month=${month}`}
          className="text-sm font-medium text-blue-700 underline"
          data-testid="month-sheet-download"
        >
          {t('download')}
        </a>
        <span className="text-xs text-slate-500">{t('downloadHint')}</span>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span>{t('file')}</span>
          <input
            type="file"
            accept={ACCEPTED_EXTENSIONS}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setProgress(null);
            }}
            data-testid="month-sheet-file"
          />
        </label>
        <Button
          type="button"
          variant="secondary"
          disabled={!file || busy !== null}
          onClick={() => send(false)}
          data-testid="month-sheet-check"
        >
          {busy === 'check' ? t('checking') : t('check')}
        </Button>
        {result &&
          !result.committed &&
          result.counts.refused === 0 &&
          result.fileProblems.length === 0 &&
          writes > 0 && (
            <Button type="button" disabled={busy !== null} onClick={() => send(true)} data-testid="month-sheet-commit">
              {busy === 'commit' ? t('committing') : t('commit', { count: writes })}
            </Button>
          )}
      </div>
      {progress && <MonthSheetProgress view={progress} />}
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="month-sheet-error">
          {error}
        </p>
      )}
      {result && <MonthSheetResult result={result} />}
    </section>
  );
}
