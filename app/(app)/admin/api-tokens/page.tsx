import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { IssueApiTokenButton } from '@/components/admin/api-tokens/api-token-forms';
import { ApiTokensTable } from '@/components/admin/api-tokens/api-tokens-table';
import { NoticeArea, NoticeProvider } from '@/components/forms/notice';
import { AdminPageHeader } from '@/components/admin/page-header';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listApiTokens } from '@/lib/server/admin/list-api-tokens';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiTokens');
  return { title: t('metaTitle') };
}

export default async function AdminApiTokensPage() {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'apiToken.manage')) notFound();
  const [tokens, t] = await Promise.all([listApiTokens(prisma, actor), getTranslations('apiTokens')]);

  return (
    <NoticeProvider>
      <div className="flex flex-col gap-6">
        <AdminPageHeader title={t('title')} description={t('description')} action={<IssueApiTokenButton />} />
        <p className="-mt-4 text-sm">
          <a href="/api/v1/openapi.json" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t('docsLink')}
          </a>
        </p>
        <NoticeArea />
        <ApiTokensTable tokens={tokens} />
      </div>
    </NoticeProvider>
  );
}
