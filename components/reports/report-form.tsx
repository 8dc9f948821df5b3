'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { saveReportDraft, submitReport } from '@/lib/actions/reports';
import type { MilestoneKind, MilestoneStatus, Stage } from '@/generated/prisma/enums';
import {
  isReportMessageKey,
  MILESTONE_KINDS,
  type MilestoneUpdate,
  ZSaveReportDraft,
  type SaveReportDraftInput,
  type SaveReportDraftValues,
} from '@/lib/validations/report';
import { Textarea } from './textarea';

export interface ReportFormReport {
  id: number;
  version: number;
  investedThisMonth: string;
  progressText: string;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  percentComplete: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  blockers: string;
  readyToStart: boolean | null;
  milestoneUpdates: MilestoneUpdate[];
}

/** What the form needs to know of the project beyond the report. */
export interface ReportFormProject {
  stage: Stage;
  actualStart: string | null;
  actualCompletion: string | null;
  milestones: { kind: MilestoneKind; status: MilestoneStatus; actualDate: string | null }[];
}

type TextField = 'progressText' | 'problems' | 'coordinationNeeded' | 'nextSteps';
const TEXT_FIELDS: readonly { name: TextField; testId: string; rows: number }[] = [
  { name: 'progressText', testId: 'report-progress', rows: 3 },
  { name: 'problems', testId: 'report-problems', rows: 2 },
  { name: 'coordinationNeeded', testId: 'report-coordination', rows: 2 },
  { name: 'nextSteps', testId: 'report-next-steps', rows: 2 },
];
const FORM_FIELDS = new Set<string>([
  'investedThisMonth',
  'percentComplete',
  'actualStart',
  'actualCompletion',
  'blockers',
  'readyToStart',
  'milestoneUpdates',
  ...TEXT_FIELDS.map((f) => f.name),
]);

type Notice = { kind: 'saved' | 'submitted'; version: number } | { kind: 'error'; text: string };

/**
 * The department's monthly report for the plan year's current month. The same schema validates here and in
 * the action; "提交" saves unsaved edits first, so what the bureau receives is what the user sees.
 */
export function ReportForm({
  projectPlanId,
  month,
  report,
  project,
  canSubmit,
}: {
  projectPlanId: number;
  month: number;
  project: ReportFormProject;
  /** null while nobody has started this month's report */
  report: ReportFormReport | null;
  canSubmit: boolean;
}) {
  const t = useTranslations('reports.form');
  const tv = useTranslations('validation');
  const tMilestone = useTranslations('enums.milestoneKind');
  const router = useRouter();
  const [saved, setSaved] = useState({ reportId: report?.id ?? null, version: report?.version ?? 0 });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  // Until hydration a click would post the form natively (a GET with the figures in the URL); wait for React.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const {
    register,
    handleSubmit,
    reset,
    setError,
    setValue,
    control,
    formState: { errors, isDirty },
  } = useForm<SaveReportDraftInput, unknown, SaveReportDraftValues>({
    resolver: zodResolver(ZSaveReportDraft),
    defaultValues: {
      projectPlanId,
      month,
      version: report?.version ?? 0,
      investedThisMonth: report?.investedThisMonth ?? '',
      progressText: report?.progressText ?? '',
      problems: report?.problems ?? '',
      coordinationNeeded: report?.coordinationNeeded ?? '',
      nextSteps: report?.nextSteps ?? '',
      percentComplete: report?.percentComplete ?? '',
      actualStart: report?.actualStart ?? project.actualStart ?? '',
      actualCompletion: report?.actualCompletion ?? project.actualCompletion ?? '',
      blockers: report?.blockers ?? '',
      readyToStart: report?.readyToStart === null || report?.readyToStart === undefined ? '' : report.readyToStart ? 'true' : 'false',
      milestoneUpdates: report?.milestoneUpdates ?? [],
    },
  });
  const milestoneUpdates = useWatch({ control, name: 'milestoneUpdates' }) ?? [];
  const setReached = (kind: MilestoneKind, date: string) => {
    const others = milestoneUpdates.filter((m) => m.kind !== kind);
    setValue('milestoneUpdates', date ? [...others, { kind, date }] : others, { shouldDirty: true });
  };
  const preliminary = project.stage === 'PRELIMINARY';

  function showFailure(result: { message: string; fieldErrors?: Record<string, string[]> }) {
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (!FORM_FIELDS.has(field) || !messages[0]) continue;
      setError(field as FieldPath<SaveReportDraftInput>, { type: 'server', message: messages[0] });
    }
    setNotice({ kind: 'error', text: result.message });
  }

  /** Saves when there is something to save; returns the report id and version to go on with, or null. */
  async function save(values: SaveReportDraftValues): Promise<{ reportId: number; version: number } | null> {
    if (saved.reportId !== null && !isDirty) return { reportId: saved.reportId, version: saved.version };
    const result = await saveReportDraft({ ...values, version: saved.version });
    if (!result.ok) {
      showFailure(result);
      return null;
    }
    const next = { reportId: result.data.reportId, version: result.data.version };
    setSaved(next);
    // The saved figures become the form's clean state; the amount shows as stored ("1234.50").
    reset({ ...values, version: next.version });
    return next;
  }

  async function run(intent: 'save' | 'submit', values: SaveReportDraftValues) {
    setNotice(null);
    setBusy(intent);
    try {
      const current = await save(values);
      if (!current) return;
      if (intent === 'save') {
        setNotice({ kind: 'saved', version: current.version });
        router.refresh();
        return;
      }
      const result = await submitReport(current);
      if (!result.ok) {
        showFailure(result);
        return;
      }
      setSaved({ reportId: result.data.reportId, version: result.data.version });
      setNotice({ kind: 'submitted', version: result.data.version });
      router.refresh();
    } catch {
      setNotice({ kind: 'error', text: t('failed') });
    } finally {
      setBusy(null);
    }
  }

  function fieldError(name: keyof SaveReportDraftInput): string | undefined {
    const message = errors[name]?.message;
    if (message === undefined) return undefined;
    return isReportMessageKey(message) ? tv(message) : message;
  }
  const describedBy = (id: string, error: string | undefined, hint?: string) =>
    [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  const investedError = fieldError('investedThisMonth');

  return (
    <form
      onSubmit={handleSubmit((values) => run('save', values))}
      noValidate
      className="flex flex-col gap-4"
      data-testid="report-form"
      aria-busy={busy !== null}
    >
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'report-form-error' : 'report-form-message'}
          className={
            notice.kind === 'error'
              ? 'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700'
              : 'rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800'
          }
        >
          {notice.kind === 'error' ? notice.text : t(notice.kind, { version: notice.version })}
        </p>
      )}

      <div className="flex max-w-sm flex-col gap-1.5">
        <Label htmlFor="report-invested">{t('invested')}</Label>
        <Input
          id="report-invested"
          inputMode="decimal"
          autoComplete="off"
          className="text-right tabular-nums"
          aria-invalid={investedError ? true : undefined}
          aria-describedby={describedBy('report-invested', investedError, 'report-invested-hint')}
          data-testid="report-invested"
          {...register('investedThisMonth')}
        />
        <p id="report-invested-hint" className="text-xs text-slate-500">
          {t('investedHint')}
        </p>
        {investedError && (
          <p id="report-invested-error" className="text-sm text-red-700" data-testid="report-invested-error">
            {investedError}
          </p>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <SmallField id="report-percent" label={t('percentComplete')} error={fieldError('percentComplete')}>
          <Input id="report-percent" inputMode="decimal" className="text-right" data-testid="report-percent" {...register('percentComplete')} />
        </SmallField>
        {project.stage === 'NEW_START' && (
          <SmallField id="report-actual-start" label={t('actualStart')} error={fieldError('actualStart')}>
            <Input id="report-actual-start" type="date" data-testid="report-actual-start" {...register('actualStart')} />
          </SmallField>
        )}
        {project.stage === 'COMPLETION' && (
          <SmallField id="report-actual-completion" label={t('actualCompletion')} error={fieldError('actualCompletion')}>
            <Input id="report-actual-completion" type="date" data-testid="report-actual-completion" {...register('actualCompletion')} />
          </SmallField>
        )}
      </div>

      {preliminary && (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="report-preliminary">
          <legend className="px-1 text-sm font-medium text-slate-700">{t('milestonesReached')}</legend>
          <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {MILESTONE_KINDS.map((kind) => {
              const recorded = project.milestones.find((m) => m.kind === kind);
              const done = recorded?.status === 'DONE';
              return (
                <div key={kind} className="flex flex-col gap-1 text-sm">
                  <Label htmlFor={`report-milestone-${kind}`}>{tMilestone(kind)}</Label>
                  {done ? (
                    <span className="text-emerald-700">✓ {recorded?.actualDate}</span>
                  ) : (
                    <Input
                      id={`report-milestone-${kind}`}
                      type="date"
                      value={milestoneUpdates.find((m) => m.kind === kind)?.date ?? ''}
                      onChange={(e) => setReached(kind, e.target.value)}
                      data-testid={`report-milestone-${kind}`}
                    />
                  )}
                </div>
              );
            })}
          </div>
          <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
            <SmallField id="report-blockers" label={t('blockers')} error={fieldError('blockers')}>
              <Input id="report-blockers" data-testid="report-blockers" {...register('blockers')} />
            </SmallField>
            <SmallField id="report-ready" label={t('readyToStart')} error={fieldError('readyToStart')}>
              <select id="report-ready" className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm" data-testid="report-ready" {...register('readyToStart')}>
                <option value="">{t('readyUnknown')}</option>
                <option value="true">{t('readyYes')}</option>
                <option value="false">{t('readyNo')}</option>
              </select>
            </SmallField>
          </div>
        </fieldset>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        {TEXT_FIELDS.map(({ name, testId, rows }) => {
          const error = fieldError(name);
          return (
            <div key={name} className="flex flex-col gap-1.5">
              <Label htmlFor={testId}>{t(name)}</Label>
              <Textarea
                id={testId}
                rows={rows}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(testId, error)}
                data-testid={testId}
                {...register(name)}
              />
              {error && (
                <p id={`${testId}-error`} className="text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={!hydrated || busy !== null} data-testid="report-save">
          {busy === 'save' ? t('saving') : t('save')}
        </Button>
        {canSubmit && (
          <Button
            type="button"
            disabled={!hydrated || busy !== null}
            onClick={handleSubmit((values) => run('submit', values))}
            data-testid="report-submit"
          >
            {busy === 'submit' ? t('submitting') : t('submit')}
          </Button>
        )}
        <span className="text-xs text-slate-500" data-testid="report-version">
          {saved.reportId === null ? t('notStarted') : t('version', { version: saved.version })}
          {isDirty && ` · ${t('unsaved')}`}
        </span>
      </div>
    </form>
  );
}

function SmallField({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
