import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { BulletinList } from '@/components/bulletins/bulletin-list';
import { CreateDraftForm } from '@/components/bulletins/create-draft-form';
import { YearLinks } from '@/components/navigation/year-links';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bulletins');
  return { title: t('metaTitle') };
}

/** A plan year's bulletins by month: published ones for everyone, drafts and the "draft a month" form for the bureau. */
export default async function BulletinsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { actor, years, year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations('bulletins');

  if (year === null) {
    return (
      <Card className="mx-auto mt-8 max-w-xl p-8 text-center">
        <p className="text-sm text-slate-600">{t('noYear')}</p>
      </Card>
    );
  }
  const list = await listBulletins(prisma, actor, { year });
  if (!list) notFound();
  const canManage = can(actor, 'bulletin.manage');
  const drafted = new Set(list.bulletins.map((b) => b.month));
  const draftable = Array.from(
    { length: Math.max(list.lastClosedMonth, 0) },
    (_, i) => list.lastClosedMonth - i,
  ).filter((m) => !drafted.has(m));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title', { year: String(year) })}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('description')}</p>
        </div>
        <YearLinks years={years} current={year} hrefFor={(y) => `/bulletins?year=${y}`} />
      </div>

      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>{t('create.label')}</CardTitle>
          </CardHeader>
          <CardContent>
            <CreateDraftForm year={year} months={draftable} />
          </CardContent>
        </Card>
      )}

      <Card>
        <BulletinList year={year} bulletins={list.bulletins} canManage={canManage} />
      </Card>
    </div>
  );
}
