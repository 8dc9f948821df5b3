import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PROBLEM_STATUSES } from '@/lib/domain/problems/flow';
import { formatCount } from '@/lib/format';
import type { ProblemList } from '@/lib/server/problems/list-problems';
import { problemListSearch, type ProblemListParams } from '@/lib/validations/problem-list';
import { cn } from '@/lib/utils';

/**
 * The counts per status above the ledger, over every filter but the status one; each is a link to that status
 * (the current one links back to all), and the overdue count to the overdue filter.
 */
export async function ProblemStatusCounts({ list, params }: { list: ProblemList; params: ProblemListParams }) {
  const [t, tStatus, locale] = await Promise.all([
    getTranslations('problemLedger.counts'),
    getTranslations('enums.problemStatus'),
    getLocale(),
  ]);
  const base = { ...params, page: 1 };
  const chip = (key: string, label: string, count: number, href: string, active: boolean, danger = false) => (
    <Link
      key={key}
      href={`/problems${href}`}
      aria-current={active ? 'true' : undefined}
      data-testid={`problem-count-${key}`}
      className={cn(
        'hover:border-brand-400 flex min-w-24 flex-col rounded-lg border bg-white px-3 py-2',
        active ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200',
        danger && count > 0 && 'text-red-700',
      )}
    >
      <span className="text-xs text-slate-500">{label}</span>
      <span className="text-xl font-semibold tabular-nums">{formatCount(count, locale)}</span>
    </Link>
  );
  const none = params.statuses.length === 0;
  return (
    <nav aria-label={t('label')} className="flex flex-wrap gap-2" data-testid="problem-counts">
      {chip('all', t('all'), list.counts.all, problemListSearch({ ...base, statuses: [] }), none && !params.overdue)}
      {PROBLEM_STATUSES.map((s) => {
        const active = params.statuses.length === 1 && params.statuses[0] === s;
        return chip(s, tStatus(s), list.counts[s], problemListSearch({ ...base, statuses: active ? [] : [s] }), active);
      })}
      {chip(
        'overdue',
        t('overdue'),
        list.counts.overdue,
        problemListSearch({ ...base, overdue: !params.overdue }),
        params.overdue,
        true,
      )}
    </nav>
  );
}
