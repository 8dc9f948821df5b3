import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/page-header';
import { StorageUsageTable } from '@/components/admin/storage-usage-table';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { getStorageUsage } from '@/lib/server/admin/storage-usage';
import { describeStorage, storageConfig } from '@/lib/server/storage/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.storage');
  return { title: t('metaTitle') };
}

/** The administrator's view of attachment storage per department (docs/attachments.md). */
export default async function AdminStoragePage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) notFound();
  const [usage, t] = await Promise.all([getStorageUsage(prisma, actor), getTranslations('admin.storage')]);
  return (
    <div className="flex flex-col gap-6">
      <AdminPageHeader title={t('title')} description={t('description')} />
      <StorageUsageTable usage={usage} />
      <div className="flex flex-col gap-1 text-sm text-slate-600">
        <p>{t('removedHint')}</p>
        <p data-testid="storage-location">{t('storeHint', { store: describeStorage(storageConfig()) })}</p>
      </div>
    </div>
  );
}
