import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatCount } from '@/lib/format';
import type { ProblemCategoryRow } from '@/lib/server/problems/problem-settings';
import { CategoryRowActions } from './category-forms';

/** The categories in the forms' order, each with its use and the bureau's actions on it. */
export async function CategoriesTable({ categories }: { categories: readonly ProblemCategoryRow[] }) {
  const [t, tc, locale] = await Promise.all([
    getTranslations('problems.settings'),
    getTranslations('admin.common'),
    getLocale(),
  ]);
  const columns: DataTableColumn[] = [
    { id: 'name', header: t('columns.name'), className: 'font-medium' },
    { id: 'active', header: t('columns.active') },
    { id: 'problems', header: t('columns.problems'), align: 'end', className: 'tabular-nums' },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const rows: DataTableRow[] = categories.map((category, i) => ({
    id: String(category.id),
    testId: 'problem-category-row',
    attrs: { 'data-category': category.name },
    className: category.active ? undefined : 'text-slate-400',
    cells: {
      name: category.name,
      active: (
        <Badge variant={category.active ? 'success' : 'neutral'}>
          {category.active ? tc('active') : tc('inactive')}
        </Badge>
      ),
      problems: formatCount(category.problemCount, locale),
      actions: <CategoryRowActions category={category} first={i === 0} last={i === categories.length - 1} />,
    },
  }));
  return (
    <Card>
      <DataTable
        testId="problem-categories-table"
        ariaLabel={t('tableLabel')}
        caption={t('count', { count: categories.length })}
        columns={columns}
        rows={rows}
      />
    </Card>
  );
}
