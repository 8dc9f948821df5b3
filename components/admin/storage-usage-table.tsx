import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Card } from '@/components/ui/card';
import { formatBytes, formatCount } from '@/lib/format';
import type { DepartmentStorageRow, StorageTally, StorageUsage } from '@/lib/server/admin/storage-usage';

type Tallies = Pick<DepartmentStorageRow, 'photos' | 'documents' | 'removed'>;

/** Files and bytes per department: photos and documents in use, removed ones apart, and the sum of all three. */
export async function StorageUsageTable({ usage }: { usage: StorageUsage }) {
  const [t, locale] = await Promise.all([getTranslations('admin.storage'), getLocale()]);
  const tally = (value: StorageTally) =>
    t('tally', { files: formatCount(value.files, locale), size: formatBytes(value.bytes, locale) });
  const cellsOf = (row: Tallies) => ({
    photos: tally(row.photos),
    documents: tally(row.documents),
    removed: tally(row.removed),
    total: tally({
      files: row.photos.files + row.documents.files + row.removed.files,
      bytes: row.photos.bytes + row.documents.bytes + row.removed.bytes,
    }),
  });
  const figure = { align: 'end' as const, className: 'whitespace-nowrap tabular-nums' };
  const columns: DataTableColumn[] = [
    { id: 'department', header: t('columns.department'), className: 'font-medium' },
    { id: 'photos', header: t('columns.photos'), ...figure },
    { id: 'documents', header: t('columns.documents'), ...figure },
    { id: 'removed', header: t('columns.removed'), ...figure },
    { id: 'total', header: t('columns.total'), ...figure },
  ];
  const rows: DataTableRow[] = [
    ...usage.departments.map((row) => ({
      id: String(row.departmentId),
      className: row.active ? undefined : 'text-slate-400',
      cells: { department: row.name, ...cellsOf(row) },
    })),
    { id: 'total', className: 'font-semibold', cells: { department: t('totalRow'), ...cellsOf(usage.total) } },
  ];
  return (
    <Card>
      <DataTable
        testId="storage-usage-table"
        ariaLabel={t('tableLabel')}
        caption={t('count', { count: usage.departments.length })}
        columns={columns}
        rows={rows}
      />
    </Card>
  );
}
