import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { chongqingToday } from '@/lib/domain/deadlines';
import { formatLongDate, MISSING } from '@/lib/format';
import type { ProblemList, ProblemListItem } from '@/lib/server/problems/list-problems';
import {
  DEFAULT_PROBLEM_LIST_PARAMS,
  PROBLEM_LIST_PAGE_SIZES,
  type ProblemListParams,
  type ProblemListSort,
} from '@/lib/validations/problem-list';
import { ProblemLevelBadge, ProblemStatusBadge } from './problem-badges';

const SORTABLE: Partial<Record<string, ProblemListSort>> = {
  number: 'number',
  dueDate: 'dueDate',
  daysOverdue: 'daysOverdue',
  level: 'level',
  status: 'status',
  lastActivity: 'lastActivity',
};

/** The ledger's grid: one row per problem, linking to its page; overdue rows are red. */
export async function ProblemLedgerTable({ list, params }: { list: ProblemList; params: ProblemListParams }) {
  const [locale, t, tCol, tTable, tPager] = await Promise.all([
    getLocale(),
    getTranslations('problemLedger'),
    getTranslations('problemLedger.columns'),
    getTranslations('projectList.table'),
    getTranslations('navigation.pager'),
  ]);
  const columns = (
    [
      { id: 'number', header: tCol('number'), label: tCol('number'), hideable: false, className: 'whitespace-nowrap' },
      { id: 'title', header: tCol('title'), label: tCol('title'), hideable: false, className: 'min-w-56' },
      { id: 'project', header: tCol('project'), label: tCol('project'), className: 'min-w-40' },
      { id: 'category', header: tCol('category'), label: tCol('category'), className: 'whitespace-nowrap' },
      { id: 'lead', header: tCol('lead'), label: tCol('lead'), className: 'whitespace-nowrap' },
      { id: 'leader', header: tCol('leader'), label: tCol('leader'), className: 'whitespace-nowrap' },
      { id: 'dueDate', header: tCol('dueDate'), label: tCol('dueDate'), className: 'whitespace-nowrap tabular-nums' },
      {
        id: 'daysOverdue',
        header: tCol('daysOverdue'),
        label: tCol('daysOverdue'),
        align: 'end',
        sortDescFirst: true,
        className: 'tabular-nums',
      },
      { id: 'level', header: tCol('level'), label: tCol('level') },
      { id: 'status', header: tCol('status'), label: tCol('status'), hideable: false },
      {
        id: 'lastActivity',
        header: tCol('lastActivity'),
        label: tCol('lastActivity'),
        sortDescFirst: true,
        className: 'whitespace-nowrap tabular-nums',
      },
    ] satisfies DataTableColumn[] as DataTableColumn[]
  ).map((c): DataTableColumn => ({ ...c, sortable: SORTABLE[c.id] !== undefined }));

  const rows: DataTableRow[] = list.items.map((p: ProblemListItem): DataTableRow => ({
    id: String(p.id),
    testId: `problem-row-${p.slug}`,
    className: p.overdue ? 'bg-red-50 text-red-800' : undefined,
    attrs: { 'data-overdue': String(p.overdue) },
    cells: {
      number: (
        <Link href={`/problems/${p.slug}`} className="font-mono text-xs text-brand-800 hover:underline">
          {p.number}
        </Link>
      ),
      title: (
        <span className="flex flex-wrap items-center gap-1">
          <Link href={`/problems/${p.slug}`} className="font-medium text-brand-800 hover:underline">
            {p.title}
          </Link>
          {p.mine ? <Badge variant="brand">{t('mine')}</Badge> : null}
        </span>
      ),
      project: p.project ? (
        <Link href={`/projects/${p.project.id}`} className="hover:underline">
          {p.project.name}
        </Link>
      ) : (
        <span className="text-slate-400">{t('noProject')}</span>
      ),
      category: p.category.name,
      lead: p.lead?.name ?? MISSING,
      leader: p.leader?.name ?? MISSING,
      dueDate: p.dueDate ? formatLongDate(p.dueDate, locale) : MISSING,
      daysOverdue: p.overdue ? (
        <span className="font-semibold text-red-700">{t('overdueDays', { days: p.daysOverdue })}</span>
      ) : (
        MISSING
      ),
      level: <ProblemLevelBadge level={p.level} />,
      status: <ProblemStatusBadge status={p.status} />,
      lastActivity: formatLongDate(chongqingToday(p.lastActivity), locale),
    },
  }));

  return (
    <DataTable
      testId="problem-ledger"
      wide
      columns={columns}
      rows={rows}
      rowCount={list.total}
      page={list.page}
      pageSize={list.pageSize}
      pageSizes={PROBLEM_LIST_PAGE_SIZES}
      sort={{ id: params.sort, desc: params.dir === 'desc' }}
      hidden={params.hidden}
      url={{
        defaultSort: { id: DEFAULT_PROBLEM_LIST_PARAMS.sort, desc: DEFAULT_PROBLEM_LIST_PARAMS.dir === 'desc' },
        defaultPageSize: DEFAULT_PROBLEM_LIST_PARAMS.pageSize,
      }}
      labels={{
        columns: tTable('columns'),
        pager: tPager('label'),
        previous: tPager('previous'),
        next: tPager('next'),
        pageSummary: tPager.raw('summary') as string,
        rowsPerPage: tPager('rowsPerPage'),
        sortAscending: tTable('sortAscending'),
        sortDescending: tTable('sortDescending'),
      }}
      caption={t('caption')}
      empty={<span data-testid="problem-ledger-empty">{t('empty')}</span>}
    />
  );
}
