import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/projects/import/import-panel';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { defaultPlanYear, listPlanYears } from '@/lib/server/plan/list-plan-years';
import { getSplitSettings } from '@/lib/server/projects/split-profile';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projectImport');
  return { title: t('metaTitle') };
}

/** Import of projects and plans (bureau and admins); others get the not-found page, like any page they cannot use. */
export default async function ProjectImportPage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'project.write')) notFound();
  const [years, splitSettings] = await Promise.all([listPlanYears(prisma, actor), getSplitSettings(prisma, actor)]);
  const open = years.filter((y) => y.status !== 'CLOSED');
  const fallback = defaultPlanYear(open);
  return (
    <ImportPanel
      years={open.map((y) => ({ year: y.year, status: y.status }))}
      defaultYear={fallback}
      splitSettings={splitSettings}
    />
  );
}
