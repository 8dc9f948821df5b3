import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatCount, formatPercent, MISSING } from '@/lib/format';
import type { ProblemStats } from '@/lib/server/problems/problem-stats';
import { problemListSearch, type ProblemListParams } from '@/lib/validations/problem-list';
import { cn } from '@/lib/utils';
import { ProblemBreakdowns, OldestOverdueList } from './problem-card-lists';

const OPEN_STATUSES: ProblemListParams['statuses'] = ['PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED'];

/**
 * 问题协调 on the dashboard: open / overdue / closed this month and 办结率 for the year, by category and lead unit,
 * and the oldest overdue problems. Every figure links to the ledger filtered to what it counts.
 */
export async function ProblemCard({ stats, year, ownScope }: { stats: ProblemStats; year: number; ownScope: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('problemLedger.dashboard'), getLocale()]);
  const ledger = (params: Partial<ProblemListParams>) => `/problems${problemListSearch({ year, ...params })}`;
  const figure = (key: string, label: string, value: string, href: string, danger = false) => (
    <Link
      href={href}
      data-testid={`problem-stat-${key}`}
      className="hover:border-brand-400 flex flex-col rounded-lg border border-slate-200 px-4 py-3"
    >
      <span className="text-xs text-slate-500">{label}</span>
      <span className={cn('text-2xl font-semibold tabular-nums', danger ? 'text-red-700' : 'text-slate-900')}>
        {value}
      </span>
    </Link>
  );
  return (
    <Card data-testid="problem-card">
      <CardHeader>
        <CardTitle>{t('title', { year: String(year) })}</CardTitle>
        <CardDescription>
          {t('caption', { total: formatCount(stats.total, locale) })}
          {ownScope ? ` ${t('ownList')}` : ''}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {figure('open', t('open'), formatCount(stats.open, locale), ledger({ statuses: OPEN_STATUSES }))}
          {figure(
            'overdue',
            t('overdue'),
            formatCount(stats.overdue, locale),
            ledger({ overdue: true }),
            stats.overdue > 0,
          )}
          {figure(
            'closedThisMonth',
            t('closedThisMonth'),
            formatCount(stats.closedThisMonth, locale),
            ledger({ statuses: ['CLOSED'], sort: 'lastActivity', dir: 'desc' }),
          )}
          {figure(
            'closureRate',
            t('closureRate'),
            stats.closureRatePercent === null ? MISSING : formatPercent(stats.closureRatePercent, locale),
            ledger({ statuses: ['CLOSED'] }),
          )}
        </div>
        <ProblemBreakdowns stats={stats} year={year} />
        <OldestOverdueList stats={stats} />
      </CardContent>
    </Card>
  );
}
