'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { FieldPath } from 'react-hook-form';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import type { ReportDraft } from '@/components/reports/draft/use-report-draft';
import { Badge } from '@/components/ui/badge';
import { formatWan } from '@/lib/format';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { cn } from '@/lib/utils';
import type { SaveReportDraftInput } from '@/lib/validations/report';

export const cell = 'px-2 py-1.5 align-top';
export const input =
  'h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-500 disabled:bg-slate-50';

/** The columns whose inputs Enter moves down (their headers are `reports.batch.columns.<col>`). */
export type BatchColumn = 'invested' | 'progress' | 'percent' | 'dates' | 'problems' | 'coordination' | 'nextSteps';

/**
 * One of a row's inputs. `data-row`/`data-col` let Enter move down its column; the accessible name is the project
 * and the column, since the table's header is far from the cell.
 */
export function BatchInput({
  draft,
  name,
  col,
  row,
  index,
  editable,
  extra = {},
}: {
  draft: ReportDraft;
  name: FieldPath<SaveReportDraftInput>;
  col: BatchColumn;
  row: BatchEntryRow;
  index: number;
  editable: boolean;
  extra?: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  const t = useTranslations('reports.batch');
  const error = draft.errorOf(name);
  return (
    <>
      <input
        {...draft.form.register(name, { onBlur: draft.scheduleSave })}
        {...extra}
        data-row={index}
        data-col={col}
        disabled={!editable}
        aria-invalid={error ? true : undefined}
        aria-label={`${row.name} ${t(`columns.${col}`)}`}
        title={error ?? extra.title}
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
}

/** The project: name, code, stage, annual plan, the bureau's comment on a returned report, and the save's flags. */
export function BatchProjectCell({
  row,
  flags,
  children,
}: {
  row: BatchEntryRow;
  flags: readonly string[];
  /** the row's photo toggle */
  children?: React.ReactNode;
}) {
  const t = useTranslations('reports.batch');
  const tf = useTranslations('reports.form');
  const tFlag = useTranslations('reports.flagLabels');
  const tStage = useTranslations('enums.stage');
  const locale = useLocale();
  const report = row.report;
  return (
    <td className={cn(cell, 'min-w-48')}>
      <Link
        href={`/projects/${row.projectId}`}
        className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
        tabIndex={-1}
      >
        {row.name}
      </Link>
      <div className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
        <span className="font-mono">{row.code}</span>
        <Badge variant="neutral">{tStage(row.stage)}</Badge>
        {row.annualPlan && (
          <span>{t('annualPlan', { amount: formatWan(row.annualPlan, locale, { unit: false }) })}</span>
        )}
        {row.openProblems > 0 && (
          <Link
            href={`/problems?project=${row.projectId}`}
            title={t('openProblemsTitle')}
            className="rounded-full bg-red-50 px-2 py-0.5 font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-100"
            data-testid="batch-open-problems"
            tabIndex={-1}
          >
            {t('openProblems', { count: row.openProblems })}
          </Link>
        )}
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
      {children}
    </td>
  );
}

/** The report's status, whether the row's draft is saved, and "submit" for this row alone. */
export function BatchStateCell({
  row,
  draft,
  onSubmitOne,
}: {
  row: BatchEntryRow;
  draft: ReportDraft;
  onSubmitOne?: () => void;
}) {
  const t = useTranslations('reports.batch');
  const tf = useTranslations('reports.form');
  const { state } = draft;
  return (
    <td className={cn(cell, 'w-28 whitespace-nowrap')}>
      <ReportStatusBadge status={row.report?.status ?? null} testId="batch-status" />
      <div className="mt-1 text-xs" data-testid="batch-save-state">
        {state.kind === 'saving' && <span className="text-slate-500">{tf('saving')}</span>}
        {state.kind === 'saved' && (
          <span className="text-emerald-700">{t('saved', { version: draft.saved.version })}</span>
        )}
        {state.kind === 'error' && (
          <span className="text-red-700" role="alert">
            {state.invalid ? t('rowInvalid') : state.text}
          </span>
        )}
        {state.kind === 'idle' && draft.form.formState.isDirty && (
          <span className="text-amber-700">{tf('unsaved')}</span>
        )}
      </div>
      {onSubmitOne && (
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
  );
}
