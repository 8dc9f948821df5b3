import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectListTable } from '@/components/projects/project-list-table';
import { YearLinks } from '@/components/navigation/year-links';
import { Card } from '@/components/ui/card';
import { scopeOf } from '@/lib/auth/permissions';
import { readDb } from '@/lib/read-db';
import { formatCount } from '@/lib/format';
import { listProjects } from '@/lib/server/projects/list-projects';
import { parseProjectListParams, projectListSearch } from '@/lib/validations/project-list';
import { pagePlanYear } from '@/lib/server/plan/page-plan-year';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { year } = await pagePlanYear((await searchParams).year);
  const t = await getTranslations('projects');
  return { title: year === null ? t('noYear.title') : t('metaTitle', { year: String(year) }) };
}

export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const { actor, years, year } = await pagePlanYear(params.year);
  const [t, locale] = await Promise.all([getTranslations('projects'), getLocale()]);

  if (year === null) {
    return (
      <Card className="mx-auto mt-8 max-w-xl p-8 text-center">
        <h1 className="text-lg font-semibold">{t('noYear.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('noYear.description')}</p>
      </Card>
    );
  }

  const listParams = parseProjectListParams(params);
  // a replica when configured, unless it has not replayed this user's last write yet (lib/read-db.ts)
  const list = await listProjects(await readDb(), actor, {
    year,
    page: listParams.page,
    pageSize: listParams.pageSize,
    sort: listParams.sort,
    dir: listParams.dir,
    q: listParams.q,
    stages: listParams.stages,
    investorTypes: listParams.investorTypes,
    directions: listParams.directions,
    departmentIds: listParams.departmentIds,
    areas: listParams.areas,
    warnings: listParams.warnings,
  });
  if (!list) notFound();
  const own = scopeOf(actor, 'project.read') === 'own';

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title', { year: String(year) })}</h1>
          <p className="mt-1 text-sm text-slate-500" data-testid="project-list-scope">
            {own ? t('scopeOwn', { department: actor.departmentName ?? '' }) : t('scopeAll')}
            {' · '}
            {t('count', { count: formatCount(list.total, locale) })}
            {' · '}
            {t('unit')}
          </p>
        </div>
        {scopeOf(actor, 'project.write') !== 'none' && (
          <Link
            href="/projects/new"
            className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
            data-testid="project-new-link"
          >
            {(await getTranslations('projectEdit'))('newLink')}
          </Link>
        )}
        {/* another year keeps the filters, not the page: the same page number may not exist there */}
        <YearLinks
          years={years}
          current={year}
          hrefFor={(y) => `/projects${projectListSearch({ ...listParams, page: 1 }, { year: String(y) })}`}
        />
      </div>
      {listParams.invalid && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="project-list-invalid"
        >
          {t('invalidFilter')}
        </p>
      )}
      <ProjectListTable list={list} params={listParams} />
    </div>
  );
}
