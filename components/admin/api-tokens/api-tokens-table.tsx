import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { AdminApiTokenRow } from '@/lib/server/admin/list-api-tokens';
import { RevokeApiTokenButton } from './api-token-forms';

export async function ApiTokensTable({ tokens }: { tokens: readonly AdminApiTokenRow[] }) {
  const [t, tc, format] = await Promise.all([
    getTranslations('apiTokens'),
    getTranslations('admin.common'),
    getFormatter(),
  ]);
  if (tokens.length === 0) {
    return <Card className="p-8 text-center text-sm text-slate-600">{t('empty')}</Card>;
  }
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });
  const columns: DataTableColumn[] = [
    { id: 'name', header: t('columns.name'), className: 'font-medium' },
    { id: 'prefix', header: t('columns.prefix'), className: 'font-mono text-xs whitespace-nowrap' },
    { id: 'createdBy', header: t('columns.createdBy') },
    { id: 'createdAt', header: t('columns.createdAt'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'lastUsedAt', header: t('columns.lastUsedAt'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'status', header: t('columns.status') },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const rows: DataTableRow[] = tokens.map((token) => ({
    id: String(token.id),
    cells: {
      name: token.name,
      prefix: `${token.prefix}…`,
      createdBy: token.createdByName ?? tc('none'),
      createdAt: when(token.createdAt),
      lastUsedAt: token.lastUsedAt ? when(token.lastUsedAt) : <span className="text-slate-500">{t('never')}</span>,
      status: token.revokedAt ? (
        <span className="flex flex-col items-start gap-0.5">
          <Badge variant="neutral">{t('status.revoked')}</Badge>
          <span className="text-xs whitespace-nowrap text-slate-500">
            {t('status.revokedAt', { time: when(token.revokedAt) })}
          </span>
        </span>
      ) : (
        <Badge variant="success">{t('status.active')}</Badge>
      ),
      actions: token.revokedAt ? null : (
        <div className="flex justify-end">
          <RevokeApiTokenButton id={token.id} name={token.name} />
        </div>
      ),
    },
  }));
  return (
    <Card>
      <DataTable testId="api-tokens-table" ariaLabel={t('tableLabel')} columns={columns} rows={rows} />
    </Card>
  );
}
