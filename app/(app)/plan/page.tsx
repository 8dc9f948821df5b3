import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { YearLinks } from '@/components/navigation/year-links';
import { PlanHeadline } from '@/components/plan/plan-headline';
import { ReconciliationBanner, ReconciliationTable } from '@/components/plan/reconciliation-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { getPlanReconciliation } from '@/lib/server/plan/get-plan-reconciliation';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations('plan');
  return { title: year === null ? t('empty.title') : t('metaTitle', { year: String(year) }) };
}

export default async function PlanOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  // The figures change with every import; never let `next build` render them from the build machine's database.
  await connection();
  const { actor, years, year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations();

  if (year === null) {
    return (
      <Card className="mx-auto mt-8 max-w-xl p-8 text-center">
        <h1 className="text-lg font-semibold">{t('plan.empty.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('plan.empty.description')}</p>
      </Card>
    );
  }

  const plan = await getPlanReconciliation(prisma, actor, year);
  if (!plan) notFound();
  const status = years.find((y) => y.year === year)?.status;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold text-slate-900">
            {t('plan.title', { year: String(year) })}
            {status && (
              <Badge variant={status === 'ACTIVE' ? 'brand' : 'neutral'}>{t(`enums.planYearStatus.${status}`)}</Badge>
            )}
          </h1>
          {plan.title && <p className="mt-1 text-sm text-slate-500">{plan.title}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/plan/indicators?year=${year}`} className="text-sm text-brand-700 hover:underline">
            {t('nav.indicators')}
          </Link>
          {status === 'ACTIVE' && can(actor, 'planYear.close') && (
            <Link href={`/plan/close?year=${year}`} className="text-sm text-brand-700 underline">
              {t('plan.close.link')}
            </Link>
          )}
          {status === 'CLOSED' && can(actor, 'planYear.carryOver') && (
            <Link href={`/plan/carry-over?from=${year}`} className="text-sm text-brand-700 underline">
              {t('carryOver.wizard.link', { to: String(year + 1) })}
            </Link>
          )}
          <YearLinks years={years} current={year} hrefFor={(y) => `/plan?year=${y}`} />
        </div>
      </div>
      <PlanHeadline plan={plan} />
      <ReconciliationBanner plan={plan} />
      <ReconciliationTable plan={plan} />
    </div>
  );
}
