import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { IndicatorSummary } from '@/components/indicators/indicator-summary';
import { IndicatorsTable } from '@/components/indicators/indicators-table';
import { YearLinks } from '@/components/navigation/year-links';
import { Card } from '@/components/ui/card';
import { prisma } from '@/lib/db';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations('indicators');
  return { title: t('title', { year: String(year ?? '') }) };
}

/** The year's 25 plan indicators (附件2): targets, how they are read, the latest approved figures and their status. */
export default async function PlanIndicatorsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { actor, years, year } = await pagePlanYear((await searchParams).year);
  if (year === null) notFound();
  const data = await listIndicators(prisma, actor, { year });
  if (!data) notFound();
  const t = await getTranslations('indicators');
  const pending = data.indicators.filter((i) => i.canReview && i.actuals.some((a) => a.status === 'SUBMITTED'));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title', { year: String(year) })}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">
            {t('intro', { count: String(data.indicators.length) })}
          </p>
        </div>
        <YearLinks years={years} current={year} hrefFor={(y) => `/plan/indicators?year=${y}`} />
      </div>
      {data.indicators.length === 0 ? (
        <Card className="p-8 text-center text-sm text-slate-600">{t('empty')}</Card>
      ) : (
        <>
          <IndicatorSummary indicators={data.indicators} />
          {pending.length > 0 && (
            <p className="text-sm text-amber-800" data-testid="indicators-pending">
              {t('pending', { count: String(pending.length) })}
              {': '}
              {pending.map((i, n) => (
                <span key={i.id}>
                  {n > 0 && '、'}
                  <Link href={`/plan/indicators/${i.id}?year=${year}`} className="underline">
                    {i.name}
                  </Link>
                </span>
              ))}
            </p>
          )}
          <p className="text-xs text-slate-500">
            {t('rule.EXPECTED')} {t('rule.BINDING')}
          </p>
          <IndicatorsTable year={year} indicators={data.indicators} />
        </>
      )}
    </div>
  );
}
