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
  // the names take the left margin; on a phone they get less of it, truncated with an ellipsis
  const optionFor = (labelWidth: number) => ({
    // room above the bars for the 序时进度 label, which sits at the top end of its line
    grid: { left: labelWidth + 10, right: 24, top: 28, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: data.map((r) => r.label), axisLabel: { width: labelWidth, overflow: 'truncate' } },
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
  });
  const height = Math.max(240, rows.length * 22 + 20);
  return (
    <ServerChart
      option={optionFor(110)}
      compact={{ option: optionFor(84), width: 360, height }}
      locale={locale}
      width={560}
      height={height}
      label={t('chartLabel')}
      testId="department-bars"
    />
  );
}
