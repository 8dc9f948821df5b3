import Decimal from 'decimal.js';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardControls } from '@/components/dashboard/dashboard-header';
import { DataTable } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { canReadSubmitted } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
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
export default async function DepartmentDrillPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const state = dashboardParams(query);
  const year = state.year ?? (await prisma.planYear.findFirst({ where: { status: 'ACTIVE' }, orderBy: { year: 'desc' }, select: { year: true } }))?.year;
  if (!year) notFound();
  const departmentId = Number(id);
  // the submitted basis is offered only where the actor may read it; the server refuses it anywhere else
  const submittedBasis = canReadSubmitted(actor, departmentId);
  const [drill, locale, t, tStage] = await Promise.all([
    getDepartmentDrillDown(prisma, actor, { year, month: state.month, basis: submittedBasis ? state.basis : 'approved', departmentId }),
    getLocale(),
    getTranslations('dashboard'),
    getTranslations('enums.stage'),
  ]);
  if (!drill) notFound();
  const { rollup, line, projects } = drill;
  const { month, basis } = rollup;
  const pct = (p: string | null) => (p === null ? MISSING : formatPercent(p, locale));
  const sum = (projects ?? []).reduce((s, p) => s.plus(p.completed), new Decimal(0)).toFixed(2);

  return (
    <div className="flex flex-col gap-6" data-testid="department-drill" data-department={line.label}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={dashboardHref('/dashboard', { year, month, basis })} className="text-sm text-brand-800 hover:underline print:hidden">
            ← {t('drill.back')}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('drill.title', { department: line.label, year: String(year), month })}</h1>
          <p className="mt-1 text-sm text-slate-600">{basis === 'approved' ? t('basis.approvedCaption') : t('basis.submittedCaption')}</p>
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
            <span data-testid="drill-completed">{formatWan(line.completed, locale, { unit: false })}</span> · {pct(line.percent)}
          </CardDescription>
        </CardHeader>
        {projects === null ? (
          <CardContent>
            <p className="text-sm text-slate-600" data-testid="drill-projects-hidden">
              {t('drill.projectsHidden', { count: formatCount(line.count, locale) })}
            </p>
          </CardContent>
        ) : (
          <DataTable
            testId="drill-projects"
            ariaLabel={t('drill.projects')}
            columns={[
              { id: 'name', header: t('drill.project'), rowHeader: true, footer: t('cuts.total') },
              { id: 'stage', header: t('drill.stage'), className: 'whitespace-nowrap', footer: formatCount(projects.length, locale) },
              { id: 'plan', header: t('cuts.annualPlan'), align: 'end', className: 'tabular-nums', footer: formatWan(line.annualPlan, locale, { unit: false }) },
              {
                id: 'completed',
                header: t('cuts.completed'),
                align: 'end',
                className: 'tabular-nums',
                footer: <span data-testid="drill-sum">{formatWan(sum, locale, { unit: false })}</span>,
              },
              { id: 'percent', header: t('cuts.percent'), align: 'end', className: 'tabular-nums', footer: pct(line.percent) },
              { id: 'warning', header: t('drill.warning') },
            ]}
            rows={projects.map((p) => ({
              id: String(p.planId),
              testId: 'drill-project',
              attrs: { 'data-project': p.name },
              cells: {
                name: (
                  <Link href={`/projects/${p.projectId}?year=${year}`} className="text-brand-800 hover:underline">
                    {p.name}
                  </Link>
                ),
                stage: tStage(p.stage),
                plan: p.annualPlan === null ? MISSING : formatWan(p.annualPlan, locale, { unit: false }),
                completed: <span data-testid="drill-project-completed">{formatWan(p.completed, locale, { unit: false })}</span>,
                percent: pct(p.percent),
                warning:
                  p.level === 'none' ? null : (
                    <Badge variant={p.level === 'red' ? 'danger' : 'warning'} title={String(p.warnings.length)}>
                      {p.level === 'red' ? '●' : '○'}
                    </Badge>
                  ),
              },
            }))}
          />
        )}
      </Card>
    </div>
  );
}
