import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { ProjectForm, type ProjectFormDefaults } from '@/components/projects/project-form';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { NotFoundError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { loadProjectFormOptions } from '@/lib/server/projects/project-form-options';
import type { SearchParams } from '@/lib/search-params';

type Params = Promise<{ id: string }>;

/** The project with its plan for the year (?year=, else the default one), or the not-found page. */
const loadProject = cache(async (id: string, year: string | string[] | undefined) => {
  if (!/^\d{1,9}$/.test(id)) notFound();
  if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) notFound();
  const actor = await requireActor();
  // someone who may not edit sees no edit page at all, as for an id that does not exist
  if (!can(actor, 'project.write')) notFound();
  try {
    const project = await getProject(prisma, actor, {
      id: Number(id),
      year: year === undefined ? undefined : Number(year),
    });
    return { actor, project, requestedYear: year === undefined ? null : Number(year) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const { project } = await loadProject((await params).id, (await searchParams).year);
  const t = await getTranslations('projectEdit');
  return { title: t('editMeta', { name: project.name }) };
}

export default async function EditProjectPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, project, requestedYear } = await loadProject(id, query.year);
  const [t, options] = await Promise.all([
    getTranslations('projectEdit'),
    loadProjectFormOptions(prisma, actor, { keepDepartmentId: project.departmentId }),
  ]);
  const plan = project.plan;
  // the plan of the requested (or shown) year; a year the project has no plan in yet gets a new one
  const targetYear = plan?.year ?? requestedYear;
  const year =
    options.years.find((y) => y.year === targetYear) ??
    options.years.find((y) => y.status === 'ACTIVE') ??
    options.years.find((y) => y.status !== 'CLOSED');
  if (!year) notFound();

  const defaults: ProjectFormDefaults = {
    code: project.code,
    name: project.name,
    departmentId: project.departmentId,
    ownerUnit: project.ownerUnit,
    area: project.area,
    buildType: project.buildType,
    scope: project.scope,
    totalInvestment: project.totalInvestment,
    plannedStart: project.plannedStart ?? '',
    plannedCompletion: project.plannedCompletion ?? '',
    actualStart: project.actualStart ?? '',
    actualCompletion: project.actualCompletion ?? '',
    leaderInCharge: project.leaderInCharge ?? '',
    contactName: project.contactName ?? '',
    contactPhone: project.contactPhone ?? '',
    planYearId: year.id,
    stage: plan?.stage ?? '',
    investorType: plan?.investorType ?? '',
    direction: plan?.direction ?? '',
    cumulativeBeforeYear: plan?.cumulativeBeforeYear ?? '0.00',
    annualPlan: plan?.annualPlan ?? '',
    monthly: Array.from({ length: 12 }, (_, i) => plan?.monthlyPlan.find((m) => m.month === i + 1)?.amount ?? ''),
    milestoneTarget: plan?.milestoneTarget ?? '',
  };

  return (
    <div className="flex flex-col gap-5" data-testid="project-edit-page">
      <div>
        <Link href={`/projects/${project.id}?year=${year.year}`} className="text-sm text-brand-700 hover:underline">
          {t('back')}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('editMeta', { name: project.name })}</h1>
      </div>
      <ProjectForm
        projectId={project.id}
        planVersion={plan?.version ?? null}
        defaults={defaults}
        departments={options.departments}
        years={options.years}
        fixedYear={year}
        splitDerived={plan?.monthlySplitDerived ?? null}
      />
    </div>
  );
}
