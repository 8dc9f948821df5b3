import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import type { BulletinListRow } from '@/lib/server/bulletins/list-bulletins';

/** A plan year's bulletins by month; the bureau also gets the link to edit a draft. */
export async function BulletinList({
  year,
  bulletins,
  canManage,
}: {
  year: number;
  bulletins: readonly BulletinListRow[];
  canManage: boolean;
}) {
  const t = await getTranslations('bulletins');
  if (bulletins.length === 0) {
    return <p className="px-5 py-8 text-center text-sm text-slate-500">{canManage ? t('emptyManage') : t('empty')}</p>;
  }
  const link = 'text-brand-700 hover:underline';
  const columns: DataTableColumn[] = [
    { id: 'month', header: t('columns.month'), className: 'whitespace-nowrap' },
    { id: 'title', header: t('columns.title') },
    { id: 'status', header: t('columns.status') },
    { id: 'publishedAt', header: t('columns.publishedAt'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'publishedBy', header: t('columns.publishedBy') },
    { id: 'actions', header: t('columns.actions'), align: 'end', className: 'whitespace-nowrap' },
  ];
  const rows = bulletins.map((b): DataTableRow => ({
    id: String(b.id),
    testId: `bulletin-row-${b.month}`,
    cells: {
      month: t('month', { month: b.month }),
      title: (
        <Link href={`/bulletins/${year}/${b.month}`} className={link}>
          {b.title}
        </Link>
      ),
      status: <Badge variant={b.status === 'PUBLISHED' ? 'success' : 'warning'}>{t(`status.${b.status}`)}</Badge>,
      publishedAt: b.publishedAt ? formatChongqingTime(b.publishedAt, { seconds: false }) : '—',
      publishedBy: b.publishedBy ?? '—',
      actions: (
        <>
          <Link href={`/bulletins/${year}/${b.month}`} className={link}>
            {t('view')}
          </Link>
          {canManage && b.status === 'DRAFT' && (
            <Link href={`/bulletins/${year}/${b.month}/edit`} className={`ml-3 ${link}`}>
              {t('edit')}
            </Link>
          )}
        </>
      ),
    },
  }));
  return (
    <DataTable testId="bulletin-list" columns={columns} rows={rows} ariaLabel={t('title', { year: String(year) })} />
  );
}
