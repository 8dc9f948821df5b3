import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardControls } from '@/components/dashboard/dashboard-header';
import { YearOnYearNote } from '@/components/dashboard/year-on-year-note';
import { DepartmentProjectsTable } from '@/components/dashboard/department-projects-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { canReadSubmitted } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { readDb } from '@/lib/read-db';
import { describeGap, paceGapPoints } from '@/lib/domain/pace';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import { getDashboardYear } from '@/lib/server/dashboard/get-dashboard-year';
import { getDepartmentDrillDown } from '@/lib/server/dashboard/get-department-drill-down';
import { dashboardHref, dashboardParams } from '@/lib/validations/dashboard-params';
import type { SearchParams } from '@/lib/search-params';

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('dashboard') };
}

/**
 * District → department → project: the department's line of the dashboard, then its projects with the same
 * figures, which add up to that line. Each project opens its page with the monthly history. A department sees
 * another department's line only (lib/server/dashboard/get-department-drill-down.ts decides, on the record).
 */
export default async function DepartmentDrillPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await connection();
  const actor = await requireActor();
  // a replica when configured, unless it has not replayed this user's last write yet (lib/read-db.ts)
  const db = await readDb();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const state = dashboardParams(query);
  const year = state.year ?? (await getDashboardYear(db, actor, {}))?.year;
  if (!year) notFound();
  const departmentId = Number(id);
  // the submitted basis is offered only where the actor may read it; the server refuses it anywhere else
  const submittedBasis = canReadSubmitted(actor, departmentId);
  const [drill, locale, t] = await Promise.all([
    getDepartmentDrillDown(db, actor, {
      year,
      month: state.month,
      basis: submittedBasis ? state.basis : 'approved',
      departmentId,
    }),
    getLocale(),
    getTranslations('dashboard'),
  ]);
  if (!drill) notFound();
  const { rollup, line, projects } = drill;
  const { month, basis } = rollup;
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  // the department's gap to 序时进度 by the dashboard's and the bulletin's one rule (rounded once)
  const gapPoints = paceGapPoints(line.completed, line.annualPlan, month);
  const gap = gapPoints === null ? null : describeGap(gapPoints);

  return (
    <div className="flex flex-col gap-6" data-testid="department-drill" data-department={line.label}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link
            href={dashboardHref('/dashboard', { year, month, basis })}
            className="text-sm text-brand-800 hover:underline print:hidden"
          >
            ← {t('drill.back')}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">
            {t('drill.title', { department: line.label, year: String(year), month })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {basis === 'approved' ? t('basis.approvedCaption') : t('basis.submittedCaption')}
          </p>
        </div>
        <DashboardControls
          path={`/dashboard/departments/${line.key}`}
          year={year}
          month={month}
          currentMonth={rollup.currentMonth}
          basis={basis}
          submittedBasis={submittedBasis}
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('drill.projects')}</CardTitle>
          <CardDescription>
            {t('cuts.annualPlan')} {formatWan(line.annualPlan, locale, { unit: false })} · {t('cuts.completed')}{' '}
            <span data-testid="drill-completed">{formatWan(line.completed, locale, { unit: false })}</span> ·{' '}
            {pct(line.percent)}
            {gap && (
              <>
                {' · '}
                <span data-testid="drill-gap">{t(`headline.gap.${gap.direction}`, { points: gap.points })}</span>
              </>
            )}
            {' · '}
            <YearOnYearNote yoy={rollup.yearOnYear} testId="drill-yoy" />
          </CardDescription>
        </CardHeader>
        {projects === null ? (
          <CardContent>
            <p className="text-sm text-slate-600" data-testid="drill-projects-hidden">
              {t('drill.projectsHidden', { count: formatCount(line.count, locale) })}
            </p>
          </CardContent>
        ) : (
          <DepartmentProjectsTable projects={projects} line={line} year={year} />
        )}
      </Card>
    </div>
  );
}
