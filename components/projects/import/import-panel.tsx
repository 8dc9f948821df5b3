'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import { importProjectsCommit, importProjectsDryRun } from '@/lib/actions/project-import';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_UPLOAD_BYTES } from '@/lib/domain/project-sheet/limits';
import { ACCEPTED_EXTENSIONS, formatOf } from '@/lib/domain/project-sheet/upload';
import type { ImportSummary } from '@/lib/server/projects/import-projects';
import type { SplitSetting } from '@/lib/server/projects/split-profile';
import { ImportReason } from './import-reason';
import { ImportReport } from './import-report';
import { SplitProfileCard } from './split-profile-card';

type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

/** The limits the page states, from the one place the server enforces them. */
const LIMITS = { mb: MAX_UPLOAD_BYTES / (1024 * 1024), rows: MAX_SHEET_ROWS, columns: MAX_SHEET_COLUMNS };

/**
 * Upload → dry run (every problem listed) → 确认导入. The same File is sent again for the commit, which checks
 * everything once more inside its transaction, so a change made between the two steps cannot slip through.
 */
export function ImportPanel({
  years,
  defaultYear,
  splitSettings,
}: {
  years: { year: number; status: PlanYearStatus }[];
  defaultYear: number | null;
  /** each open year's monthly-split profile, for files without a split */
  splitSettings: SplitSetting[];
}) {
  const t = useTranslations('projectImport');
  const [year, setYear] = useState<number | null>(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = phase === 'checking' || phase === 'committing';

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [busy]);

  function localProblem(f: File | null): string | null {
    if (!f) return t('upload.fileRequired');
    if (f.size === 0) return t('upload.fileEmpty');
    if (f.size > MAX_UPLOAD_BYTES) return t('upload.fileTooLarge', LIMITS);
    if (!formatOf(f.name)) return t('upload.fileType');
    return null;
  }

  async function send(commit: boolean) {
    const problem = year === null ? t('upload.yearInvalid') : localProblem(file);
    if (problem || !file || year === null) {
      setError(problem);
      return;
    }
    setError(null);
    setSeconds(0);
    setPhase(commit ? 'committing' : 'checking');
    const form = new FormData();
    form.set('year', String(year));
    form.set('file', file);
    if (commit && summary) {
      // what the check saw, so that a project changed since is refused rather than overwritten
      form.set('versions', JSON.stringify(summary.versions));
      form.set('reason', reason);
    }
    try {
      const result = await (commit ? importProjectsCommit(form) : importProjectsDryRun(form));
      if (!result.ok) {
        const field = result.fieldErrors && Object.values(result.fieldErrors)[0]?.[0];
        const key = field && Object.hasOwn(UPLOAD_KEYS, field) ? (field as keyof typeof UPLOAD_KEYS) : null;
        setError(key ? t(`upload.${key}`, LIMITS) : (field ?? result.message));
        setPhase(commit ? 'checked' : 'idle');
        return;
      }
      setSummary(result.data);
      setPhase(commit ? 'done' : 'checked');
    } catch {
      setError(t('upload.fileTooLarge', LIMITS));
      setPhase('idle');
    }
  }

  function reset() {
    setFile(null);
    setSummary(null);
    setPhase('idle');
    setError(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const canCommit =
    phase === 'checked' && summary !== null && summary.errorCount === 0 && summary.create + summary.update > 0;
  const needsReason = canCommit && summary.reasonRequired;
  const splitSetting = splitSettings.find((s) => s.year === year);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" asChild>
            <a href={`/api/projects/template${year ? `?year=${year}` : ''}`} download>
              {t('template')}
            </a>
          </Button>
          <Button variant="secondary" size="sm" asChild>
            <a href={`/api/projects/export${year ? `?year=${year}` : ''}`} download>
              {t('export')}
            </a>
          </Button>
        </div>
      </div>

      <Card>
        <CardContent className="flex flex-wrap items-end gap-4 p-5">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('year')}
            <select
              className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm"
              value={year ?? ''}
              disabled={busy}
              onChange={(e) => {
                setYear(e.target.value ? Number(e.target.value) : null);
                setSummary(null);
                setPhase('idle');
              }}
            >
              {years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-72 flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
            {t('file')}
            <input
              ref={inputRef}
              type="file"
              name="file"
              accept={ACCEPTED_EXTENSIONS}
              disabled={busy}
              aria-describedby="import-file-hint"
              className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setSummary(null);
                setError(null);
                setPhase('idle');
              }}
            />
            <span id="import-file-hint" className="text-xs font-normal text-slate-500">
              {t('fileHint', LIMITS)}
            </span>
          </label>
          <Button onClick={() => send(false)} disabled={busy || !file}>
            {t('check')}
          </Button>
          {phase !== 'idle' && !busy ? (
            <Button variant="ghost" onClick={reset}>
              {t('reset')}
            </Button>
          ) : null}
        </CardContent>
      </Card>

      {splitSetting ? (
        <SplitProfileCard
          key={splitSetting.year}
          setting={splitSetting}
          onSaved={() => {
            if (busy) return;
            setSummary(null);
            setPhase('idle');
          }}
        />
      ) : null}

      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {busy ? (
        <div role="status" aria-live="polite" className="flex flex-col gap-2 text-sm text-slate-700">
          <span>
            {phase === 'checking' ? t('checking') : t('committing')} {t('elapsed', { seconds })}
          </span>
          <div className="h-2 w-full overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand-700" />
          </div>
        </div>
      ) : null}

      {summary && !busy ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('summary.title')}</CardTitle>
            <CardDescription>{file?.name}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4 p-5">
            <ImportReport summary={summary} phase={phase === 'done' ? 'done' : 'checked'} />
            {needsReason ? <ImportReason value={reason} onChange={setReason} /> : null}
            {canCommit ? (
              <div>
                <Button onClick={() => send(true)} disabled={needsReason && !reason.trim()}>
                  {t('confirm')}
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

const UPLOAD_KEYS = {
  fileRequired: 1,
  fileEmpty: 1,
  fileTooLarge: 1,
  fileType: 1,
  fileNameInvalid: 1,
  yearInvalid: 1,
} as const;
