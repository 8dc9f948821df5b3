import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cumulativeSeries, FORECAST_METHOD_EN, FORECAST_METHOD_ZH } from '@/lib/domain/forecast';
import { formatWan } from '@/lib/format';
import type { Attention } from '@/lib/server/dashboard/get-attention';
import type { Rollup } from '@/lib/server/dashboard/get-rollup';
import { forecastInputOf } from './forecast-input';
import { SCurve } from './s-curve';

/** Cumulative plan against actual with the forecast, beside the projects most likely to miss their plan. */
export async function SCurveCard({
  rollup,
  attention,
  month,
}: {
  rollup: Rollup;
  attention: Attention;
  month: number;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('dashboard')]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('scurve.title')}</CardTitle>
        <CardDescription data-testid="forecast-method">
          {locale.startsWith('zh') ? FORECAST_METHOD_ZH : FORECAST_METHOD_EN}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SCurve points={cumulativeSeries(forecastInputOf(rollup, month))} />
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('missing.title')}</h3>
          {attention.listScope === 'own' && (
            <p className="mb-2 text-xs text-slate-500" data-testid="likely-to-miss-own">
              {t('missing.ownOnly')}
            </p>
          )}
          <DataTable
            testId="likely-to-miss"
            ariaLabel={t('missing.title')}
            empty={t('missing.none')}
            columns={[
              { id: 'name', header: t('missing.project'), rowHeader: true },
              {
                id: 'shortfall',
                header: t('missing.shortfall'),
                align: 'end',
                className: 'tabular-nums whitespace-nowrap',
              },
            ]}
            rows={attention.likelyToMiss.map((m) => ({
              id: String(m.project.projectId),
              cells: {
                name: (
                  <Link
                    href={`/projects/${m.project.projectId}?year=${rollup.year}`}
                    className="text-brand-800 hover:underline"
                  >
                    {m.project.name}
                  </Link>
                ),
                shortfall: formatWan(m.shortfall, locale, { unit: false }),
              },
            }))}
          />
        </div>
      </CardContent>
    </Card>
  );
}
