import { getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin/admin-tabs';
import { adminTabsFor } from '@/components/layout/nav-items';
import { requireActor } from '@/lib/auth/session';

/** The administration pages under one top-bar entry (系统管理), with their tabs. Each page checks its own permission. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations('nav');
  const links = adminTabsFor(actor.role).map((item) => ({ href: item.href, label: t(item.labelKey) }));
  return (
    <>
      {links.length > 0 && <AdminTabs links={links} label={t('admin')} />}
      {children}
    </>
  );
}
