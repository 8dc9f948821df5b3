import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RaiseForm } from '@/components/problems/forms/raise-form';
import { scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { problemFormOptions } from '@/lib/server/problems/problem-form-options';
import type { SearchParams } from '@/lib/search-params';
import { notFound } from 'next/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('problems.page'))('raiseTitle') };
}

/** Raises a problem; ?project=ID pre-selects one of the projects the actor may raise on. */
export default async function RaiseProblemPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (scopeOf(actor, 'problem.raise') === 'none') notFound();
  const t = await getTranslations('problems.page');
  const options = await problemFormOptions(prisma, actor);
  const wanted = (await searchParams).project;
  const projectId =
    typeof wanted === 'string' && /^\d{1,9}$/.test(wanted) && options.projects.some((p) => p.id === Number(wanted))
      ? Number(wanted)
      : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t('raiseTitle')}</h1>
      <p className="text-sm text-slate-600">{t('raiseDescription')}</p>
      <RaiseForm projects={options.projects} categories={options.categories} projectId={projectId} />
    </div>
  );
}
