'use client';

import { useTranslations } from 'next-intl';
import type { SheetIssue } from '@/lib/domain/project-sheet/parse';
import type { ImportSummary } from '@/lib/server/projects/import-projects';

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
    t(`errors.${issue.message}`, { value: '', row: '', max: '', sum: '', plan: '', room: '', column: issue.column, ...issue.params });

  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="import-summary">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
            <dd className={key === 'errors' && value ? 'text-lg font-semibold text-red-700' : 'text-lg font-semibold text-slate-900'} data-testid={`import-count-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" className={summary.errorCount ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}>
        {message}
      </p>

      {summary.errors.length ? (
        <div className="max-h-[32rem] overflow-auto rounded-md border border-red-200">
          {summary.errorCount > summary.errors.length ? (
            <p className="px-3 py-2 text-xs text-slate-600">{t('summary.more', { shown: summary.errors.length, count: summary.errorCount })}</p>
          ) : null}
          <table className="w-full text-sm" aria-label={t('summary.errors')}>
            <thead className="sticky top-0 bg-red-50 text-left text-red-900">
              <tr>
                <th className="px-3 py-2 font-medium">{t('table.row')}</th>
                <th className="px-3 py-2 font-medium">{t('table.column')}</th>
                <th className="px-3 py-2 font-medium">{t('table.message')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.errors.map((issue, i) => (
                <tr key={i} className="border-t border-red-100">
                  <td className="px-3 py-1.5 tabular-nums">{issue.row || t('table.wholeFile')}</td>
                  <td className="px-3 py-1.5">{issue.column}</td>
                  <td className="px-3 py-1.5">{issueText(issue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {!summary.errorCount && summary.changes.length ? (
        <div className="max-h-[24rem] overflow-auto rounded-md border border-slate-200">
          <table className="w-full text-sm" aria-label={t('changes')}>
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
              <tr>
                <th className="px-3 py-2 font-medium">{t('table.row')}</th>
                <th className="px-3 py-2 font-medium">{t('table.code')}</th>
                <th className="px-3 py-2 font-medium">{t('table.name')}</th>
                <th className="px-3 py-2 font-medium">{t('table.kind')}</th>
                <th className="px-3 py-2 font-medium">{t('table.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.changes.map((c) => (
                <tr key={`${c.row}-${c.code}`} className="border-t border-slate-100">
                  <td className="px-3 py-1.5 tabular-nums">{c.row}</td>
                  <td className="px-3 py-1.5 font-mono text-xs">{c.code}</td>
                  <td className="px-3 py-1.5">{c.name}</td>
                  <td className="px-3 py-1.5">{t(`kind.${c.kind}`)}</td>
                  <td className="px-3 py-1.5 text-xs text-slate-600">{c.fields.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
