import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import {
  DataTable,
  type DataTableColumn,
  type DataTableHeadingRow,
  type DataTableRow,
} from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { PlanReconciliation, ReconciliationLine } from '@/lib/domain/reconciliation';
import { formatCount, formatPercent, formatWan, formatYi, MISSING } from '@/lib/format';
import { cn } from '@/lib/utils';
import { CUT_ORDER, lineLabelKey } from './line-labels';

/**
 * Which cells to point at in a line that does not reconcile. Counts and amounts must be equal; a share is
 * published rounded (33.3), so the database share is compared at the published precision.
 */
function differingCells(line: ReconciliationLine) {
  if (line.matches) return { count: false, amount: false, share: false };
  const { published, actual } = line;
  const share =
    published.sharePercent !== null &&
    !new Decimal(actual.sharePercent)
      .toDecimalPlaces(new Decimal(published.sharePercent).decimalPlaces(), Decimal.ROUND_HALF_UP)
      .eq(published.sharePercent);
  return {
    count: published.projectCount !== null && published.projectCount !== actual.projectCount,
    amount: published.amount !== null && !new Decimal(published.amount).eq(actual.amount),
    share,
  };
}

/**
 * Two decimals of 亿元 can hide a difference of almost 100万元. For a line whose amounts differ, show as many
 * decimals as it takes for the published and database figures to look different too (at most full 万元 precision).
 */
function amountDigits(line: ReconciliationLine, differs: boolean, locale: string): number {
  const { amount: published } = line.published;
  if (!differs || published === null) return 2;
  for (let digits = 3; digits < 7; digits++) {
    const shown = (wan: string) => formatYi(wan, locale, { fractionDigits: digits });
    if (shown(published) !== shown(line.actual.amount)) return digits;
  }
  return 7;
}

export async function ReconciliationTable({ plan }: { plan: PlanReconciliation }) {
  const [locale, t, tEnums] = await Promise.all([
    getLocale(),
    getTranslations('plan.reconciliation'),
    getTranslations('enums'),
  ]);

  function label(line: ReconciliationLine): string {
    const key = lineLabelKey(line);
    switch (key.kind) {
      case 'total':
        return t('cut.TOTAL');
      case 'stage':
        return tEnums(`stage.${key.key}`);
      case 'investor':
        return tEnums(`investor.${key.key}`);
      case 'direction':
        return tEnums(`direction.${key.key}`);
      case 'unknown':
        return key.key;
    }
  }

  const notPublished = (
    <span title={t('notPublished')} className="text-slate-400">
      {MISSING}
      <span className="sr-only">{t('notPublished')}</span>
    </span>
  );
  const amount = (wan: string, fractionDigits: number) => (
    <span title={t('exactAmount', { amount: formatWan(wan, locale) })}>
      {formatYi(wan, locale, { unit: false, fractionDigits })}
    </span>
  );
  const differs = (on: boolean) => (on ? 'bg-red-50 font-semibold text-red-700' : undefined);
  const differsNote = (on: boolean) => (on ? <span className="sr-only"> ({t('differs')})</span> : null);

  const groups = CUT_ORDER.map((cut) => ({ cut, lines: plan.lines.filter((l) => l.cut === cut) })).filter(
    (g) => g.lines.length > 0,
  );

  const side = (id: 'published' | 'database') => ({ id, header: t(`columns.${id}`), className: 'border-l' });
  const columns: DataTableColumn[] = [
    { id: 'item', header: t('columns.item'), rowHeader: true, headerClassName: 'pl-5' },
    ...(['published', 'database'] as const).flatMap((id): DataTableColumn[] => [
      {
        id: `${id}Count`,
        header: t('columns.count'),
        align: 'end',
        group: side(id),
        className: 'border-l',
        headerClassName: 'border-l text-xs',
      },
      { id: `${id}Amount`, header: t('columns.amount'), align: 'end', group: side(id), headerClassName: 'text-xs' },
      { id: `${id}Share`, header: t('columns.share'), align: 'end', group: side(id), headerClassName: 'text-xs' },
    ]),
    {
      id: 'status',
      header: t('columns.status'),
      align: 'center',
      className: 'border-l pr-5',
      headerClassName: 'border-l pr-5',
    },
  ];

  const rows = groups.flatMap(({ cut, lines }): (DataTableRow | DataTableHeadingRow)[] => [
    ...(cut === 'TOTAL' ? [] : [{ id: cut, heading: t(`cut.${cut}`) }]),
    ...lines.map((line): DataTableRow => {
      const cells = differingCells(line);
      const { published, actual } = line;
      const digits = amountDigits(line, cells.amount, locale);
      return {
        id: `${line.cut}:${line.key}`,
        className: cn(!line.matches && 'bg-red-50/40'),
        cellClassNames: {
          item: cn('text-slate-800', cut === 'TOTAL' ? 'pl-5 font-semibold' : 'pl-8 font-normal'),
          databaseCount: differs(cells.count),
          databaseAmount: differs(cells.amount),
          databaseShare: differs(cells.share),
        },
        cells: {
          item: label(line),
          publishedCount: published.projectCount === null ? notPublished : formatCount(published.projectCount, locale),
          publishedAmount: published.amount === null ? notPublished : amount(published.amount, digits),
          publishedShare:
            published.sharePercent === null ? notPublished : formatPercent(published.sharePercent, locale),
          databaseCount: (
            <>
              {formatCount(actual.projectCount, locale)}
              {differsNote(cells.count)}
            </>
          ),
          databaseAmount: (
            <>
              {amount(actual.amount, digits)}
              {differsNote(cells.amount)}
            </>
          ),
          databaseShare: (
            <>
              {formatPercent(actual.sharePercent, locale)}
              {differsNote(cells.share)}
            </>
          ),
          status: line.matches ? (
            <span className="text-base text-emerald-600" title={t('match')}>
              <span aria-hidden>✓</span>
              <span className="sr-only">{t('match')}</span>
            </span>
          ) : (
            <Badge variant="danger">{t('mismatch')}</Badge>
          ),
        },
      };
    }),
  ]);

  return (
    <Card data-testid="reconciliation-table">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="px-0 py-0">
        {groups.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">{t('noLines')}</p>
        ) : (
          <DataTable testId="reconciliation-lines" tableClassName="tabular-nums" columns={columns} rows={rows} />
        )}
      </CardContent>
    </Card>
  );
}

/** The verdict for the whole plan, shown above the table so nobody has to scan twelve rows for a red mark. */
export async function ReconciliationBanner({ plan }: { plan: PlanReconciliation }) {
  const t = await getTranslations('plan.reconciliation');
  const mismatches = plan.lines.filter((l) => !l.matches).length;
  const ok = plan.matches && mismatches === 0;
  return (
    <div
      role="status"
      data-testid="reconciliation-status"
      data-matches={ok ? 'true' : 'false'}
      className={cn(
        'flex items-center gap-3 rounded-lg border px-4 py-3 text-sm',
        ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800',
      )}
    >
      <span aria-hidden className="text-lg leading-none">
        {ok ? '✓' : '!'}
      </span>
      <span className="font-medium">
        {ok
          ? t('allMatch', { year: String(plan.year) })
          : t('someMismatch', { year: String(plan.year), count: Math.max(mismatches, 1) })}
      </span>
    </div>
  );
}
