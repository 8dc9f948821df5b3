import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { RemindLateButton } from '@/components/reminders/remind-late-button';
import { Badge } from '@/components/ui/badge';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/permissions';
import type { DepartmentReportState } from '@/lib/domain/deadlines';
import { formatCount, MISSING } from '@/lib/format';
import type { ReportBoard, ReportBoardRow } from '@/lib/server/reports/get-report-board';
import { cn } from '@/lib/utils';
import { monthName } from '@/components/navigation/month-name';

const COUNT_COLUMNS = ['missing', 'draft', 'submitted', 'returned', 'approved', 'total'] as const;
const STATE_BADGE: Record<DepartmentReportState, 'success' | 'neutral' | 'danger'> = {
  done: 'success',
  onTime: 'neutral',
  late: 'danger',
};

/**
 * The board's table: one row per department, late ones first and in red. A department's name leads where its
 * reports are handled: the review queue for the bureau, the entry screen for the department itself.
 */
export async function ReportBoardTable({
  board,
  actor,
  remind = false,
}: {
  board: ReportBoard;
  actor: Actor;
  /** a 催报 button on each late row (the bureau's) */
  remind?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations('board'), getLocale()]);
  const count = (n: number) => formatCount(n, locale);
  const month = { month: board.month, monthName: monthName(board.month, locale) };
  const reviews = scopeOf(actor, 'report.review') === 'all';
  const enters = scopeOf(actor, 'report.edit') !== 'none';

  const departmentCell = (row: ReportBoardRow) => {
    const name = <span data-testid="board-department">{row.departmentName}</span>;
    const query = `year=${board.year}&month=${board.month}`;
    const link = reviews
      ? {
          href: `/reports/review?${query}&department=${row.departmentId}`,
          label: t('openReview', { ...month, department: row.departmentName }),
        }
      : enters && row.departmentId === actor.departmentId
        ? { href: `/reports?${query}`, label: t('openEntry', month) }
        : null;
    return (
      <span className="flex flex-wrap items-center gap-2">
        {link ? (
          <Link
            href={link.href}
            title={link.label}
            className="text-brand-700 underline-offset-2 hover:underline"
            data-testid="board-department-link"
          >
            {name}
          </Link>
        ) : (
          name
        )}
        {row.late ? (
          <Badge variant="danger" data-testid="board-late-badge">
            {t('lateBadge', { days: row.daysOverdue })}
          </Badge>
        ) : null}
      </span>
    );
  };

  // Counts that need someone to act are emphasised; zeros recede.
  const countCell = (n: number, urgent = false) => (
    <span className={cn('tabular-nums', n === 0 ? 'text-slate-400' : urgent && 'font-semibold text-red-700')}>
      {count(n)}
    </span>
  );

  // a department's own board has one line: a totals line would only repeat it
  const withTotals = board.rows.length > 1;
  const columns: DataTableColumn[] = [
    {
      id: 'department',
      header: t('columns.department'),
      rowHeader: true,
      footer: withTotals ? t('totals') : undefined,
    },
    ...COUNT_COLUMNS.map((id): DataTableColumn => ({
      id,
      header: t(`columns.${id}`),
      align: 'end',
      className: 'tabular-nums',
      footer: withTotals ? count(board.totals[id]) : undefined,
    })),
    { id: 'state', header: t('columns.state') },
    { id: 'daysOverdue', header: t('columns.daysOverdue'), align: 'end', className: 'tabular-nums' },
    // the bureau's 催报 to one late department
    ...(remind ? [{ id: 'remind', header: '', align: 'end' } satisfies DataTableColumn] : []),
  ];

  const rows = board.rows.map((row): DataTableRow => ({
    id: String(row.departmentId),
    testId: 'board-row',
    attrs: { 'data-department': row.departmentName, 'data-state': row.state, 'data-late': row.late ? 'true' : 'false' },
    className: row.late ? 'bg-red-50 hover:bg-red-100/70' : undefined,
    cells: {
      department: departmentCell(row),
      missing: countCell(row.missing, row.late),
      draft: countCell(row.draft, row.late),
      returned: countCell(row.returned, row.late),
      submitted: countCell(row.submitted),
      approved: countCell(row.approved),
      total: <span className="tabular-nums">{count(row.total)}</span>,
      state: (
        <Badge variant={STATE_BADGE[row.state]} data-testid="board-state">
          {t(`state.${row.state}`)}
        </Badge>
      ),
      remind: row.late ? (
        <RemindLateButton
          year={board.year}
          month={board.month}
          lateCount={1}
          department={{ id: row.departmentId, name: row.departmentName }}
        />
      ) : null,
      daysOverdue: row.late ? (
        <span className="font-semibold text-red-700" data-testid="board-days-overdue">
          {t('days', { days: row.daysOverdue })}
        </span>
      ) : (
        <span className="text-slate-400" data-testid="board-days-overdue">
          {MISSING}
        </span>
      ),
    },
  }));

  return (
    <DataTable
      testId="board-table"
      columns={columns}
      rows={rows}
      empty={t('empty')}
      ariaLabel={t('title', { ...month, year: String(board.year) })}
    />
  );
}
