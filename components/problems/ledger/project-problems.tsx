import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatLongDate, MISSING } from '@/lib/format';
import type { ProblemList } from '@/lib/server/problems/list-problems';
import { problemListSearch } from '@/lib/validations/problem-list';
import { ProblemLevelBadge, ProblemStatusBadge } from './problem-badges';

/** The project page's 问题 tab: its problems, open ones first (the list's status order), each linking to its page. */
export async function ProjectProblems({
  projectId,
  list,
  canRaise,
}: {
  projectId: number;
  list: ProblemList;
  canRaise: boolean;
}) {
  const [t, tCol, tLedger, locale] = await Promise.all([
    getTranslations('problemLedger.project'),
    getTranslations('problemLedger.columns'),
    getTranslations('problemLedger'),
    getLocale(),
  ]);
  const columns: DataTableColumn[] = [
    { id: 'number', header: tCol('number'), className: 'whitespace-nowrap font-mono text-xs' },
    { id: 'title', header: tCol('title'), className: 'min-w-48' },
    { id: 'lead', header: tCol('lead'), className: 'whitespace-nowrap' },
    { id: 'dueDate', header: tCol('dueDate'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'level', header: tCol('level') },
    { id: 'status', header: tCol('status') },
  ];
  const rows: DataTableRow[] = list.items.map((p) => ({
    id: String(p.id),
    testId: `project-problem-${p.slug}`,
    className: p.overdue ? 'bg-red-50 text-red-800' : undefined,
    attrs: { 'data-overdue': String(p.overdue) },
    cells: {
      number: (
        <Link href={`/problems/${p.slug}`} className="text-brand-800 hover:underline">
          {p.number}
        </Link>
      ),
      title: (
        <Link href={`/problems/${p.slug}`} className="font-medium text-brand-800 hover:underline">
          {p.title}
        </Link>
      ),
      lead: p.lead?.name ?? MISSING,
      dueDate: (
        <span className="flex flex-col">
          {p.dueDate ? formatLongDate(p.dueDate, locale) : MISSING}
          {p.overdue ? (
            <span className="text-xs font-semibold text-red-700">
              {tLedger('overdueDays', { days: p.daysOverdue })}
            </span>
          ) : null}
        </span>
      ),
      level: <ProblemLevelBadge level={p.level} />,
      status: <ProblemStatusBadge status={p.status} />,
    },
  }));
  const open = list.counts.all - list.counts.CLOSED;
  return (
    <Card data-testid="project-problems">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t('title', { open, overdue: list.counts.overdue, all: list.counts.all })}</CardTitle>
        <div className="flex gap-3 text-sm">
          <Link
            href={`/problems${problemListSearch({ projectIds: [projectId] })}`}
            className="text-brand-700 hover:underline"
          >
            {t('inLedger')}
          </Link>
          {canRaise ? (
            <Link
              href={`/problems/new?project=${projectId}`}
              prefetch={false}
              className="text-brand-700 hover:underline"
              data-testid="project-problem-new"
            >
              {tLedger('newLink')}
            </Link>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        <DataTable
          testId="project-problems-table"
          columns={columns}
          rows={rows}
          ariaLabel={t('tableLabel')}
          empty={<span data-testid="project-problems-empty">{t('empty')}</span>}
        />
        {list.total > list.items.length ? (
          <p className="mt-2 text-sm text-slate-500">{t('more', { count: list.total - list.items.length })}</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
