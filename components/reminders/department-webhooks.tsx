import { getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Card } from '@/components/ui/card';
import type { DepartmentWebhookRow } from '@/lib/server/reminders/webhooks';
import { WebhookRowActions } from './webhook-forms';

/** The departments' group robots on /admin/departments, and the outbox's state in one line. */
export async function DepartmentWebhooks({
  rows,
  outbox,
}: {
  rows: readonly DepartmentWebhookRow[];
  outbox: { pending: number; failed: number };
}) {
  const t = await getTranslations('reminders.webhooks');
  const tc = await getTranslations('admin.common');
  const columns: DataTableColumn[] = [
    { id: 'department', header: t('department'), className: 'font-medium' },
    { id: 'kind', header: t('kind'), className: 'whitespace-nowrap' },
    { id: 'url', header: t('url'), className: 'font-mono text-xs' },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const tableRows: DataTableRow[] = rows.map((row) => ({
    id: String(row.departmentId),
    cells: {
      department: row.departmentName,
      kind: row.kind ? (
        row.signed ? (
          t('signed', { kind: t(`kinds.${row.kind}`) })
        ) : (
          t(`kinds.${row.kind}`)
        )
      ) : (
        <span className="text-slate-400">{t('none')}</span>
      ),
      url: row.maskedUrl ?? '',
      actions: <WebhookRowActions row={row} />,
    },
  }));
  return (
    <section className="flex flex-col gap-3" aria-labelledby="webhooks-title">
      <div>
        <h2 id="webhooks-title" className="text-lg font-semibold text-slate-900">
          {t('title')}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('description')}</p>
        <p
          className={outbox.failed > 0 ? 'mt-1 text-sm text-red-700' : 'mt-1 text-sm text-slate-500'}
          data-testid="outbox-summary"
        >
          {t('outbox', outbox)}
        </p>
      </div>
      <Card>
        <DataTable testId="webhooks-table" ariaLabel={t('title')} columns={columns} rows={tableRows} />
      </Card>
    </section>
  );
}
