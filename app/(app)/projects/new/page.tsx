import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { ProjectForm, type ProjectFormDefaults } from '@/components/projects/project-form';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { loadProjectFormOptions } from '@/lib/server/projects/project-form-options';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projectEdit');
  return { title: t('newTitle') };
}

export default async function NewProjectPage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.write')) notFound();
  const [t, options] = await Promise.all([getTranslations('projectEdit'), loadProjectFormOptions(prisma, actor)]);
  const open = options.years.filter((y) => y.status !== 'CLOSED');
  // the year departments report against is the usual home of a new project
  const preferred = open.find((y) => y.status === 'ACTIVE') ?? open[0];

  const defaults: ProjectFormDefaults = {
    code: '',
    name: '',
    departmentId: '',
    ownerUnit: '',
    area: '',
    buildType: '',
    scope: '',
    totalInvestment: '',
    plannedStart: '',
    plannedCompletion: '',
    actualStart: '',
    actualCompletion: '',
    leaderInCharge: '',
    contactName: '',
    contactPhone: '',
    planYearId: preferred?.id ?? '',
    stage: '',
    investorType: '',
    direction: '',
    cumulativeBeforeYear: '0.00',
    annualPlan: '',
    monthly: Array.from({ length: 12 }, () => ''),
    milestoneTarget: '',
  };

  return (
    <div className="flex flex-col gap-5" data-testid="project-new-page">
      <div>
        <Link href="/projects" className="text-sm text-brand-700 hover:underline">
          {t('backToList')}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('newTitle')}</h1>
      </div>
      <ProjectForm defaults={defaults} departments={options.departments} years={open} />
    </div>
  );
}
