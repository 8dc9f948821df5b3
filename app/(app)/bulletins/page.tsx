import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { CreateDraftForm } from '@/components/bulletins/create-draft-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { resolvePlanYear } from '@/lib/server/plan/resolve-plan-year';
import { cn } from '@/lib/utils';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bulletins');
  return { title: t('metaTitle') };
}

/** A plan year's bulletins by month: published ones for everyone, drafts and the "draft a month" form for the bureau. */
export default async function BulletinsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const t = await getTranslations('bulletins');
  const resolved = await resolvePlanYear(prisma, actor, (await searchParams).year);
  if (!resolved) notFound();
  const { years, year } = resolved;

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
  const draftable = Array.from({ length: Math.max(list.lastClosedMonth, 0) }, (_, i) => list.lastClosedMonth - i).filter(
    (m) => !drafted.has(m),
  );

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title', { year: String(year) })}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('description')}</p>
        </div>
        {years.length > 1 && (
          <nav aria-label={t('yearLinks')} className="flex flex-wrap gap-1 text-sm">
            {years.map((y) => (
              <Link
                key={y.year}
                href={`/bulletins?year=${y.year}`}
                aria-current={y.year === year ? 'page' : undefined}
                className={cn(
                  'rounded-md px-2.5 py-1 text-slate-600 hover:bg-white hover:text-brand-700',
                  y.year === year && 'bg-white font-medium text-brand-800 shadow-sm ring-1 ring-slate-200',
                )}
              >
                {y.year}
              </Link>
            ))}
          </nav>
        )}
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
        {list.bulletins.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-slate-500">{canManage ? t('emptyManage') : t('empty')}</p>
        ) : (
          <table className="w-full text-sm" data-testid="bulletin-list">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.month')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.title')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.status')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.publishedAt')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('columns.publishedBy')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.bulletins.map((b) => (
                <tr key={b.id} data-testid={`bulletin-row-${b.month}`}>
                  <td className="px-4 py-2 whitespace-nowrap">{t('month', { month: b.month })}</td>
                  <td className="px-4 py-2">
                    <Link href={`/bulletins/${year}/${b.month}`} className="text-brand-700 hover:underline">
                      {b.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <Badge variant={b.status === 'PUBLISHED' ? 'success' : 'warning'}>{t(`status.${b.status}`)}</Badge>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                    {b.publishedAt ? formatChongqingTime(b.publishedAt, { seconds: false }) : '—'}
                  </td>
                  <td className="px-4 py-2">{b.publishedBy ?? '—'}</td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    <Link href={`/bulletins/${year}/${b.month}`} className="text-brand-700 hover:underline">
                      {t('view')}
                    </Link>
                    {canManage && b.status === 'DRAFT' && (
                      <Link href={`/bulletins/${year}/${b.month}/edit`} className="ml-3 text-brand-700 hover:underline">
                        {t('edit')}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
