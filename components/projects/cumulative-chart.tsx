import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cumulativeSeries } from '@/lib/domain/cumulative';
import { formatWan } from '@/lib/format';
import type { ProjectPlanDetail } from '@/lib/server/projects/get-project';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 16, right: 16, top: 16, bottom: 28 };

/**
 * The project's S-curve: cumulative monthly plan against cumulative approved investment. Drawn as plain SVG on
 * the server (one small chart needs no chart library in the browser); it prints as it shows.
 */
export async function CumulativeChart({ plan }: { plan: ProjectPlanDetail }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('projects.detail.chart')]);
  const { planned, actual } = cumulativeSeries(plan.monthlyPlan, plan.reports);
  const values = [...planned, ...actual.filter((v): v is string => v !== null)].map((v) => new Decimal(v));
  const max = Decimal.max(new Decimal(1), ...values);
  const x = (month: number) => PAD.left + ((month - 0.5) / 12) * (WIDTH - PAD.left - PAD.right);
  // scaled only for drawing; every figure shown in words comes from the exact strings
  const y = (value: string) =>
    HEIGHT -
    PAD.bottom -
    new Decimal(value)
      .div(max)
      .times(HEIGHT - PAD.top - PAD.bottom)
      .toNumber();
  const line = (series: (string | null)[]) =>
    series.flatMap((v, i) => (v === null ? [] : [`${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const lastActual = actual.filter((v): v is string => v !== null).at(-1);
  const summary = t('summary', {
    planned: formatWan(planned[11] ?? '0', locale),
    actual: lastActual ? formatWan(lastActual, locale) : '—',
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{summary}</CardDescription>
      </CardHeader>
      <div className="px-4 pb-4">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={summary}
          className="h-auto w-full"
          data-testid="cumulative-chart"
        >
          <title>{summary}</title>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={HEIGHT - PAD.bottom}
            y2={HEIGHT - PAD.bottom}
            className="stroke-slate-300"
          />
          {planned.map((_, i) => (
            <text key={i} x={x(i + 1)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
              {t('month', { month: i + 1 })}
            </text>
          ))}
          <polyline
            points={line(planned)}
            fill="none"
            strokeWidth={2}
            strokeDasharray="6 4"
            className="stroke-slate-400"
            data-testid="chart-planned"
          />
          <polyline
            points={line(actual)}
            fill="none"
            strokeWidth={2.5}
            className="stroke-blue-700"
            data-testid="chart-actual"
          />
        </svg>
        <div className="mt-2 flex gap-6 text-xs text-slate-600">
          <span className="flex items-center gap-2">
            <span className="inline-block w-6 border-t-2 border-dashed border-slate-400" /> {t('planned')}
          </span>
          <span className="flex items-center gap-2">
            <span className="inline-block w-6 border-t-2 border-blue-700" /> {t('actual')}
          </span>
        </div>
      </div>
    </Card>
  );
}
