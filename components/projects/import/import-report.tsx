'use client';

import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import type { SheetIssue } from '@/lib/domain/project-sheet/parse';
import type { ImportSummary } from '@/lib/server/projects/import-projects';
import { ImportMapping } from './import-mapping';

/** The summary counts, then every problem by row, column and message, then the changes an import makes. */
export function ImportReport({ summary, phase }: { summary: ImportSummary; phase: 'checked' | 'done' }) {
  const t = useTranslations('projectImport');
  const counts = [
    ['rows', summary.rows],
    ['create', summary.create],
    ['update', summary.update],
    ['unchanged', summary.unchanged],
    ['errors', summary.errorCount],
  ] as const;
  const nothing = summary.create + summary.update === 0;
  const message =
    phase === 'done'
      ? summary.committed
        ? t('summary.done', { create: summary.create, update: summary.update, unchanged: summary.unchanged })
        : t('summary.doneNothing')
      : summary.errorCount
        ? t('summary.blocked', { count: summary.errorCount })
        : nothing
          ? t('summary.nothing')
          : t('summary.ready', { create: summary.create, update: summary.update, unchanged: summary.unchanged });

  const issueText = (issue: SheetIssue) =>
    t(`errors.${issue.message}`, {
      value: '',
      row: '',
      max: '',
      sum: '',
      plan: '',
      room: '',
      column: issue.column,
      ...issue.params,
    });

  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="import-summary">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
            <dd
              className={
                key === 'errors' && value
                  ? 'text-lg font-semibold text-red-700'
                  : 'text-lg font-semibold text-slate-900'
              }
              data-testid={`import-count-${key}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" className={summary.errorCount ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}>
        {message}
      </p>
      {summary.split.derived > 0 ? (
        <p className="text-sm text-slate-700" data-testid="import-derived">
          {t(phase === 'done' ? 'split.summaryDone' : 'split.summary', {
            count: summary.split.derived,
            profile: t(`split.profiles.${summary.split.profile}`),
          })}
        </p>
      ) : null}
      <ImportMapping summary={summary} />

      {summary.errors.length ? (
        <div className="flex flex-col gap-1">
          {summary.errorCount > summary.errors.length ? (
            <p className="text-xs text-slate-600">
              {t('summary.more', { shown: summary.errors.length, count: summary.errorCount })}
            </p>
          ) : null}
          {/* the frame scrolls itself, so the sticky header stays in view */}
          <DataTable
            testId="import-errors"
            ariaLabel={t('summary.errors')}
            className="max-h-[32rem] overflow-auto rounded-md border border-red-200"
            headClassName="sticky top-0 bg-red-50 text-red-900"
            columns={[
              { id: 'row', header: t('table.row'), className: 'py-1.5 tabular-nums' },
              { id: 'column', header: t('table.column'), className: 'py-1.5' },
              { id: 'message', header: t('table.message'), className: 'py-1.5' },
            ]}
            rows={summary.errors.map((issue, i) => ({
              id: String(i),
              cells: { row: issue.row || t('table.wholeFile'), column: issue.column, message: issueText(issue) },
            }))}
          />
        </div>
      ) : null}

      {!summary.errorCount && summary.changes.length ? (
        <DataTable
          testId="import-changes"
          ariaLabel={t('changes')}
          className="max-h-[24rem] overflow-auto rounded-md border border-slate-200"
          headClassName="sticky top-0 text-slate-700"
          columns={[
            { id: 'row', header: t('table.row'), className: 'py-1.5 tabular-nums' },
            { id: 'code', header: t('table.code'), className: 'py-1.5 font-mono text-xs' },
            { id: 'name', header: t('table.name'), className: 'py-1.5' },
            { id: 'kind', header: t('table.kind'), className: 'py-1.5' },
            { id: 'fields', header: t('table.fields'), className: 'py-1.5 text-xs text-slate-600' },
            { id: 'split', header: t('split.column'), className: 'py-1.5 text-xs' },
          ]}
          rows={summary.changes.map((c) => ({
            id: `${c.row}-${c.code}`,
            cells: {
              row: c.row,
              code: c.code,
              name: c.name,
              kind: t(`kind.${c.kind}`),
              fields: c.fields.join('、'),
              split: c.derived
                ? t('split.derived', { profile: t(`split.profiles.${c.derived}`) })
                : t('split.fromFile'),
            },
          }))}
        />
      ) : null}
    </div>
  );
}
