import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn, type DataTableProps } from '@/components/data-table/data-table';
import { MonthLinks } from '@/components/navigation/month-links';
import { PagerControls } from '@/components/navigation/pager-controls';
import { ReviewTable, type ReviewTableProps } from '@/components/reports/review/review-table';
import type { ReviewQueueRow } from '@/lib/server/reports/get-review-queue';
import zhCN from '@/messages/zh-CN.json';

// URL mode reads the address and navigates; rendering needs only something to read.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/projects',
  useSearchParams: () => new URLSearchParams(''),
}));
// The review queue's one click calls a server action; rendering only needs the name.
vi.mock('@/lib/actions/problems', () => ({ raiseProblemFromReport: vi.fn() }));

/**
 * The shared table and the pieces split out of it, rendered to HTML as the server sends them: what a reader (and
 * the e2e specs) rely on must survive the split — sort buttons and aria-sort, hidden columns, the totals row, the
 * pager's steps, heading groups, and the review queue's order, selection and flags.
 */
const render = (element: ReactElement) => renderToStaticMarkup(element);
const table = (props: DataTableProps) => render(h(DataTable, props));
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

const labels = {
  columns: '显示列',
  pager: '分页',
  previous: '上一页',
  next: '下一页',
  pageSummary: '第{page}页，共{pages}页',
  rowsPerPage: '每页',
  sortAscending: '升序',
  sortDescending: '降序',
};
const columns: DataTableColumn[] = [
  {
    id: 'name',
    header: '项目名称',
    label: '项目名称',
    rowHeader: true,
    sortable: true,
    hideable: false,
    footer: '合计',
  },
  { id: 'area', header: '片区', label: '片区' },
  { id: 'plan', header: '年度计划', label: '年度计划', align: 'end', sortable: true, footer: '300.00' },
];
const rows = [
  { id: '1', testId: 'row-a', cells: { name: '甲', area: '解放碑', plan: '100.00' } },
  { id: '2', testId: 'row-b', cells: { name: '乙', area: '化龙桥', plan: '200.00' } },
];
const urlState = (page: number, extra: Partial<DataTableProps> = {}) =>
  ({
    columns,
    rows,
    rowCount: 45,
    page,
    pageSize: 20,
    sort: { id: 'name', desc: false },
    hidden: [],
    url: { defaultSort: { id: 'code', desc: false }, defaultPageSize: 20 },
    labels,
    ...extra,
  }) as DataTableProps;

describe('the shared table in URL mode', () => {
  it('marks the sorted column and offers a sort button on sortable columns only', () => {
    const html = table(urlState(1, { sort: { id: 'plan', desc: true } }));
    expect(html).toMatch(/<th scope="col" aria-sort="descending"[^>]*><button[^>]*title="降序">年度计划/);
    expect(count(html, /<button type="button" class="inline-flex/)).toBe(2);
    expect(html).not.toMatch(/<button[^>]*>片区/);
  });

  it('leaves a hidden column out of every row, and lists in the menu only the columns one may hide', () => {
    const html = table(urlState(1, { hidden: ['area'] }));
    expect(html).not.toContain('data-column="area"');
    expect(html).toContain('data-column="plan"');
    const menu = /data-testid="data-table-columns">(.*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(menu).toContain('片区');
    expect(menu).toContain('年度计划');
    expect(menu).not.toContain('项目名称');
  });

  it('shows the totals row from the columns’ footers', () => {
    const html = table(urlState(1));
    expect(html).toMatch(/<tr data-testid="data-table-totals"><td data-column="name"[^>]*>合计<\/td>/);
  });

  it('pages: the first page cannot go back, a middle page goes both ways, the last cannot go on', () => {
    const step = (html: string, label: string) =>
      new RegExp(`<button type="button"[^>]*?( disabled="")?>${label}</button>`).exec(html);
    const first = table(urlState(1));
    expect(first).toContain('第1页，共3页');
    expect(step(first, '上一页')?.[1]).toBe(' disabled=""');
    expect(step(first, '下一页')?.[1]).toBeUndefined();
    const middle = table(urlState(2));
    expect(middle).toContain('第2页，共3页');
    expect(step(middle, '上一页')?.[1]).toBeUndefined();
    const last = table(urlState(3));
    expect(step(last, '下一页')?.[1]).toBe(' disabled=""');
    expect(last).toMatch(/<nav aria-label="分页"[^>]*data-testid="data-table-pager"/);
  });
});

describe('the shared table as a plain table', () => {
  it('has no menu, no pager and no sort buttons, whatever the columns say', () => {
    const html = table({ columns, rows });
    expect(html).not.toContain('data-table-columns');
    expect(html).not.toContain('data-table-pager');
    expect(html).not.toContain('<button');
    expect(html).toMatch(/<th scope="row" data-column="name"[^>]*>甲<\/th>/);
  });

  it('puts grouped columns under one spanning header and opens a body at each heading row', () => {
    const html = table({
      columns: [
        { id: 'name', header: '名称' },
        { id: 'plan', header: '计划', group: { id: 'money', header: '万元' } },
        { id: 'done', header: '完成', group: { id: 'money', header: '万元' } },
      ],
      rows: [
        { id: 'h', heading: '区交通局' },
        { id: '1', cells: { name: '甲', plan: '1', done: '2' } },
      ],
    });
    expect(html).toMatch(/<th scope="colgroup" colSpan="2"[^>]*>万元<\/th>/);
    expect(html).toMatch(/<th scope="col" rowSpan="2"[^>]*>名称<\/th>/);
    expect(html).toMatch(/<th colSpan="3" scope="rowgroup"[^>]*>区交通局<\/th>/);
  });

  it('says so when there are no rows, across every column', () => {
    expect(table({ columns, rows: [], empty: '没有项目' })).toMatch(/<td colSpan="3"[^>]*>没有项目<\/td>/);
  });
});

describe('the shared navigation', () => {
  it('renders a pager step that cannot be taken as text, not as a link', () => {
    const html = render(
      h(PagerControls, {
        label: '分页',
        summary: '第1页，共2页',
        previous: { label: '上一页', href: '/audit?page=0', disabled: true },
        next: { label: '下一页', href: '/audit?page=2', disabled: false },
      }),
    );
    expect(html).toMatch(/<span aria-disabled="true"[^>]*>上一页<\/span>/);
    expect(html).toMatch(/<a [^>]*href="\/audit\?page=2"[^>]*>下一页<\/a>/);
    expect(html).not.toContain('page=0');
  });

  it('links every month up to the reporting month and marks the selected one as the current page', () => {
    const html = render(
      h(MonthLinks, {
        through: 11,
        selected: 10,
        hrefFor: (m: number) => `/reports/board?year=2025&month=${m}`,
        label: '选择月份',
        optionLabel: (m: number) => `${m}月`,
      }),
    );
    expect(count(html, /<a /)).toBe(11);
    expect(count(html, /aria-current="page"/)).toBe(1);
    const current = /<a [^>]*aria-current="page"[^>]*>([^<]*)<\/a>/.exec(html);
    expect(current?.[1]).toBe('10月');
    expect(current?.[0]).toContain('href="/reports/board?year=2025&amp;month=10"');
    expect(html).toMatch(/^<nav aria-label="选择月份"/);
  });
});

describe('the review queue as the shared table', () => {
  const report = (
    id: number,
    name: string,
    status: ReviewQueueRow['status'],
    flags: ReviewQueueRow['flags'],
  ): ReviewQueueRow => ({
    reportId: id,
    version: 1,
    status,
    projectId: id,
    code: `P${id}`,
    name,
    departmentName: '区交通局',
    stage: 'ONGOING',
    invested: '1250.50',
    previousInvested: null,
    annualPlan: '10000.00',
    ytd: '5000.00',
    ratePercent: '50',
    flags,
    explanation: '',
    progressText: '主体施工',
    previousProgressText: null,
    problems: '',
    coordinationNeeded: '',
    reviewComment: null,
    submittedAt: null,
    revisions: 0,
    raisedProblems: [],
  });
  const queue = [
    report(1, '甲项目', 'SUBMITTED', ['ytdAbovePlan']),
    report(2, '乙项目', 'SUBMITTED', []),
    report(3, '丙项目', 'APPROVED', []),
  ];
  const renderQueue = (props: Partial<ReviewTableProps>) =>
    render(
      h(NextIntlClientProvider, {
        locale: 'zh-CN',
        messages: zhCN,
        timeZone: 'Asia/Shanghai',
        children: h(ReviewTable, {
          rows: queue,
          canReview: true,
          selected: new Set<number>(),
          busy: false,
          onToggle: () => {},
          onSelectAll: () => {},
          onApprove: () => {},
          onReturn: () => {},
          ...props,
        }),
      }),
    );

  it('keeps the server’s order, flagged reports highlighted, each amount under its test id', () => {
    const html = renderQueue({});
    const order = [...html.matchAll(/data-testid="review-row" data-project="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['甲项目', '乙项目', '丙项目']);
    expect(html).toMatch(/<tr class="[^"]*bg-amber-50\/40[^"]*" data-testid="review-row" data-project="甲项目"/);
    expect(html).not.toMatch(/<tr class="[^"]*bg-amber-50\/40[^"]*" data-testid="review-row" data-project="乙项目"/);
    expect(count(html, /data-testid="review-invested">1,250.50</)).toBe(3);
    expect(html).toMatch(/data-flag="ytdAbovePlan"/);
  });

  it('offers a tick box and the two actions on submitted reports only, and a select-all box that reflects the ticks', () => {
    const none = renderQueue({});
    expect(count(none, /data-testid="review-select"/)).toBe(2);
    expect(count(none, /data-testid="review-approve"/)).toBe(2);
    const selectAll = (html: string) => /<input [^>]*data-testid="review-select-all"[^>]*>/.exec(html)?.[0];
    expect(selectAll(none)).toBeDefined();
    expect(selectAll(none)).not.toContain('checked');
    expect(selectAll(renderQueue({ selected: new Set([1]) }))).not.toContain('checked');
    expect(selectAll(renderQueue({ selected: new Set([1, 2]) }))).toContain('checked=""');
  });

  it('offers nothing to act on to a reader who may not review, and says when the queue is empty', () => {
    const readOnly = renderQueue({ canReview: false });
    expect(readOnly).not.toContain('review-select');
    expect(readOnly).not.toContain('review-approve');
    expect(renderQueue({ rows: [] })).toContain('data-testid="review-empty"');
  });

  describe('the one click 转为协调问题 (the bureau)', () => {
    const withTexts = [
      { ...report(1, '甲项目', 'SUBMITTED', []), coordinationNeeded: '需区规划自然资源局协调用地预审' },
      { ...report(2, '乙项目', 'APPROVED', []), coordinationNeeded: '管线迁改需协调', problems: '征地滞后' },
      report(3, '丙项目', 'SUBMITTED', []),
      {
        ...report(4, '丁项目', 'SUBMITTED', []),
        coordinationNeeded: '已转过的事项',
        raisedProblems: [{ field: 'COORDINATION' as const, number: '渝中协〔2025〕27号', slug: '2025-27' }],
      },
    ];
    const buttons = (html: string) =>
      [...html.matchAll(/<button[^>]*data-testid="review-raise-button" data-field="(\w+)"[^>]*>([^<]+)</g)].map(
        (m) => `${m[1]}:${m[2]}`,
      );

    it('offers a button per report text, whatever the report’s status, and none on a report without one', () => {
      const html = renderQueue({ rows: withTexts, canRaise: true });
      expect(buttons(html)).toEqual([
        'COORDINATION:转为协调问题',
        'COORDINATION:需协调事项转为问题',
        'PROBLEMS:存在问题转为问题',
      ]);
      expect(html).toContain('需协调：需区规划自然资源局协调用地预审');
    });

    it('links a text already raised to its problem instead of offering the button again', () => {
      const html = renderQueue({ rows: withTexts, canRaise: true });
      const link = /<a [^>]*data-testid="review-raised-problem"[^>]*>([^<]+)</.exec(html);
      expect(link?.[0]).toContain('href="/problems/2025-27"');
      expect(link?.[1]).toBe('已转为问题 渝中协〔2025〕27号');
      expect(count(html, /data-testid="review-raised-problem"/)).toBe(1);
    });

    it('offers nothing to a reviewer who may not manage problems', () => {
      const html = renderQueue({ rows: withTexts });
      expect(html).not.toContain('review-raise-button');
      expect(html).not.toContain('review-raised-problem');
    });
  });
});
