import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatCount } from '@/lib/format';
import type { AdminDepartmentRow } from '@/lib/server/admin/list-departments';
import { DepartmentRowActions } from './department-forms';

export async function DepartmentsTable({ departments }: { departments: readonly AdminDepartmentRow[] }) {
  const [t, tc, locale] = await Promise.all([
    getTranslations('admin.departments'),
    getTranslations('admin.common'),
    getLocale(),
  ]);
  const columns: DataTableColumn[] = [
    { id: 'name', header: t('columns.name'), className: 'font-medium' },
    { id: 'shortName', header: t('columns.shortName') },
    { id: 'kind', header: t('columns.kind'), className: 'whitespace-nowrap' },
    { id: 'active', header: t('columns.active') },
    { id: 'projects', header: t('columns.projects'), align: 'end', className: 'tabular-nums' },
    { id: 'users', header: t('columns.users'), align: 'end', className: 'tabular-nums' },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const rows: DataTableRow[] = departments.map((department) => ({
    id: String(department.id),
    className: department.active ? undefined : 'text-slate-400',
    cells: {
      name: department.name,
      shortName: department.shortName,
      kind: t(`kinds.${department.kind}`),
      active: (
        <Badge variant={department.active ? 'success' : 'neutral'}>
          {department.active ? tc('active') : tc('inactive')}
        </Badge>
      ),
      projects: formatCount(department.projectCount, locale),
      users: formatCount(department.userCount, locale),
      actions: <DepartmentRowActions department={department} />,
    },
  }));
  return (
    <Card>
      <DataTable
        testId="departments-table"
        ariaLabel={t('tableLabel')}
        caption={t('count', { count: departments.length })}
        columns={columns}
        rows={rows}
      />
    </Card>
  );
}
