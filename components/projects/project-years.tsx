import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import { ServerChart } from '@/components/charts/server-chart';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { percentOf } from '@/lib/domain/pace';
import { formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ProjectYears as Years } from '@/lib/server/projects/get-project-years';

/** 万元 → 亿元 for drawing only; every figure in words or in the table comes from the exact strings. */
const yi = (wan: string) => new Decimal(wan).div(10_000).toDecimalPlaces(4).toNumber();

/**
 * All the project's plan years: the cumulative completed since the start at each approved month of each year,
 * against the total investment, and a table of each year's stage, plan and outcome (approved basis).
 */
export async function ProjectYears({ data }: { data: Years }) {
  const [locale, t, tStage] = await Promise.all([
    getLocale(),
    getTranslations('projectYears'),
    getTranslations('enums.stage'),
  ]);
  const points = data.years.flatMap((y) => [
    // the start of each year: what it carried in, so a year without approved months still shows its step
    { label: t('month', { year: y.year - 1, month: 12 }), value: y.cumulativeBeforeYear },
    ...y.months.map((m) => ({ label: t('month', { year: y.year, month: m.month }), value: m.cumulative })),
  ]);
  // one point per month: the first year's opening point stays, later openings repeat the previous December
  const seen = new Set<string>();
  const series = points.filter((p) => (seen.has(p.label) ? false : (seen.add(p.label), true)));
  const option = (left: number) => ({
    legend: { top: 0, data: [t('cumulative'), t('total')] },
    grid: { left, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: series.map((p) => p.label) },
    yAxis: { type: 'value', name: t('unit'), nameTextStyle: { align: 'right' } },
    series: [
      {
        name: t('cumulative'),
        type: 'line',
        data: series.map((p) => yi(p.value)),
        lineStyle: { width: 3, color: '#1d4ed8' },
        itemStyle: { color: '#1d4ed8' },
      },
      {
        name: t('total'),
        type: 'line',
        symbol: 'none',
        data: series.map(() => yi(data.totalInvestment)),
        lineStyle: { type: 'dashed', color: '#64748b' },
        itemStyle: { color: '#64748b' },
      },
    ],
  });
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  const wan = (v: string | null) => (v === null ? MISSING : formatWan(v, locale, { unit: false }));

  return (
    <Card data-testid="project-years">
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t('description', { total: formatWan(data.totalInvestment, locale) })}</CardDescription>
      </CardHeader>
      <div className="px-4">
        <ServerChart
          option={option(56)}
          compact={{ option: option(44), width: 360, height: 260 }}
          height={280}
          locale={locale}
          label={t('chartLabel')}
          testId="project-years-chart"
        />
      </div>
      <DataTable
        testId="project-years-table"
        ariaLabel={t('title')}
        columns={[
          { id: 'year', header: t('year'), rowHeader: true },
          { id: 'stage', header: t('stage') },
          { id: 'before', header: t('cumulativeBeforeYear'), align: 'end', className: 'tabular-nums' },
          { id: 'plan', header: t('annualPlan'), align: 'end', className: 'tabular-nums' },
          { id: 'completed', header: t('completed'), align: 'end', className: 'tabular-nums' },
          { id: 'percent', header: t('percent'), align: 'end', className: 'tabular-nums' },
          { id: 'end', header: t('cumulativeEnd'), align: 'end', className: 'tabular-nums' },
          { id: 'ofTotal', header: t('ofTotal'), align: 'end', className: 'tabular-nums' },
        ]}
        rows={data.years.map((y) => ({
          id: String(y.year),
          cells: {
            year: y.status === 'CLOSED' ? t('closedYear', { year: String(y.year) }) : String(y.year),
            stage: tStage(y.stage),
            before: wan(y.cumulativeBeforeYear),
            plan: wan(y.annualPlan),
            completed: wan(y.completed),
            percent: pct(y.annualPlan === null ? null : percentOf(y.completed, y.annualPlan, 1)),
            end: wan(y.cumulativeEnd),
            ofTotal: pct(percentOf(y.cumulativeEnd, data.totalInvestment, 1)),
          },
        }))}
      />
    </Card>
  );
}
