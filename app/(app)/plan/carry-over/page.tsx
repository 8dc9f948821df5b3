import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { CarryOverWizard } from '@/components/plan/carry-over/carry-over-wizard';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { getCarryOverProposal } from '@/lib/server/plan/get-carry-over-proposal';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { year } = await pagePlanYear((await searchParams).from);
  const t = await getTranslations('carryOver.wizard');
  return { title: t('title', { from: String(year ?? ''), to: String((year ?? 0) + 1) }) };
}

/**
 * The bureau opens the next plan year from a closed one (`?from=2025`): Keystone's proposal for each project, the
 * bureau's choices, and the confirmation. A year not closed yet points to the year-end close; a next year already
 * carried points to its plan.
 */
export default async function CarryOverPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { actor, years, year } = await pagePlanYear((await searchParams).from);
  if (year === null || !can(actor, 'planYear.carryOver')) notFound();
  const t = await getTranslations('carryOver.wizard');
  const from = String(year);
  const to = String(year + 1);
  const title = <h1 className="text-2xl font-semibold text-slate-900">{t('title', { from, to })}</h1>;

  if (years.find((y) => y.year === year)?.status !== 'CLOSED') {
    return (
      <div className="flex flex-col gap-6">
        {title}
        <Card className="flex flex-col gap-2 p-4" data-testid="carry-not-closed">
          <p>{t('notClosed', { from, to })}</p>
          {can(actor, 'planYear.close') && (
            <Link href={`/plan/close?year=${from}`} className="text-sm text-brand-700 underline">
              {t('closeLink')}
            </Link>
          )}
        </Card>
      </div>
    );
  }
  const view = await getCarryOverProposal(prisma, actor, { year });
  if (!view) notFound();
  return (
    <div className="flex flex-col gap-6">
      {title}
      {view.target && view.target.carried > 0 ? (
        <Card className="flex flex-col gap-2 p-4" data-testid="carry-done">
          <p>{t('alreadyCarried', { to, count: String(view.target.carried) })}</p>
          <Link href={`/plan?year=${to}`} className="text-sm text-brand-700 underline">
            {t('viewPlan', { to })}
          </Link>
        </Card>
      ) : (
        <>
          <Card className="flex flex-col gap-2 p-4 text-sm text-slate-700">
            <p>{t('intro', { from })}</p>
            <p className="font-medium" data-testid="carry-amounts-later">
              {t('amountsLater', { from, to })}
            </p>
          </Card>
          <CarryOverWizard fromYear={year} rows={view.rows} />
        </>
      )}
    </div>
  );
}
