import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import type { IndicatorRow } from '@/lib/server/indicators/list-indicators';
import { periodText } from './indicator-text';

const ACTUAL_VARIANT = { DRAFT: 'neutral', SUBMITTED: 'warning', APPROVED: 'success', RETURNED: 'danger' } as const;

/** An indicator's reported figures, latest period first: value, source and note, state, who entered and reviewed. */
export async function ActualHistory({ indicator }: { indicator: IndicatorRow }) {
  const [t, format] = await Promise.all([getTranslations('indicators'), getFormatter()]);
  const columns: DataTableColumn[] = [
    { id: 'period', header: t('form.period'), rowHeader: true },
    { id: 'value', header: t('form.value'), align: 'end' },
    { id: 'state', header: t('columns.status') },
    { id: 'detail', header: t('form.note') },
  ];
  const rows: DataTableRow[] = indicator.actuals.map((a) => ({
    id: String(a.id),
    cells: {
      period: periodText(t, indicator.frequency, a.period),
      value: <span className="font-medium tabular-nums">{a.value}</span>,
      state: (
        <div className="flex flex-col items-start gap-1">
          <Badge variant={ACTUAL_VARIANT[a.status]} data-testid="indicator-actual-status">
            {t(`actualStatus.${a.status}`)}
          </Badge>
          {a.judgement && <span className="text-xs text-slate-600">{t(`judgement.${a.judgement}`)}</span>}
        </div>
      ),
      detail: (
        <div className="flex flex-col gap-0.5 text-xs text-slate-600">
          <span>{t('detail.source', { source: a.source })}</span>
          {a.note && <span>{a.note}</span>}
          {a.enteredBy && (
            <span>
              {t('detail.entered', { name: a.enteredBy })} ·{' '}
              {format.dateTime(new Date(a.enteredAt), { dateStyle: 'short', timeStyle: 'short' })}
            </span>
          )}
          {a.reviewedBy && a.status === 'APPROVED' && <span>{t('detail.reviewed', { name: a.reviewedBy })}</span>}
          {a.status === 'RETURNED' && a.reviewComment && (
            <span className="text-red-700">{t('detail.returnReason', { reason: a.reviewComment })}</span>
          )}
        </div>
      ),
    },
  }));
  return <DataTable columns={columns} rows={rows} empty={t('detail.noActuals')} testId="indicator-actuals" />;
}
