import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { PROBLEM_LEVELS, PROBLEM_STATUSES } from '@/lib/domain/problems/flow';
import type { ProblemList } from '@/lib/server/problems/list-problems';
import { DEFAULT_PROBLEM_LIST_PARAMS, problemListSearch, type ProblemListParams } from '@/lib/validations/problem-list';

const selectClass = 'h-10 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900';

/** The ledger's filter bar: a GET form, so the filters land in the URL and a filtered view is a link. */
export async function ProblemLedgerFilters({ list, params }: { list: ProblemList; params: ProblemListParams }) {
  const [t, tStatus, tLevel] = await Promise.all([
    getTranslations('problemLedger.filters'),
    getTranslations('enums.problemStatus'),
    getTranslations('enums.problemLevel'),
  ]);
  const select = (name: string, label: string, value: string | number | undefined, options: [string, string][]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select
        name={name}
        defaultValue={value === undefined ? '' : String(value)}
        className={selectClass}
        aria-label={label}
      >
        <option value="">{t('any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  // sorting, page size, hidden columns and the project survive a new filter; the page starts again at 1
  const keep: [string, string][] = [];
  const d = DEFAULT_PROBLEM_LIST_PARAMS;
  if (params.sort !== d.sort) keep.push(['sort', params.sort]);
  if (params.dir !== d.dir) keep.push(['dir', params.dir]);
  if (params.pageSize !== d.pageSize) keep.push(['size', String(params.pageSize)]);
  if (params.hidden.length) keep.push(['hide', params.hidden.join(',')]);
  if (params.projectIds.length) keep.push(['project', params.projectIds.join(',')]);
  const ids = (list: { id: number; name: string }[]): [string, string][] => list.map((x) => [String(x.id), x.name]);
  const project = list.facets.projects[0];

  return (
    <Form
      action="/problems"
      aria-label={t('label')}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="problem-ledger-filters"
    >
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        {t('search')}
        <Input
          name="q"
          defaultValue={params.q}
          placeholder={t('searchPlaceholder')}
          className="w-52"
          aria-label={t('search')}
        />
      </label>
      {select(
        'status',
        t('status'),
        params.statuses[0],
        PROBLEM_STATUSES.map((s) => [s, tStatus(s)]),
      )}
      {select('category', t('category'), params.categoryIds[0], ids(list.facets.categories))}
      {select(
        'level',
        t('level'),
        params.levels[0],
        PROBLEM_LEVELS.map((l) => [l, tLevel(l)]),
      )}
      {select('lead', t('lead'), params.leadDepartmentIds[0], ids(list.facets.departments))}
      {select('raisedBy', t('raisedBy'), params.raisedByDepartmentIds[0], ids(list.facets.departments))}
      {select('leader', t('leader'), params.leaderIds[0], ids(list.facets.leaders))}
      {list.facets.years.length > 1 || params.year
        ? select(
            'year',
            t('year'),
            params.year || undefined,
            list.facets.years.map((y) => [String(y), String(y)]),
          )
        : null}
      <label className="flex h-10 items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={params.overdue}
          data-testid="problem-filter-overdue"
        />
        {t('overdue')}
      </label>
      <Button type="submit">{t('apply')}</Button>
      <Button asChild variant="ghost">
        <Link href="/problems">{t('reset')}</Link>
      </Button>
      {project ? (
        <Link
          href={`/problems${problemListSearch({ ...params, projectIds: [], page: 1 })}`}
          className="rounded-full bg-brand-50 px-3 py-1 text-xs text-brand-800 hover:bg-brand-100"
          title={t('removeProject')}
          data-testid="problem-filter-project"
        >
          {t('project', { name: project.name })} ×
        </Link>
      ) : null}
      <Button asChild variant="secondary" className="ml-auto">
        <a
          href={`/api/problems/export${problemListSearch({ ...params, page: 1, hidden: [] })}`}
          download
          data-testid="problem-ledger-export"
        >
          {t('export')}
        </a>
      </Button>
    </Form>
  );
}
