import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import {
  DataTable,
  type DataTableColumn,
  type DataTableHeadingRow,
  type DataTableRow,
} from '@/components/data-table/data-table';
import { comparisonForPeriod } from '@/lib/domain/indicators/status';
import type { IndicatorRow } from '@/lib/server/indicators/list-indicators';
import { MISSING } from '@/lib/format';
import { periodText, readingText, StatusBadge } from './indicator-text';

/** The year's indicators (附件2) by category: target and its reading, last year's outcome, latest figure, status. */
export async function IndicatorsTable({ year, indicators }: { year: number; indicators: IndicatorRow[] }) {
  const t = await getTranslations('indicators');
  const columns: DataTableColumn[] = [
    { id: 'seq', header: t('columns.seq'), align: 'end', className: 'pl-5', headerClassName: 'pl-5' },
    { id: 'name', header: t('columns.name'), rowHeader: true },
    { id: 'unit', header: t('columns.unit') },
    { id: 'nature', header: t('columns.nature') },
    { id: 'target', header: t('columns.target') },
    { id: 'previous', header: t('columns.previous') },
    { id: 'department', header: t('columns.department') },
    { id: 'latest', header: t('columns.latest'), align: 'end' },
    { id: 'status', header: t('columns.status'), className: 'pr-5', headerClassName: 'pr-5' },
  ];
  const rows: (DataTableRow | DataTableHeadingRow)[] = [];
  let category = '';
  for (const i of indicators) {
    if (i.category !== category) {
      category = i.category;
      rows.push({ id: `category:${category}`, heading: category });
    }
    const latest = i.latestApproved;
    const pace = latest && i.cumulative ? comparisonForPeriod(i, latest.period) : null;
    rows.push({
      id: String(i.id),
      cells: {
        seq: i.seq,
        name: (
          <Link href={`/plan/indicators/${i.id}?year=${year}`} className="text-brand-700 hover:underline">
            {i.name}
          </Link>
        ),
        unit: i.unit,
        nature: t(`nature.${i.nature}`),
        target: (
          <div className="flex flex-col">
            <span className="font-medium">{i.targetText}</span>
            <span className="text-xs text-slate-500" data-testid="indicator-reading">
              {readingText(t, i.comparison)}
            </span>
          </div>
        ),
        previous: i.previousOutcome,
        department: (
          <div className="flex flex-col">
            <span>{i.department.name}</span>
            <span className="text-xs text-slate-500">{t(`frequency.${i.frequency}`)}</span>
          </div>
        ),
        latest: latest ? (
          <div className="flex flex-col items-end" data-testid="indicator-latest">
            <span className="font-medium tabular-nums">{latest.value}</span>
            <span className="text-xs text-slate-500">{periodText(t, i.frequency, latest.period)}</span>
            {pace && (
              <span className="text-xs text-slate-500">
                {t('pace', { period: periodText(t, i.frequency, latest.period), target: readingText(t, pace) })}
              </span>
            )}
          </div>
        ) : (
          MISSING
        ),
        status: <StatusBadge t={t} status={i.status} />,
      },
    });
  }
  return (
    <DataTable columns={columns} rows={rows} ariaLabel={t('title', { year: String(year) })} testId="indicators-table" />
  );
}
