import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { formatCount, formatLongDate, MISSING } from '@/lib/format';
import type { ProblemStats } from '@/lib/server/problems/problem-stats';
import { problemListSearch } from '@/lib/validations/problem-list';

const OPEN = ['PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED'] as const;

/** Open and overdue problems by category and by lead unit, each count a link to the ledger. */
export async function ProblemBreakdowns({ stats, year }: { stats: ProblemStats; year: number }) {
  const [t, locale] = await Promise.all([getTranslations('problemLedger.dashboard'), getLocale()]);
  const link = (value: number, href: string) =>
    value === 0 ? (
      <span className="text-slate-400">0</span>
    ) : (
      <Link href={`/problems${href}`} className="text-brand-800 hover:underline">
        {formatCount(value, locale)}
      </Link>
    );
  const columns = (first: string) => [
    { id: 'label', header: first, rowHeader: true, className: 'whitespace-nowrap' },
    { id: 'open', header: t('open'), align: 'end' as const, className: 'tabular-nums' },
    { id: 'overdue', header: t('overdue'), align: 'end' as const, className: 'tabular-nums' },
  ];
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <DataTable
        testId="problem-by-category"
        ariaLabel={t('byCategory')}
        columns={columns(t('byCategory'))}
        rows={stats.byCategory.map((c) => ({
          id: String(c.id),
          cells: {
            label: c.name,
            open: link(c.open, problemListSearch({ year, categoryIds: [c.id], statuses: [...OPEN] })),
            overdue: link(c.overdue, problemListSearch({ year, categoryIds: [c.id], overdue: true })),
          },
        }))}
      />
      <DataTable
        testId="problem-by-lead"
        ariaLabel={t('byLead')}
        className="max-h-80 overflow-y-auto"
        columns={columns(t('byLead'))}
        rows={stats.byLead.map((l) => ({
          id: String(l.id ?? 'none'),
          cells: {
            label: l.name ?? t('unassigned'),
            open:
              l.id === null
                ? link(l.open, problemListSearch({ year, statuses: ['PENDING'] }))
                : link(l.open, problemListSearch({ year, leadDepartmentIds: [l.id], statuses: [...OPEN] })),
            overdue:
              l.id === null
                ? formatCount(l.overdue, locale)
                : link(l.overdue, problemListSearch({ year, leadDepartmentIds: [l.id], overdue: true })),
          },
        }))}
        empty={t('noneOpen')}
      />
    </div>
  );
}

/** The oldest overdue problems (the actor's own part for a department), each linking to its page. */
export async function OldestOverdueList({ stats }: { stats: ProblemStats }) {
  const [t, locale] = await Promise.all([getTranslations('problemLedger.dashboard'), getLocale()]);
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium text-slate-700">{t('oldestOverdue')}</h3>
      {stats.oldestOverdue.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="problem-oldest-none">
          {t('noneOverdue')}
        </p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100" data-testid="problem-oldest">
          {stats.oldestOverdue.map((p) => (
            <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
              <Link href={`/problems/${p.slug}`} className="min-w-0 flex-1 text-brand-800 hover:underline">
                <span className="mr-2 font-mono text-xs">{p.number}</span>
                {p.title}
              </Link>
              <span className="text-slate-600">{p.lead?.name ?? MISSING}</span>
              <span className="text-slate-500">{p.dueDate ? formatLongDate(p.dueDate, locale) : MISSING}</span>
              <span className="font-semibold text-red-700">{t('daysOverdue', { days: p.daysOverdue })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
