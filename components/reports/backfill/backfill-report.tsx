'use client';

import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import type { DispatchIssue } from '@/lib/domain/dispatch-sheet/types';
import type { BackfillSummary } from '@/lib/server/reports/backfill/types';

const OUTCOME_CLASS = {
  create: 'text-emerald-800',
  restate: 'text-amber-800',
  unchanged: 'text-slate-500',
  refused: 'text-red-700 font-medium',
} as const;

/** The counts, the file's problems, every row's outcome with why, and the rows recognised and skipped. */
export function BackfillReport({ summary, phase }: { summary: BackfillSummary; phase: 'checked' | 'done' }) {
  const t = useTranslations('backfill');
  const tStatus = useTranslations('reports.status');
  const { counts } = summary;
  const problems = counts.refused + summary.fileIssues.length;
  const changes = counts.create + counts.restate;
  const message =
    phase === 'done'
      ? summary.committed
        ? t('summary.done', counts)
        : t('summary.doneNothing')
      : problems
        ? t('summary.blocked', { count: problems })
        : changes
          ? t('summary.ready', counts)
          : t('summary.nothing');
  const issueText = (issue: DispatchIssue) => {
    const params: Record<string, string | number> = { column: issue.column, ...issue.params };
    if (issue.message === 'reportInProgress') params.status = tStatus(String(params.status) as 'SUBMITTED');
    return t(`issues.${issue.message}`, params);
  };

  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="backfill-summary">
        {(['create', 'restate', 'unchanged', 'refused'] as const).map((key) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
            <dd className={`text-lg font-semibold ${OUTCOME_CLASS[key]}`} data-testid={`backfill-count-${key}`}>
              {counts[key]}
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" className={problems ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}>
        {message}
      </p>
      <p className="text-xs text-slate-600">
        {t('summary.columns', { columns: summary.columns.map((c) => c.label).join('、') })}
      </p>
      {summary.totals
        .filter((total) => total.mismatches.length === 0 && total.checked > 0)
        .map((total) => (
          <p key={total.row} className="text-xs text-emerald-800" data-testid="backfill-total-ok">
            {t('summary.totalOk', { row: total.row, checked: total.checked })}
          </p>
        ))}

      {summary.fileIssues.length ? (
        <DataTable
          testId="backfill-file-issues"
          className="rounded-md border border-red-200"
          headClassName="bg-red-50 text-red-900"
          columns={[
            { id: 'row', header: t('table.row'), className: 'py-1.5 tabular-nums' },
            { id: 'column', header: t('table.column'), className: 'py-1.5' },
            { id: 'message', header: t('table.message'), className: 'py-1.5' },
          ]}
          rows={summary.fileIssues.map((issue, i) => ({
            id: String(i),
            cells: { row: issue.row || t('table.wholeFile'), column: issue.column, message: issueText(issue) },
          }))}
        />
      ) : null}

      <DataTable
        testId="backfill-rows"
        className="max-h-[32rem] overflow-auto rounded-md border border-slate-200"
        headClassName="sticky top-0 bg-white text-slate-700"
        columns={[
          { id: 'row', header: t('table.row'), className: 'py-1.5 tabular-nums' },
          { id: 'code', header: t('table.code'), className: 'py-1.5 font-mono text-xs' },
          { id: 'name', header: t('table.name'), className: 'py-1.5' },
          { id: 'outcome', header: t('table.outcome'), className: 'py-1.5 whitespace-nowrap' },
          { id: 'thisMonth', header: t('table.thisMonth'), align: 'end', className: 'py-1.5 tabular-nums' },
          { id: 'cumulative', header: t('table.cumulative'), align: 'end', className: 'py-1.5 tabular-nums' },
          { id: 'previous', header: t('table.previous'), align: 'end', className: 'py-1.5 tabular-nums' },
          { id: 'reasons', header: t('table.reasons'), className: 'py-1.5 text-xs' },
        ]}
        rows={summary.rows.map((r) => ({
          id: String(r.row),
          testId: `backfill-row-${r.row}`,
          cells: {
            row: r.row,
            code: r.code,
            name: r.name,
            outcome: <span className={OUTCOME_CLASS[r.outcome]}>{t(`outcome.${r.outcome}`)}</span>,
            thisMonth: r.thisMonth ?? '',
            cumulative: r.cumulative ?? '',
            previous: r.previousFigure ?? '',
            reasons: r.issues.map(issueText).join('；'),
          },
        }))}
      />

      {summary.skipped.length ? (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{t('summary.skipped')}</summary>
          <DataTable
            testId="backfill-skipped"
            className="mt-2 rounded-md border border-slate-200"
            columns={[
              { id: 'row', header: t('table.row'), className: 'py-1 tabular-nums' },
              { id: 'kind', header: t('table.kind'), className: 'py-1' },
              { id: 'text', header: t('table.text'), className: 'py-1' },
            ]}
            rows={summary.skipped.map((s) => ({
              id: String(s.row),
              cells: { row: s.row, kind: t(`skippedKind.${s.kind}`), text: s.text },
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}
