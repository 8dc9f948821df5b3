import { getLocale, getTranslations } from 'next-intl/server';
import { ServerChart } from '@/components/charts/server-chart';
import type { SCurvePoint } from '@/lib/domain/forecast';

/** Cumulative plan against actual, with the year-end forecast dashed; amounts in 亿元 on the axis. */
export async function SCurve({ points }: { points: SCurvePoint[] }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.scurve'), getLocale()]);
  const yi = (v: string | null) => (v === null ? null : Math.round(Number(v) / 100) / 100);
  const option = (left: number) => ({
    legend: { top: 0, data: [t('planned'), t('actual'), t('forecast')] },
    grid: { left, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => t('month', { month: p.month })) },
    yAxis: { type: 'value', name: t('unit'), nameTextStyle: { align: 'right' } },
    series: [
      {
        name: t('planned'),
        type: 'line',
        data: points.map((p) => yi(p.planned)),
        lineStyle: { color: '#94a3b8' },
        itemStyle: { color: '#94a3b8' },
      },
      {
        name: t('actual'),
        type: 'line',
        data: points.map((p) => yi(p.actual)),
        lineStyle: { width: 3, color: '#1d4ed8' },
        itemStyle: { color: '#1d4ed8' },
      },
      {
        name: t('forecast'),
        type: 'line',
        data: points.map((p) => yi(p.forecast)),
        lineStyle: { type: 'dashed', color: '#d97706' },
        itemStyle: { color: '#d97706' },
      },
    ],
  });
  return (
    <ServerChart
      option={option(56)}
      compact={{ option: option(44), width: 360, height: 280 }}
      locale={locale}
      label={t('label')}
      testId="s-curve"
    />
  );
}
