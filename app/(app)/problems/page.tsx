import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProblemLedgerFilters } from '@/components/problems/ledger/problem-ledger-filters';
import { ProblemLedgerTable } from '@/components/problems/ledger/problem-ledger-table';
import { ProblemStatusCounts } from '@/components/problems/ledger/problem-status-counts';
import { scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { formatLongDate } from '@/lib/format';
import { listProblems } from '@/lib/server/problems/list-problems';
import type { SearchParams } from '@/lib/search-params';
import { parseProblemListParams, problemListFilters } from '@/lib/validations/problem-list';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('problemLedger');
  return { title: t('metaTitle') };
}

/** 问题台账: every problem the actor may read, filtered and sorted through the URL. */
export default async function ProblemsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  const params = parseProblemListParams(await searchParams);
  const [t, tSettings, locale] = await Promise.all([
    getTranslations('problemLedger'),
    getTranslations('problems.settings'),
    getLocale(),
  ]);
  const list = await listProblems(prisma, actor, {
    ...problemListFilters(params),
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    dir: params.dir,
  });
  const own = scopeOf(actor, 'problem.read') === 'own';

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-500" data-testid="problem-ledger-scope">
            {own ? t('scopeOwn', { department: actor.departmentName ?? '' }) : t('scopeAll')}
            {' · '}
            {t('asOf', { date: formatLongDate(list.today, locale) })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {scopeOf(actor, 'problem.manage') === 'all' && (
            <Link
              href="/problems/settings"
              prefetch={false}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              data-testid="problem-settings-link"
            >
              {tSettings('link')}
            </Link>
          )}
          {scopeOf(actor, 'problem.raise') !== 'none' && (
            <Link
              href="/problems/new"
              prefetch={false}
              className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
              data-testid="problem-new-link"
            >
              {t('newLink')}
            </Link>
          )}
        </div>
      </div>
      {params.invalid && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('invalidFilter')}
        </p>
      )}
      <ProblemStatusCounts list={list} params={params} />
      <ProblemLedgerFilters list={list} params={params} />
      <ProblemLedgerTable list={list} params={params} />
    </div>
  );
}
