import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { CreateDepartmentButton } from '@/components/admin/department-forms';
import { DepartmentsTable } from '@/components/admin/departments-table';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { AdminPageHeader } from '@/components/admin/page-header';
import { DepartmentWebhooks } from '@/components/reminders/department-webhooks';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listDepartments } from '@/lib/server/admin/list-departments';
import { getOutboxSummary, listDepartmentWebhooks } from '@/lib/server/reminders/webhooks';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.departments');
  return { title: t('metaTitle') };
}

export default async function AdminDepartmentsPage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) notFound();
  const [departments, t, webhooks, outbox] = await Promise.all([
    listDepartments(prisma, actor),
    getTranslations('admin.departments'),
    listDepartmentWebhooks(prisma, actor),
    getOutboxSummary(prisma, actor),
  ]);

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-6">
        <AdminPageHeader title={t('title')} description={t('description')} action={<CreateDepartmentButton />} />
        <NoticeArea />
        <DepartmentsTable departments={departments} />
        <DepartmentWebhooks rows={webhooks} outbox={outbox} />
      </div>
    </NoticeProvider>
  );
}
