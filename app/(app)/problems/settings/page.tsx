import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/page-header';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { CategoriesTable } from '@/components/problems/settings/categories-table';
import { AddCategoryButton } from '@/components/problems/settings/category-forms';
import { EscalationDaysForm } from '@/components/problems/settings/escalation-days-form';
import { KeepLocationForm } from '@/components/settings/keep-location-form';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { getAttachmentSettings } from '@/lib/server/attachments/settings';
import { getProblemSettings } from '@/lib/server/problems/problem-settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('problems.settings'))('title') };
}

/** The bureau's problem settings: the category list and the days before an overdue problem escalates. */
export default async function ProblemSettingsPage() {
  await connection();
  const actor = await requireActor();
  // like another department's record: a page this role may not use does not exist
  if (!can(actor, 'problem.manage')) notFound();
  const [settings, t, ta] = await Promise.all([
    getProblemSettings(prisma, actor),
    getTranslations('problems.settings'),
    getTranslations('attachmentSettings'),
  ]);
  // the bureau's evidence setting lives here too: the one page of the bureau's settings
  const attachments = can(actor, 'report.review') ? await getAttachmentSettings(prisma, actor) : null;

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-6">
        <AdminPageHeader title={t('title')} description={t('description')} />
        <NoticeArea />
        <section className="flex flex-col gap-3" aria-labelledby="problem-categories-heading">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="problem-categories-heading" className="text-lg font-semibold text-slate-900">
              {t('categoriesTitle')}
            </h2>
            <AddCategoryButton />
          </div>
          <p className="text-sm text-slate-600">{t('categoriesHint')}</p>
          <CategoriesTable categories={settings.categories} />
        </section>
        <section className="flex flex-col gap-3" aria-labelledby="problem-escalation-heading">
          <h2 id="problem-escalation-heading" className="text-lg font-semibold text-slate-900">
            {t('escalation.title')}
          </h2>
          <Card>
            <CardContent className="pt-4">
              <EscalationDaysForm days={settings.escalationDays} />
            </CardContent>
          </Card>
        </section>
        {attachments && (
          <section className="flex flex-col gap-3" aria-labelledby="attachment-location-heading">
            <h2 id="attachment-location-heading" className="text-lg font-semibold text-slate-900">
              {ta('title')}
            </h2>
            <Card>
              <CardContent className="pt-4">
                <KeepLocationForm keepLocation={attachments.keepLocation} />
              </CardContent>
            </Card>
          </section>
        )}
      </div>
    </NoticeProvider>
  );
}
