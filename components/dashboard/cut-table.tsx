import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import type { RollupCut } from '@/lib/server/dashboard/get-rollup';

/**
 * One breakdown of the rollup: count, annual plan, completed and % of plan per line, with the district total as
 * the footer, so every cut visibly adds up to the headline.
 */
export async function CutTable<K extends string | number>({
  title,
  cuts,
  labelOf,
  hrefOf,
  total,
  testId,
}: {
  title: string;
  cuts: readonly RollupCut<K>[];
  labelOf?: (cut: RollupCut<K>) => string;
  hrefOf?: (cut: RollupCut<K>) => string;
  total: { count: number; annualPlan: string; completed: string; percent: string | null };
  testId: string;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('dashboard.cuts')]);
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  return (
    <DataTable
      testId={testId}
      ariaLabel={title}
      columns={[
        { id: 'label', header: title, rowHeader: true, className: 'whitespace-nowrap', footer: t('total') },
        {
          id: 'count',
          header: t('count'),
          align: 'end',
          className: 'tabular-nums',
          footer: formatCount(total.count, locale),
        },
        {
          id: 'plan',
          header: t('annualPlan'),
          align: 'end',
          className: 'tabular-nums',
          footer: formatWan(total.annualPlan, locale, { unit: false }),
        },
        {
          id: 'completed',
          header: t('completed'),
          align: 'end',
          className: 'tabular-nums',
          footer: formatWan(total.completed, locale, { unit: false }),
        },
        { id: 'percent', header: t('percent'), align: 'end', className: 'tabular-nums', footer: pct(total.percent) },
      ]}
      rows={cuts.map((cut) => {
        const label = labelOf ? labelOf(cut) : cut.label;
        const href = hrefOf?.(cut);
        return {
          id: String(cut.key),
          attrs: { 'data-key': String(cut.key) },
          cells: {
            label: href ? (
              <a href={href} className="text-brand-800 hover:underline">
                {label}
              </a>
            ) : (
              label
            ),
            count: formatCount(cut.count, locale),
            plan: formatWan(cut.annualPlan, locale, { unit: false }),
            completed: (
              <span data-testid={`${testId}-completed`}>{formatWan(cut.completed, locale, { unit: false })}</span>
            ),
            percent: pct(cut.percent),
          },
        };
      })}
    />
  );
}
