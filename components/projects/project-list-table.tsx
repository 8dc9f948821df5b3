import Decimal from 'decimal.js';
import Form from 'next/form';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import type { ProjectList, ProjectListItem } from '@/lib/server/projects/list-projects';
import {
  DEFAULT_PROJECT_LIST_PARAMS,
  PROJECT_LIST_PAGE_SIZES,
  projectListSearch,
  WARNING_LEVELS,
  type ProjectListParams,
  type ProjectListSort,
  type WarningLevel,
} from '@/lib/validations/project-list';

/** Share of the annual plan, ×100, or null for a project with no annual investment. */
export function planRate(done: string, annualPlan: string | null): string | null {
  if (annualPlan === null || new Decimal(annualPlan).isZero()) return null;
  return new Decimal(done).div(annualPlan).times(100).toString();
}

const WARNING_VARIANT = { red: 'danger', yellow: 'warning', none: 'neutral' } as const;

const SORTABLE: Partial<Record<string, ProjectListSort>> = {
  code: 'code',
  name: 'name',
  department: 'department',
  totalInvestment: 'totalInvestment',
  annualPlan: 'annualPlan',
  ytd: 'ytd',
  rate: 'rate',
};

const selectClass = 'h-10 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900';

/** The filter bar: a GET form, so the filters land in the URL and a filtered view is a link. */
async function ProjectListFilters({ list, params }: { list: ProjectList; params: ProjectListParams }) {
  const [t, tStage, tInvestor, tDirection, tWarning, tImport] = await Promise.all([
    getTranslations('projectList.filters'),
    getTranslations('enums.stage'),
    getTranslations('enums.investor'),
    getTranslations('enums.direction'),
    getTranslations('projectList.warning'),
    getTranslations('projectImport'),
  ]);
  const select = (name: string, label: string, value: string | undefined, options: [string, string][]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ''} className={selectClass} aria-label={label}>
        <option value="">{t('any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  // Sorting, page size and hidden columns survive a new filter; the page starts again at 1.
  const keep: [string, string][] = [['year', String(list.year)]];
  if (params.sort !== DEFAULT_PROJECT_LIST_PARAMS.sort) keep.push(['sort', params.sort]);
  if (params.dir !== DEFAULT_PROJECT_LIST_PARAMS.dir) keep.push(['dir', params.dir]);
  if (params.pageSize !== DEFAULT_PROJECT_LIST_PARAMS.pageSize) keep.push(['size', String(params.pageSize)]);
  if (params.hidden.length) keep.push(['hide', params.hidden.join(',')]);

  return (
    <Form
      action="/projects"
      aria-label={t('label')}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="project-list-filters"
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
          className="w-56"
          aria-label={t('search')}
        />
      </label>
      {select(
        'stage',
        t('stage'),
        params.stages[0],
        Object.values(Stage).map((s) => [s, tStage(s)]),
      )}
      {select(
        'investor',
        t('investor'),
        params.investorTypes[0],
        Object.values(InvestorType).map((s) => [s, tInvestor(s)]),
      )}
      {select(
        'direction',
        t('direction'),
        params.directions[0],
        Object.values(Direction).map((s) => [s, tDirection(s)]),
      )}
      {list.facets.departments.length > 1
        ? select(
            'dept',
            t('department'),
            params.departmentIds[0]?.toString(),
            list.facets.departments.map((d) => [String(d.id), d.name]),
          )
        : null}
      {select(
        'area',
        t('area'),
        params.areas[0],
        list.facets.areas.map((a) => [a, a]),
      )}
      {select(
        'warning',
        t('warning'),
        params.warnings[0],
        WARNING_LEVELS.map((w) => [w, tWarning(w)]),
      )}
      <Button type="submit">{t('apply')}</Button>
      <Button asChild variant="ghost">
        <Link href={`/projects?year=${list.year}`}>{t('reset')}</Link>
      </Button>
      {/* the list as filtered and sorted now, every page of it */}
      <Button asChild variant="secondary" className="ml-auto">
        <a
          href={`/api/projects/export${projectListSearch({ ...params, page: 1 }, { year: String(list.year) })}`}
          download
          data-testid="project-list-export"
        >
          {tImport('export')}
        </a>
      </Button>
    </Form>
  );
}

export async function ProjectListTable({ list, params }: { list: ProjectList; params: ProjectListParams }) {
  const [locale, t, tCol, tTable, tPager, tStage, tInvestor, tDirection, tWarning] = await Promise.all([
    getLocale(),
    getTranslations('projectList'),
    getTranslations('projectList.columns'),
    getTranslations('projectList.table'),
    getTranslations('navigation.pager'),
    getTranslations('enums.stage'),
    getTranslations('enums.investor'),
    getTranslations('enums.direction'),
    getTranslations('projectList.warning'),
  ]);
  const wan = (v: string) => formatWan(v, locale, { unit: false });
  const through = String(list.ytdThroughMonth);
  const totals = list.totals;
  const num = 'tabular-nums whitespace-nowrap';

  const columns = (
    [
      {
        id: 'code',
        header: tCol('code'),
        label: tCol('code'),
        className: 'font-mono text-xs whitespace-nowrap text-slate-600',
      },
      {
        id: 'name',
        header: tCol('name'),
        label: tCol('name'),
        hideable: false,
        className: 'min-w-56',
        footer: (
          <span data-testid="project-list-totals-count">
            {t('totals', { count: formatCount(totals.count, locale) })}
          </span>
        ),
      },
      { id: 'department', header: tCol('department'), label: tCol('department'), className: 'whitespace-nowrap' },
      { id: 'stage', header: tCol('stage'), label: tCol('stage'), className: 'whitespace-nowrap' },
      { id: 'investorType', header: tCol('investorType'), label: tCol('investorType'), className: 'whitespace-nowrap' },
      { id: 'direction', header: tCol('direction'), label: tCol('direction'), className: 'whitespace-nowrap' },
      { id: 'area', header: tCol('area'), label: tCol('area'), className: 'whitespace-nowrap' },
      {
        id: 'totalInvestment',
        header: tCol('totalInvestment'),
        label: tCol('totalInvestment'),
        align: 'end',
        sortDescFirst: true,
        className: num,
        footer: <span data-testid="project-list-totals-total-investment">{wan(totals.totalInvestment)}</span>,
      },
      {
        id: 'annualPlan',
        header: tCol('annualPlan'),
        label: tCol('annualPlan'),
        align: 'end',
        sortDescFirst: true,
        className: num,
        footer: <span data-testid="project-list-totals-annual-plan">{wan(totals.annualPlan)}</span>,
      },
      {
        id: 'ytd',
        header: tCol('ytd', { through }),
        label: tCol('ytdLabel'),
        align: 'end',
        sortDescFirst: true,
        className: num,
        footer: <span data-testid="project-list-totals-ytd">{wan(totals.ytdApproved)}</span>,
      },
      {
        id: 'rate',
        header: tCol('rate'),
        label: tCol('rate'),
        align: 'end',
        sortDescFirst: true,
        className: num,
        footer: (
          <span data-testid="project-list-totals-rate">
            {totals.ratePercent === null ? MISSING : formatPercent(totals.ratePercent, locale)}
          </span>
        ),
      },
      { id: 'warning', header: tCol('warning'), label: tCol('warning') },
      {
        id: 'currentMonthStatus',
        header: tCol('currentMonthStatus', { month: list.currentMonth }),
        label: tCol('currentMonthStatusLabel'),
      },
    ] satisfies DataTableColumn[] as DataTableColumn[]
  ).map((c): DataTableColumn => ({ ...c, sortable: SORTABLE[c.id] !== undefined }));

  const warningBadge = (w: WarningLevel) =>
    w === 'none' ? (
      <span className="text-slate-400" data-warning="none">
        {MISSING}
      </span>
    ) : (
      <Badge variant={WARNING_VARIANT[w]} data-warning={w}>
        {tWarning(w)}
      </Badge>
    );

  const rows: DataTableRow[] = list.items.map((p: ProjectListItem) => ({
    id: String(p.id),
    testId: `project-row-${p.code}`,
    cells: {
      code: p.code,
      name: (
        <Link href={`/projects/${p.id}?year=${list.year}`} className="font-medium text-brand-800 hover:underline">
          {p.name}
        </Link>
      ),
      department: p.departmentName,
      stage: tStage(p.stage),
      investorType: tInvestor(p.investorType),
      direction: tDirection(p.direction),
      area: p.area || MISSING,
      totalInvestment: wan(p.totalInvestment),
      annualPlan: p.annualPlan === null ? MISSING : wan(p.annualPlan),
      ytd: wan(p.ytdApproved),
      rate: p.ratePercent === null ? MISSING : formatPercent(p.ratePercent, locale),
      warning: warningBadge(p.warning),
      currentMonthStatus: <ReportStatusBadge status={p.currentMonthStatus} />,
    },
  }));

  return (
    <div className="flex flex-col gap-3">
      <ProjectListFilters list={list} params={params} />
      <DataTable
        testId="project-list"
        wide
        columns={columns}
        rows={rows}
        rowCount={list.total}
        page={list.page}
        pageSize={list.pageSize}
        pageSizes={PROJECT_LIST_PAGE_SIZES}
        sort={{ id: params.sort, desc: params.dir === 'desc' }}
        hidden={params.hidden}
        url={{
          page: 'page',
          size: 'size',
          sort: 'sort',
          dir: 'dir',
          hide: 'hide',
          defaultSort: { id: DEFAULT_PROJECT_LIST_PARAMS.sort, desc: DEFAULT_PROJECT_LIST_PARAMS.dir === 'desc' },
          defaultPageSize: DEFAULT_PROJECT_LIST_PARAMS.pageSize,
        }}
        labels={{
          columns: tTable('columns'),
          pager: tPager('label'),
          previous: tPager('previous'),
          next: tPager('next'),
          pageSummary: tPager.raw('summary') as string,
          rowsPerPage: tPager('rowsPerPage'),
          sortAscending: tTable('sortAscending'),
          sortDescending: tTable('sortDescending'),
        }}
        caption={`${t('caption')} ${t('ytdMonths', { through })}`}
        empty={<span data-testid="project-list-empty">{t('empty')}</span>}
      />
    </div>
  );
}
