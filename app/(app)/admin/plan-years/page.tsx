import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { AdminPageHeader } from '@/components/admin/page-header';
import { CreatePlanYearButton } from '@/components/admin/plan-year-forms';
import { PlanYearsTable } from '@/components/admin/plan-years-table';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listPlanYearsForAdmin } from '@/lib/server/admin/list-plan-years';
import { today } from '@/lib/server/clock';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.planYears');
  return { title: t('metaTitle') };
}

export default async function AdminPlanYearsPage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'planYear.manage')) notFound();
  const [planYears, t] = await Promise.all([listPlanYearsForAdmin(prisma, actor), getTranslations('admin.planYears')]);
  // the year after the newest one is what an admin creates nearly every time
  const suggestedYear = planYears[0] ? planYears[0].year + 1 : Number((await today()).slice(0, 4));

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-6">
        <AdminPageHeader
          title={t('title')}
          description={t('description')}
          action={<CreatePlanYearButton suggestedYear={suggestedYear} />}
        />
        <NoticeArea />
        <PlanYearsTable planYears={planYears} />
      </div>
    </NoticeProvider>
  );
}
