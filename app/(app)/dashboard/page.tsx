import Decimal from 'decimal.js';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { CutTable } from '@/components/dashboard/cut-table';
import { DashboardControls } from '@/components/dashboard/dashboard-header';
import { DepartmentBars } from '@/components/dashboard/department-bars';
import { SCurve } from '@/components/dashboard/s-curve';
import { ThresholdForm } from '@/components/dashboard/threshold-form';
import { WarningList } from '@/components/dashboard/warning-list';
import { DataTable } from '@/components/data-table/data-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { canReadSubmitted, scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { cumulativeSeries, FORECAST_METHOD_EN, FORECAST_METHOD_ZH, forecastYearEnd } from '@/lib/domain/forecast';
import { headlineFigures } from '@/lib/domain/bulletin-text';
import { formatCount, formatPercent, formatWan, formatYi, MISSING } from '@/lib/format';
import { getAttentionCached, getRollupCached } from '@/lib/server/dashboard/figures-cache';
import { rollupMonth } from '@/lib/server/dashboard/get-rollup';
import { dashboardHref, dashboardParams } from '@/lib/validations/dashboard-params';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('dashboard') };
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: React.ReactNode; testId: string }) {
  return (
    <Card className="flex flex-col gap-1 px-5 py-4">
      <h2 className="text-sm text-slate-500">{label}</h2>
      <p className="text-2xl font-semibold tracking-tight text-brand-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      {hint && <div className="text-xs text-slate-600">{hint}</div>}
    </Card>
  );
}

/** The leaders' screen: where the year's investment stands against the plan and what needs attention. */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const params = dashboardParams(await searchParams);
  const planYear = await prisma.planYear.findFirst({
    where: params.year ? { year: params.year } : { status: 'ACTIVE' },
    orderBy: { year: 'desc' },
    select: { year: true, currentMonth: true, status: true },
  });
  if (!planYear) notFound();
  const { year } = planYear;
  const month = rollupMonth(planYear, params.month);
  // district-wide figures on the submitted basis hold every department's unapproved amounts: only for those who
  // may read them all (rollup.readSubmitted); the server refuses them to anyone else
  const submittedBasis = canReadSubmitted(actor);
  const basis = submittedBasis ? params.basis : 'approved';
  // the figures and the attention list are independent statements: run them side by side (each cached until the
  // data under it changes: lib/server/dashboard/figures-cache.ts)
  const [rollup, attention, locale, t, tStage, tInvestor, tDirection, tMilestone, tw] = await Promise.all([
    getRollupCached(prisma, actor, { year, month, basis }),
    getAttentionCached(prisma, actor, { year, month, basis }),
    getLocale(),
    getTranslations('dashboard'),
    getTranslations('enums.stage'),
    getTranslations('enums.investor'),
    getTranslations('enums.direction'),
    getTranslations('enums.milestoneKind'),
    getTranslations(),
  ]);
  if (!rollup || !attention) notFound();

  const forecastInput = {
    plannedByMonth: rollup.monthly.map((m) => m.planned),
    actualByMonth: rollup.monthly.slice(0, month).map((m) => m.actual),
    month,
  };
  const forecast = forecastYearEnd(forecastInput);
  const series = cumulativeSeries(forecastInput);
  // the gap as the bulletin prints it (from the two published one-decimal figures), so the two never differ
  const gap = new Decimal(rollup.annualPlan).isZero()
    ? null
    : headlineFigures({ ytd: rollup.completed, annualPlan: rollup.annualPlan, month }).gap;
  const total = { count: rollup.projectCount, annualPlan: rollup.annualPlan, completed: rollup.completed, percent: rollup.percentOfPlan };
  const missing = attention.likelyToMiss;
  const state = { year, month, basis };
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));

  return (
    <div className="flex flex-col gap-6" data-testid="dashboard" data-basis={basis}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="dashboard-title">
            {t('title', { year: String(year), month })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{basis === 'approved' ? t('basis.approvedCaption') : t('basis.submittedCaption')}</p>
        </div>
        <DashboardControls path="/dashboard" year={year} month={month} currentMonth={rollup.currentMonth} basis={basis} submittedBasis={submittedBasis} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-headline">
        <Figure
          label={t('headline.completed', { month })}
          value={formatYi(rollup.completed, locale)}
          testId="headline-completed"
          hint={t('headline.plan', { amount: formatYi(rollup.annualPlan, locale), count: formatCount(rollup.projectCount, locale) })}
        />
        <Figure label={t('headline.percent')} value={formatPercent(rollup.percentOfPlan, locale)} testId="headline-percent" />
        <Figure
          label={t('headline.pace', { month })}
          value={formatPercent(rollup.pacePercent, locale)}
          testId="headline-pace"
          hint={gap && <span data-testid="headline-gap">{t(`headline.gap.${gap.direction}`, { points: gap.points })}</span>}
        />
        <Figure
          label={t('headline.forecast')}
          value={formatYi(forecast.forecast, locale)}
          testId="headline-forecast"
          hint={t('headline.forecastPercent', { percent: pct(forecast.percentOfPlan) })}
        />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('scurve.title')}</CardTitle>
          <CardDescription data-testid="forecast-method">{locale.startsWith('zh') ? FORECAST_METHOD_ZH : FORECAST_METHOD_EN}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <SCurve points={series} />
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
                { id: 'shortfall', header: t('missing.shortfall'), align: 'end', className: 'tabular-nums whitespace-nowrap' },
              ]}
              rows={missing.map((m) => ({
                id: String(m.project.projectId),
                cells: {
                  name: (
                    <Link href={`/projects/${m.project.projectId}?year=${year}`} className="text-brand-800 hover:underline">
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

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('stages.title')}</CardTitle>
            <CardDescription data-testid="start-completion-rates">
              {t('stages.rates', {
                startRate: pct(rollup.starts.percent),
                started: rollup.starts.started,
                starts: rollup.starts.planned,
                completionRate: pct(rollup.completions.percent),
                completed: rollup.completions.completed,
                completions: rollup.completions.planned,
              })}
            </CardDescription>
          </CardHeader>
          <CutTable title={t('cuts.stage')} cuts={rollup.byStage} labelOf={(c) => tStage(c.key)} total={total} testId="cut-stage" />
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('preliminary.title', { count: rollup.preliminary.total })}</CardTitle>
            <CardDescription data-testid="ready-to-start">{t('preliminary.ready', { count: rollup.preliminary.readyToStart })}</CardDescription>
          </CardHeader>
          <DataTable
            testId="preliminary-milestones"
            ariaLabel={t('preliminary.title', { count: rollup.preliminary.total })}
            columns={[
              { id: 'kind', header: t('preliminary.milestone'), rowHeader: true },
              { id: 'reached', header: t('preliminary.reached'), align: 'end', className: 'tabular-nums' },
              { id: 'share', header: t('preliminary.share'), align: 'end', className: 'tabular-nums' },
            ]}
            rows={rollup.preliminary.milestones.map((m) => ({
              id: m.kind,
              cells: {
                kind: tMilestone(m.kind),
                reached: formatCount(m.reached, locale),
                share: rollup.preliminary.total ? formatPercent(String((m.reached * 100) / rollup.preliminary.total), locale) : MISSING,
              },
            }))}
          />
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('departments.title')}</CardTitle>
          <CardDescription>{t('departments.description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 xl:grid-cols-2">
          <DepartmentBars rows={rollup.byDepartment.map((d) => ({ label: d.label, percent: d.percent }))} pace={rollup.pacePercent} />
          <DataTable
            testId="cut-department"
            ariaLabel={t('departments.title')}
            columns={[
              { id: 'rank', header: t('departments.rank'), align: 'end', className: 'tabular-nums' },
              { id: 'name', header: t('cuts.department'), rowHeader: true },
              { id: 'completed', header: t('cuts.completed'), align: 'end', className: 'tabular-nums' },
              { id: 'percent', header: t('cuts.percent'), align: 'end', className: 'tabular-nums' },
              { id: 'onTime', header: t('departments.onTime'), align: 'end', className: 'tabular-nums' },
            ]}
            rows={rollup.byDepartment.map((d, i) => ({
              id: String(d.key),
              attrs: { 'data-department': d.label },
              cells: {
                rank: i + 1,
                name: (
                  <Link href={dashboardHref(`/dashboard/departments/${d.key}`, state)} className="text-brand-800 hover:underline" data-testid="department-link">
                    {d.label}
                  </Link>
                ),
                completed: <span data-testid="department-completed">{formatWan(d.completed, locale, { unit: false })}</span>,
                percent: pct(d.percent),
                onTime: pct(d.onTimePercent),
              },
            }))}
          />
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CutTable title={t('cuts.investor')} cuts={rollup.byInvestor} labelOf={(c) => tInvestor(c.key)} total={total} testId="cut-investor" />
        </Card>
        <Card>
          <CutTable title={t('cuts.direction')} cuts={rollup.byDirection} labelOf={(c) => tDirection(c.key)} total={total} testId="cut-direction" />
        </Card>
      </div>
      <Card>
        <CutTable title={t('cuts.area')} cuts={rollup.byArea} total={total} testId="cut-area" />
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('warnings.title')}</CardTitle>
          <CardDescription data-testid="warning-counts">
            {t('warnings.counts', { red: attention.red, yellow: attention.yellow })}{' '}
            {t('warnings.lines', { yellow: rollup.thresholds.yellowPoints, red: rollup.thresholds.redPoints })}
          </CardDescription>
        </CardHeader>
        {/* a closed year's warning lines are locked with its figures */}
        {scopeOf(actor, 'warning.manage') === 'all' && planYear.status !== 'CLOSED' && (
          <ThresholdForm year={year} yellowPoints={rollup.thresholds.yellowPoints} redPoints={rollup.thresholds.redPoints} />
        )}
        {attention.listScope === 'own' && (
          <p className="px-5 text-xs text-slate-500" data-testid="warning-list-own">
            {t('warnings.ownOnly', { count: attention.redListable })}
          </p>
        )}
        <WarningList projects={attention.redProjects} year={year} message={(key, values) => tw(key as never, values as never)} />
        {attention.redListable > attention.redProjects.length && (
          <p className="px-5 pb-4 text-xs text-slate-500" data-testid="warning-list-more">
            {t('warnings.showing', { shown: attention.redProjects.length, red: attention.redListable })}
          </p>
        )}
      </Card>
    </div>
  );
}
