import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { BackfillPanel } from '@/components/reports/backfill/backfill-panel';
import { scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listPlanYears } from '@/lib/server/plan/list-plan-years';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('backfill');
  return { title: t('metaTitle') };
}

/** The bureau's backfill of past months from a 调度表 (docs/backfill.md); others get the not-found page. */
export default async function BackfillPage() {
  await connection();
  const actor = await requireActor();
  if (scopeOf(actor, 'report.review') !== 'all') notFound();
  // only an ACTIVE year takes reports, and only its months before the one being reported now are past
  const years = (await listPlanYears(prisma, actor))
    .filter((y) => y.status === 'ACTIVE' && y.currentMonth > 1)
    .map((y) => ({ year: y.year, lastMonth: y.currentMonth - 1 }));
  return <BackfillPanel years={years} />;
}
