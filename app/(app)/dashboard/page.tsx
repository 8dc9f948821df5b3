import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { CutCards } from '@/components/dashboard/cut-cards';
import { DashboardControls } from '@/components/dashboard/dashboard-header';
import { DepartmentCard } from '@/components/dashboard/department-card';
import { HeadlineCards } from '@/components/dashboard/headline-cards';
import { SCurveCard } from '@/components/dashboard/s-curve-card';
import { PreliminaryCard, StageCard } from '@/components/dashboard/stage-cards';
import { ProblemCard } from '@/components/dashboard/problem-card';
import { WarningsCard } from '@/components/dashboard/warnings-card';
import { IndicatorCard } from '@/components/indicators/indicator-card';
import { canReadSubmitted, scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { readDb } from '@/lib/read-db';
import { getAttentionCached, getRollupCached } from '@/lib/server/dashboard/figures-cache';
import { getDashboardYear } from '@/lib/server/dashboard/get-dashboard-year';
import { rollupMonth } from '@/lib/server/dashboard/get-rollup';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import type { SearchParams } from '@/lib/search-params';
import { dashboardParams } from '@/lib/validations/dashboard-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('dashboard') };
}

/**
 * The leaders' screen: where the year's investment stands against the plan and what needs attention. The page reads
 * the year's rollup and attention list once (both cached until the data under them changes) and lays out the cards,
 * which share them: every card's figures come from the same SQL pass, so they agree wherever they appear.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  // a replica when configured, unless it has not replayed this user's last write yet (lib/read-db.ts)
  const db = await readDb();
  const params = dashboardParams(await searchParams);
  const planYear = await getDashboardYear(db, actor, { year: params.year });
  if (!planYear) notFound();
  const { year } = planYear;
  const month = rollupMonth(planYear, params.month);
  // district-wide figures on the submitted basis hold every department's unapproved amounts: only for those who
  // may read them all (rollup.readSubmitted); the server refuses them to anyone else
  const submittedBasis = canReadSubmitted(actor);
  const basis = submittedBasis ? params.basis : 'approved';
  // the figures and the attention list are independent statements: run them side by side (each cached until the
  // data under it changes: lib/server/dashboard/figures-cache.ts)
  const [rollup, attention, problemStats, indicators, t] = await Promise.all([
    getRollupCached(db, actor, { year, month, basis }),
    getAttentionCached(db, actor, { year, month, basis }),
    getProblemStats(db, actor, { year }),
    listIndicators(db, actor, { year }),
    getTranslations('dashboard'),
  ]);
  if (!rollup || !attention) notFound();

  return (
    <div className="flex flex-col gap-6" data-testid="dashboard" data-basis={basis}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="dashboard-title">
            {t('title', { year: String(year), month })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {basis === 'approved' ? t('basis.approvedCaption') : t('basis.submittedCaption')}
          </p>
        </div>
        <DashboardControls
          path="/dashboard"
          year={year}
          month={month}
          currentMonth={rollup.currentMonth}
          basis={basis}
          submittedBasis={submittedBasis}
        />
      </div>
      <HeadlineCards rollup={rollup} month={month} />
      <SCurveCard rollup={rollup} attention={attention} month={month} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <StageCard rollup={rollup} />
        <PreliminaryCard rollup={rollup} />
      </div>
      <ProblemCard stats={problemStats} year={year} ownScope={scopeOf(actor, 'problem.read') === 'own'} />
      {indicators && indicators.indicators.length > 0 && <IndicatorCard data={indicators} />}
      <DepartmentCard rollup={rollup} state={{ year, month, basis }} />
      <CutCards rollup={rollup} />
      <WarningsCard
        rollup={rollup}
        attention={attention}
        canEditThresholds={scopeOf(actor, 'warning.manage') === 'all' && planYear.status !== 'CLOSED'}
      />
    </div>
  );
}
