'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Decimal from 'decimal.js';
import { useLocale, useTranslations } from 'next-intl';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { Badge } from '@/components/ui/badge';
import { saveReportDraft } from '@/lib/actions/reports';
import type { MilestoneKind } from '@/generated/prisma/enums';
import { parseMoneyText } from '@/lib/domain/money-text';
import { formatWan } from '@/lib/format';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { cn } from '@/lib/utils';
import {
  isReportMessageKey,
  MILESTONE_KINDS,
  ZSaveReportDraft,
  type SaveReportDraftInput,
  type SaveReportDraftValues,
} from '@/lib/validations/report';

export interface RowHandle {
  isDirty(): boolean;
  /** saves unsaved edits (validating first); the report as stored, or null when it could not be saved */
  flush(): Promise<{ reportId: number; version: number } | null>;
}

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string };

const AUTOSAVE_MS = 800;
const cell = 'px-2 py-1.5 align-top';
const input =
  'h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-500 disabled:bg-slate-50';

export function BatchRow({
  row,
  index,
  month,
  writable,
  selectable,
  selected,
  onSelect,
  register: registerHandle,
  onSubmitOne,
}: {
  row: BatchEntryRow;
  index: number;
  month: number;
  writable: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  register(planId: number, handle: RowHandle | null): void;
  onSubmitOne?: () => void;
}) {
  const t = useTranslations('reports.batch');
  const tf = useTranslations('reports.form');
  const tv = useTranslations('validation');
  const tFlag = useTranslations('reports.flagLabels');
  const tStage = useTranslations('enums.stage');
  const tMilestone = useTranslations('enums.milestoneKind');
  const locale = useLocale();
  const report = row.report;
  const editable = writable && (report === null || report.status === 'DRAFT' || report.status === 'RETURNED');
  const preliminary = row.stage === 'PRELIMINARY';
  const [saved, setSaved] = useState({ reportId: report?.id ?? null, version: report?.version ?? 0 });
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [flags, setFlags] = useState<string[]>(report?.flags ?? []);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<{ reportId: number; version: number } | null> | null>(null);

  const defaults: SaveReportDraftInput = useMemo(
    () => ({
      projectPlanId: row.planId,
      month,
      version: report?.version ?? 0,
      // a new month starts from last month's narrative: most of 形象进度 carries over
      investedThisMonth: report?.investedThisMonth ?? (preliminary ? '0' : ''),
      progressText: report?.progressText ?? row.previous?.progressText ?? '',
      percentComplete: report?.percentComplete ?? row.previous?.percentComplete ?? '',
      actualStart: report?.actualStart ?? row.projectActualStart ?? '',
      actualCompletion: report?.actualCompletion ?? row.projectActualCompletion ?? '',
      problems: report?.problems ?? '',
      coordinationNeeded: report?.coordinationNeeded ?? '',
      nextSteps: report?.nextSteps ?? '',
      blockers: report?.blockers ?? '',
      readyToStart: report?.readyToStart === null || report?.readyToStart === undefined ? '' : String(report.readyToStart) as 'true' | 'false',
      milestoneUpdates: report?.milestoneUpdates ?? [],
    }),
    [row, month, report, preliminary],
  );

  const form = useForm<SaveReportDraftInput, unknown, SaveReportDraftValues>({
    resolver: zodResolver(ZSaveReportDraft),
    defaultValues: defaults,
  });
  const { register, handleSubmit, reset, setError, getValues, setValue, control, formState } = form;
  const amount = useWatch({ control, name: 'investedThisMonth' });
  const milestoneUpdates = useWatch({ control, name: 'milestoneUpdates' }) ?? [];

  const ytd = useMemo(() => {
    const parsed = parseMoneyText(String(amount ?? ''));
    return new Decimal(row.priorYtd).plus(parsed.ok ? parsed.value : 0).toFixed(2);
  }, [amount, row.priorYtd]);

  async function doSave(values: SaveReportDraftValues) {
    setState({ kind: 'saving' });
    try {
      const result = await saveReportDraft({ ...values, version: savedRef.current.version });
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages[0]) setError(field as FieldPath<SaveReportDraftInput>, { type: 'server', message: messages[0] });
        }
        setState({ kind: 'error', text: result.fieldErrors ? t('rowInvalid') : result.message });
        return null;
      }
      const next = { reportId: result.data.reportId, version: result.data.version };
      setSaved(next);
      savedRef.current = next;
      setFlags(result.data.flags.map((f) => f.code));
      reset(getValues(), { keepValues: true });
      setState({ kind: 'saved' });
      return next;
    } catch {
      setState({ kind: 'error', text: tf('failed') });
      return null;
    }
  }

  const flush = async (): Promise<{ reportId: number; version: number } | null> => {
    if (timer.current) clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (!form.formState.isDirty && savedRef.current.reportId !== null) {
      return { reportId: savedRef.current.reportId, version: savedRef.current.version };
    }
    let outcome: { reportId: number; version: number } | null = null;
    await handleSubmit(
      async (values) => {
        const pending = doSave(values);
        inFlight.current = pending;
        outcome = await pending;
        inFlight.current = null;
      },
      () => setState({ kind: 'error', text: t('rowInvalid') }),
    )();
    return outcome;
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    registerHandle(row.planId, { isDirty: () => form.formState.isDirty, flush: () => flushRef.current() });
    return () => registerHandle(row.planId, null);
  }, [registerHandle, row.planId, form.formState]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  /** Drafts save themselves shortly after the user leaves a field with a change. */
  const scheduleSave = () => {
    if (!editable) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (form.formState.isDirty) void flushRef.current();
    }, AUTOSAVE_MS);
  };

  const errorOf = (name: FieldPath<SaveReportDraftInput>): string | undefined => {
    const parts = name.split('.');
    let node: unknown = formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    const message = (node as { message?: string } | undefined)?.message;
    if (!message) return undefined;
    return isReportMessageKey(message) ? tv(message) : message;
  };
  const field = (name: FieldPath<SaveReportDraftInput>, col: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errorOf(name);
    return (
      <>
        <input
          {...register(name, { onBlur: scheduleSave })}
          {...extra}
          data-row={index}
          data-col={col}
          disabled={!editable}
          aria-invalid={error ? true : undefined}
          aria-label={`${row.name} ${t(`columns.${col}` as 'columns.invested')}`}
          title={error ?? (extra.title as string | undefined)}
          className={cn(input, extra.className)}
          data-testid={`batch-${col}`}
        />
        {error && (
          <p className="mt-0.5 max-w-56 text-xs text-red-700" data-testid={`batch-${col}-error`}>
            {error}
          </p>
        )}
      </>
    );
  };

  const reachedDate = (kind: MilestoneKind) => milestoneUpdates.find((m) => m.kind === kind)?.date ?? '';
  const setReached = (kind: MilestoneKind, date: string) => {
    const others = milestoneUpdates.filter((m) => m.kind !== kind);
    setValue('milestoneUpdates', date ? [...others, { kind, date }] : others, { shouldDirty: true });
    scheduleSave();
  };

  const status = report?.status ?? null;
  return (
    <tbody
      className={cn('border-b border-slate-100', selected && 'bg-brand-50/50')}
      data-testid="batch-row"
      data-project={row.name}
      data-plan-id={row.planId}
    >
      <tr>
        <td className={cn(cell, 'w-8')}>
          {selectable && (
            <input
              type="checkbox"
              aria-label={t('select', { project: row.name })}
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              data-testid="batch-select"
            />
          )}
        </td>
        <td className={cn(cell, 'min-w-48')}>
          <Link href={`/projects/${row.projectId}`} className="font-medium text-slate-900 hover:text-brand-800 hover:underline" tabIndex={-1}>
            {row.name}
          </Link>
          <div className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
            <span className="font-mono">{row.code}</span>
            <Badge variant="neutral">{tStage(row.stage)}</Badge>
            {row.annualPlan && <span>{t('annualPlan', { amount: formatWan(row.annualPlan, locale, { unit: false }) })}</span>}
          </div>
          {report?.status === 'RETURNED' && report.reviewComment && (
            <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="batch-returned-comment">
              {tf('returned', { comment: report.reviewComment })}
            </p>
          )}
          {flags.length > 0 && (
            <div className="mt-1 flex flex-wrap gap-1" data-testid="batch-flags">
              {flags.map((f) => (
                <Badge key={f} variant="warning">
                  {tFlag(f as 'monthSpike')}
                </Badge>
              ))}
            </div>
          )}
        </td>
        <td className={cn(cell, 'w-32')}>{field('investedThisMonth', 'invested', { inputMode: 'decimal', autoComplete: 'off', className: 'text-right tabular-nums' })}</td>
        <td className={cn(cell, 'w-28 text-right tabular-nums text-slate-700')} data-testid="batch-ytd">
          {formatWan(ytd, locale, { unit: false })}
        </td>
        <td className={cn(cell, 'min-w-44')}>{field('progressText', 'progress')}</td>
        <td className={cn(cell, 'min-w-24')}>{field('percentComplete', 'percent', { inputMode: 'decimal', className: 'text-right' })}</td>
        <td className={cn(cell, 'w-36')}>
          {row.stage === 'NEW_START' && field('actualStart', 'dates', { type: 'date', title: tf('actualStart') })}
          {row.stage === 'COMPLETION' && field('actualCompletion', 'dates', { type: 'date', title: tf('actualCompletion') })}
        </td>
        <td className={cn(cell, 'min-w-36')}>{field('problems', 'problems')}</td>
        <td className={cn(cell, 'min-w-36')}>{field('coordinationNeeded', 'coordination')}</td>
        <td className={cn(cell, 'min-w-36')}>{field('nextSteps', 'nextSteps')}</td>
        <td className={cn(cell, 'w-28 whitespace-nowrap')}>
          <ReportStatusBadge status={status} testId="batch-status" />
          <div className="mt-1 text-xs" data-testid="batch-save-state">
            {state.kind === 'saving' && <span className="text-slate-500">{tf('saving')}</span>}
            {state.kind === 'saved' && <span className="text-emerald-700">{t('saved', { version: saved.version })}</span>}
            {state.kind === 'error' && <span className="text-red-700" role="alert">{state.text}</span>}
            {state.kind === 'idle' && formState.isDirty && <span className="text-amber-700">{tf('unsaved')}</span>}
          </div>
          {selectable && onSubmitOne && (
            <button
              type="button"
              className="mt-1 text-xs text-brand-700 underline-offset-2 hover:underline"
              onClick={onSubmitOne}
              data-testid="batch-submit-one"
            >
              {tf('submit')}
            </button>
          )}
        </td>
      </tr>
      {preliminary && (
        <tr className="bg-slate-50/60" data-testid="batch-preliminary">
          <td />
          <td colSpan={10} className="px-2 pb-2">
            <div className="flex flex-wrap items-end gap-3 text-xs">
              <span className="font-medium text-slate-600">{t('milestonesReached')}</span>
              {MILESTONE_KINDS.map((kind) => {
                const recorded = row.milestones.find((m) => m.kind === kind);
                const done = recorded?.status === 'DONE';
                return (
                  <label key={kind} className="flex flex-col gap-0.5">
                    <span className={cn(done ? 'text-emerald-700' : 'text-slate-600')}>
                      {tMilestone(kind)}
                      {done && ` ✓ ${recorded?.actualDate ?? ''}`}
                    </span>
                    {!done && (
                      <input
                        type="date"
                        className={cn(input, 'h-7 w-36')}
                        value={reachedDate(kind)}
                        disabled={!editable}
                        onChange={(e) => setReached(kind, e.target.value)}
                        data-testid={`batch-milestone-${kind}`}
                      />
                    )}
                  </label>
                );
              })}
              <label className="flex min-w-48 flex-1 flex-col gap-0.5">
                <span className="text-slate-600">{tf('blockers')}</span>
                <input {...register('blockers', { onBlur: scheduleSave })} disabled={!editable} className={cn(input, 'h-7')} data-testid="batch-blockers" />
              </label>
              <label className="flex flex-col gap-0.5">
                <span className="text-slate-600">{tf('readyToStart')}</span>
                <select
                  {...register('readyToStart', { onChange: scheduleSave })}
                  disabled={!editable}
                  className={cn(input, 'h-7 w-28')}
                  data-testid="batch-ready"
                >
                  <option value="">{tf('readyUnknown')}</option>
                  <option value="true">{tf('readyYes')}</option>
                  <option value="false">{tf('readyNo')}</option>
                </select>
              </label>
            </div>
            {errorOf('milestoneUpdates') && <p className="mt-1 text-xs text-red-700">{errorOf('milestoneUpdates')}</p>}
          </td>
        </tr>
      )}
    </tbody>
  );
}
