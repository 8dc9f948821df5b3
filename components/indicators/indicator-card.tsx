import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { IndicatorYear } from '@/lib/server/indicators/list-indicators';
import { IndicatorSummary } from './indicator-summary';
import { periodText, StatusBadge } from './indicator-text';

/**
 * The plan indicators on the leaders' dashboard: how many stand in each status, and the ones off or slightly below
 * target with their latest figure against the target. The full table is /plan/indicators.
 */
export async function IndicatorCard({ data }: { data: IndicatorYear }) {
  const t = await getTranslations('indicators');
  const off = data.indicators.filter((i) => i.status === 'OFF' || i.status === 'NEAR');
  return (
    <Card data-testid="indicator-card">
      <CardHeader>
        <CardTitle>{t('panel.title')}</CardTitle>
        <CardDescription>
          {t('panel.summary', { year: String(data.year), count: String(data.indicators.length) })}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <IndicatorSummary indicators={data.indicators} />
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('panel.offTarget')}</h3>
          {off.length === 0 ? (
            <p className="text-sm text-slate-500">{t('panel.allOnTarget')}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100" data-testid="indicator-off-target">
              {off.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <Link href={`/plan/indicators/${i.id}?year=${data.year}`} className="text-brand-700 hover:underline">
                    {i.name}
                  </Link>
                  <span className="flex items-center gap-3 text-slate-600">
                    <span className="tabular-nums">
                      {i.latestApproved!.value}
                      {i.unit === '-' ? '' : i.unit}
                      {' / '}
                      {i.targetText}
                      <span className="ml-1 text-xs text-slate-500">
                        ({periodText(t, i.frequency, i.latestApproved!.period)})
                      </span>
                    </span>
                    <StatusBadge t={t} status={i.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Link href={`/plan/indicators?year=${data.year}`} className="text-sm text-brand-700 hover:underline">
          {t('panel.viewAll')}
        </Link>
      </CardContent>
    </Card>
  );
}
