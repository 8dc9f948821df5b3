import { getLocale, getTranslations } from 'next-intl/server';
import { ServerChart } from '@/components/charts/server-chart';

/** Each department's % of plan against 序时进度 (the marked line). */
export async function DepartmentBars({
  rows,
  pace,
}: {
  rows: { label: string; percent: string | null }[];
  pace: string;
}) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.departments'), getLocale()]);
  const data = rows.filter((r) => r.percent !== null).reverse();
  const option = {
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: data.map((r) => r.label), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: data.map((r) => ({
          value: Number(r.percent),
          itemStyle: { color: Number(r.percent) < Number(pace) ? '#d97706' : '#1d4ed8' },
        })),
        markLine: {
          symbol: 'none',
          data: [{ xAxis: Number(pace), name: t('pace') }],
          lineStyle: { color: '#dc2626', type: 'dashed' },
          label: { formatter: t('pace') },
        },
      },
    ],
  };
  return (
    <ServerChart
      option={option}
      locale={locale}
      width={560}
      height={Math.max(240, rows.length * 22)}
      label={t('chartLabel')}
      testId="department-bars"
    />
  );
}
