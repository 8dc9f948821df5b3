'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { BusyStatus } from '@/components/uploads/busy-status';
import { ReasonField } from '@/components/uploads/reason-field';
import { SheetFileField } from '@/components/uploads/sheet-file-field';
import { useUploadMessages } from '@/components/uploads/upload-refusal';
import { backfillReports, backfillReportsDryRun } from '@/lib/actions/report-backfill';
import type { BackfillSummary } from '@/lib/server/reports/backfill/types';
import { BACKFILL_REASON_MAX } from '@/lib/validations/report-backfill';
import { BackfillReport } from './backfill-report';

type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

const select = 'h-10 rounded-md border border-slate-300 bg-white px-3 text-sm';

/**
 * Year, month and 调度表 → 预检 (every row's outcome) → reason → 确认补录. The same file is sent again with the check's
 * digest; the commit checks everything once more inside its transaction and is refused if anything moved.
 */
export function BackfillPanel({ years }: { years: { year: number; lastMonth: number }[] }) {
  const t = useTranslations('backfill');
  const messages = useUploadMessages();
  const [year, setYear] = useState(years[0]?.year ?? null);
  const lastMonth = years.find((y) => y.year === year)?.lastMonth ?? 0;
  const [month, setMonth] = useState(lastMonth);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [summary, setSummary] = useState<BackfillSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase === 'checking' || phase === 'committing';

  const changed = () => {
    setSummary(null);
    setPhase('idle');
    setError(null);
  };

  async function send(commit: boolean) {
    if (!file || year === null) return;
    const problem = messages.localProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setPhase(commit ? 'committing' : 'checking');
    const form = new FormData();
    form.set('year', String(year));
    form.set('month', String(month));
    form.set('file', file);
    if (commit && summary) {
      form.set('digest', summary.digest);
      form.set('reason', reason);
    }
    const result = await (commit ? backfillReports(form) : backfillReportsDryRun(form));
    if (!result.ok) {
      setError(messages.refusal(result));
      setPhase(commit ? 'checked' : 'idle');
      return;
    }
    setSummary(result.data);
    setPhase(commit ? 'done' : 'checked');
  }

  const clean = summary !== null && summary.counts.refused === 0 && summary.fileIssues.length === 0;
  const canCommit = phase === 'checked' && clean && summary.counts.create + summary.counts.restate > 0;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
      </div>
      <Card>
        <CardContent className="flex flex-wrap items-end gap-4 p-5">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('year')}
            <select
              className={select}
              value={year ?? ''}
              disabled={busy}
              onChange={(e) => {
                const next = Number(e.target.value);
                setYear(next);
                setMonth(years.find((y) => y.year === next)?.lastMonth ?? 1);
                changed();
              }}
            >
              {years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('month')}
            <select
              className={select}
              value={month}
              disabled={busy}
              onChange={(e) => {
                setMonth(Number(e.target.value));
                changed();
              }}
            >
              {Array.from({ length: lastMonth }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {t('monthOption', { month: m })}
                </option>
              ))}
            </select>
          </label>
          <SheetFileField
            id="backfill"
            label={t('file')}
            hint={t('fileHint')}
            disabled={busy}
            onFile={(next) => {
              setFile(next);
              changed();
            }}
          />
          <Button onClick={() => send(false)} disabled={busy || !file || year === null}>
            {t('check')}
          </Button>
        </CardContent>
      </Card>

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
            <CardDescription>{summary.fileName}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4 p-5">
            <BackfillReport summary={summary} phase={phase === 'done' ? 'done' : 'checked'} />
            {canCommit ? <BackfillConfirm reason={reason} onReason={setReason} onConfirm={() => send(true)} /> : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

/** The reason the bureau must give, then 确认补录: shown once a check found something to write and nothing refused. */
function BackfillConfirm({
  reason,
  onReason,
  onConfirm,
}: {
  reason: string;
  onReason(value: string): void;
  onConfirm(): void;
}) {
  const t = useTranslations('backfill');
  return (
    <>
      <ReasonField
        id="backfill"
        label={t('reason')}
        hint={t('reasonHint')}
        maxLength={BACKFILL_REASON_MAX}
        value={reason}
        onChange={onReason}
      />
      <div>
        <Button onClick={onConfirm} disabled={!reason.trim()}>
          {t('confirm')}
        </Button>
      </div>
    </>
  );
}
