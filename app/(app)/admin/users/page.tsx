import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { AdminPageHeader } from '@/components/admin/page-header';
import { CreateUserButton } from '@/components/admin/user-forms';
import { UsersTable } from '@/components/admin/users-table';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listDepartmentOptions } from '@/lib/server/admin/list-departments';
import { listUsers } from '@/lib/server/admin/list-users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('metaTitle') };
}

export default async function AdminUsersPage() {
  await connection();
  const actor = await requireActor();
  // Answered like a page that does not exist: the link is not shown to other roles either.
  if (!can(actor, 'user.manage')) notFound();
  const [users, departments, t] = await Promise.all([
    listUsers(prisma, actor),
    listDepartmentOptions(prisma, actor),
    getTranslations('admin.users'),
  ]);

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-6">
        <AdminPageHeader
          title={t('title')}
          description={t('description')}
          action={<CreateUserButton departments={departments} />}
        />
        <NoticeArea />
        <UsersTable users={users} departments={departments} actorId={actor.id} />
      </div>
    </NoticeProvider>
  );
}
