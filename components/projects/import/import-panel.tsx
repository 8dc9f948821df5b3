'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { BusyStatus } from '@/components/uploads/busy-status';
import { ReasonField } from '@/components/uploads/reason-field';
import { SheetFileField } from '@/components/uploads/sheet-file-field';
import { UPLOAD_LIMITS, useUploadMessages } from '@/components/uploads/upload-refusal';
import type { PlanYearStatus } from '@/generated/prisma/enums';
import { importProjectsCommit, importProjectsDryRun } from '@/lib/actions/project-import';
import type { ImportSummary } from '@/lib/server/projects/import-projects';
import type { SplitSetting } from '@/lib/server/projects/split-profile';
import { PLAN_CHANGE_REASON_MAX } from '@/lib/validations/project';
import { ImportReport } from './import-report';
import { SplitProfileCard } from './split-profile-card';

type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

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
  const messages = useUploadMessages();
  const [year, setYear] = useState<number | null>(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = phase === 'checking' || phase === 'committing';

  async function send(commit: boolean) {
    const problem = year === null ? t('upload.yearInvalid') : messages.localProblem(file);
    if (problem || !file || year === null) {
      setError(problem);
      return;
    }
    setError(null);
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
        setError(messages.refusal(result));
        setPhase(commit ? 'checked' : 'idle');
        return;
      }
      setSummary(result.data);
      setPhase(commit ? 'done' : 'checked');
    } catch {
      setError(t('upload.fileTooLarge', UPLOAD_LIMITS));
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
          <SheetFileField
            id="import"
            label={t('file')}
            hint={t('fileHint', UPLOAD_LIMITS)}
            disabled={busy}
            inputRef={inputRef}
            onFile={(next) => {
              setFile(next);
              setSummary(null);
              setError(null);
              setPhase('idle');
            }}
          />
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

      {busy ? <BusyStatus label={phase === 'checking' ? t('checking') : t('committing')} /> : null}

      {summary && !busy ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('summary.title')}</CardTitle>
            <CardDescription>{file?.name}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4 p-5">
            <ImportReport summary={summary} phase={phase === 'done' ? 'done' : 'checked'} />
            {needsReason ? (
              <ReasonField
                id="import"
                label={t('reason')}
                hint={t('reasonHint')}
                maxLength={PLAN_CHANGE_REASON_MAX}
                value={reason}
                onChange={setReason}
              />
            ) : null}
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
