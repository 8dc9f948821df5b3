import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ProjectForm, type ProjectFormDefaults } from '@/components/projects/project-form';
import { BatchRow } from '@/components/reports/batch/batch-row';
import { ReportForm, type ReportFormProject, type ReportFormReport } from '@/components/reports/report-form';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import zhCN from '@/messages/zh-CN.json';

// Rendering reads the router and imports the actions; nothing here submits.
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }) }));
vi.mock('@/lib/actions/reports', () => ({ saveReportDraft: vi.fn(), submitReport: vi.fn() }));
vi.mock('@/lib/actions/projects', () => ({ createProject: vi.fn(), updateProject: vi.fn() }));
vi.mock('@/lib/actions/account', () => ({ changeOwnPassword: vi.fn() }));

/**
 * The forms moved onto components/forms and split into parts, rendered to HTML as the server sends them: what a
 * reader and the e2e specs rely on must survive the split — every label bound to its control, the test ids, which
 * fields each stage shows, and what is derived from the values a month starts from. (react-hook-form fills its
 * registered inputs in the browser, so their values are proven in report-form-defaults.test.ts and the e2e specs.)
 */
const render = (element: ReactElement) =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, { locale: 'zh-CN', messages: zhCN, timeZone: 'Asia/Shanghai', children: element }),
  );

/** The opening tag of the element with this test id. */
const tag = (html: string, testId: string) => new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0];
const attr = (element: string | undefined, name: string) =>
  element && new RegExp(` ${name}="([^"]*)"`).exec(element)?.[1];

/** Every <label for> names an element that is there, and every control with a label has one. */
function expectLabelsBound(html: string) {
  const targets = [...html.matchAll(/<label [^>]*for="([^"]+)"/g)].map((m) => m[1]);
  expect(targets.length).toBeGreaterThan(0);
  for (const id of targets) expect(html, `#${id}`).toContain(` id="${id}"`);
}

describe('the report form on the project page', () => {
  const project = (stage: ReportFormProject['stage']): ReportFormProject => ({
    stage,
    actualStart: '2025-04-01',
    actualCompletion: null,
    milestones: [{ kind: 'APPROVAL', status: 'DONE', actualDate: '2025-02-03' }],
  });
  const stored: ReportFormReport = {
    id: 9,
    version: 3,
    investedThisMonth: '1234.50',
    progressText: '主体结构封顶',
    problems: '',
    coordinationNeeded: '',
    nextSteps: '',
    explanation: '',
    percentComplete: '65.00',
    actualStart: null,
    actualCompletion: null,
    blockers: '',
    readyToStart: null,
    milestoneUpdates: [{ kind: 'LAND', date: '2025-11-05' }],
  };
  const form = (stage: ReportFormProject['stage'], report: ReportFormReport | null) =>
    render(h(ReportForm, { projectPlanId: 4, month: 11, project: project(stage), report, canSubmit: true }));

  it('has the month’s figures and narrative under their test ids, says it is not saved yet, and binds every label', () => {
    const html = form('ONGOING', null);
    for (const id of [
      'report-invested',
      'report-percent',
      'report-progress',
      'report-problems',
      'report-coordination',
      'report-next-steps',
    ]) {
      expect(tag(html, id), id).toBeDefined();
    }
    expect(attr(tag(html, 'report-invested'), 'aria-describedby')).toBe('report-invested-hint');
    expect(html).toMatch(/data-testid="report-version">尚未保存</);
    expect(tag(html, 'report-submit')).toBeDefined();
    expect(html).not.toContain('report-preliminary');
    expectLabelsBound(html);
  });

  it('names the stored report’s version', () => {
    expect(form('ONGOING', stored)).toMatch(/data-testid="report-version">第3版</);
  });

  it('asks a new start for its start date and a completion for its completion date, and neither of the others', () => {
    const start = form('NEW_START', null);
    expect(tag(start, 'report-actual-start')).toBeDefined();
    expect(start).not.toContain('report-actual-completion');
    const completion = form('COMPLETION', null);
    expect(tag(completion, 'report-actual-completion')).toBeDefined();
    expect(completion).not.toContain('report-actual-start');
    const ongoing = form('ONGOING', null);
    expect(ongoing).not.toContain('report-actual-');
  });

  it('shows a 前期 project’s milestones: the done one with its date, the others as dates to fill, this month’s filled', () => {
    const html = form('PRELIMINARY', stored);
    expect(tag(html, 'report-preliminary')).toBeDefined();
    expect(html).not.toContain('report-milestone-APPROVAL');
    expect(html).toContain('✓ 2025-02-03');
    expect(attr(tag(html, 'report-milestone-LAND'), 'value')).toBe('2025-11-05');
    expect(attr(tag(html, 'report-milestone-EIA'), 'value')).toBe('');
    expect(tag(html, 'report-blockers')).toBeDefined();
    expect(tag(html, 'report-ready')).toBeDefined();
    expectLabelsBound(html);
  });
});

describe('a row of batch entry', () => {
  const row = (over: Partial<BatchEntryRow> = {}): BatchEntryRow => ({
    planId: 12,
    projectId: 5,
    code: 'YZ2025-0012',
    name: '甲项目',
    stage: 'ONGOING',
    annualPlan: '1200.00',
    totalInvestment: '50000.00',
    priorYtd: '900.00',
    projectActualStart: null,
    projectActualCompletion: null,
    report: null,
    previous: { progressText: '主体结构施工至18层', nextSteps: '继续施工', percentComplete: '60.00' },
    milestones: [],
    openProblems: 0,
    ...over,
  });
  const renderRow = (r: BatchEntryRow, selectable = true) =>
    render(
      h('table', {
        children: h(BatchRow, {
          row: r,
          index: 3,
          month: 11,
          writable: true,
          selectable,
          selected: false,
          onSelect: () => {},
          register: () => {},
          onSubmitOne: () => {},
        }),
      }),
    );

  it('has an input for each column, open to typing, and the year to date before anything is typed', () => {
    const html = renderRow(row());
    for (const col of ['invested', 'progress', 'percent', 'problems', 'coordination', 'nextSteps']) {
      expect(tag(html, `batch-${col}`), col).not.toContain(' disabled=""');
    }
    expect(html).not.toContain('batch-dates');
    expect(html).not.toContain('batch-preliminary');
    expect(tag(html, 'batch-select')).toBeDefined();
    expect(tag(html, 'batch-submit-one')).toBeDefined();
    expect(html).toMatch(/data-testid="batch-ytd">900.00</);
  });

  it('shows a project’s open problems as a badge linking to the ledger, and nothing without any', () => {
    expect(renderRow(row())).not.toContain('batch-open-problems');
    const badge = tag(renderRow(row({ openProblems: 3 })), 'batch-open-problems');
    expect(attr(badge, 'href')).toBe('/problems?project=5');
    expect(renderRow(row({ openProblems: 3 }))).toContain('3个未办结问题');
  });

  it('names each input by project and column, and places it for Enter to move down its column', () => {
    const invested = tag(renderRow(row()), 'batch-invested');
    expect(attr(invested, 'aria-label')).toBe('甲项目 本月完成投资（万元）');
    expect(attr(invested, 'data-row')).toBe('3');
    expect(attr(invested, 'data-col')).toBe('invested');
  });

  it('gives a 前期 project its milestone line; one already done shows its date instead of an input', () => {
    const html = renderRow(
      row({
        stage: 'PRELIMINARY',
        annualPlan: null,
        milestones: [{ kind: 'LAND', status: 'DONE', actualDate: '2025-06-30' }],
      }),
    );
    expect(tag(html, 'batch-preliminary')).toBeDefined();
    expect(html).not.toContain('batch-milestone-LAND');
    expect(html).toContain('✓ 2025-06-30');
    expect(tag(html, 'batch-milestone-EIA')).toBeDefined();
    expect(tag(html, 'batch-blockers')).toBeDefined();
    expect(tag(html, 'batch-ready')).toBeDefined();
  });

  it('asks a new start for its start date in the dates column', () => {
    const date = tag(renderRow(row({ stage: 'NEW_START' })), 'batch-dates');
    expect(attr(date, 'type')).toBe('date');
    expect(attr(date, 'name')).toBe('actualStart');
  });

  it('locks a submitted report: no input to type in, nothing to tick or submit', () => {
    const submitted = row({
      report: {
        id: 30,
        version: 2,
        status: 'SUBMITTED',
        investedThisMonth: '88.80',
        progressText: '完成',
        percentComplete: null,
        actualStart: null,
        actualCompletion: null,
        problems: '',
        coordinationNeeded: '',
        nextSteps: '',
        explanation: '',
        blockers: '',
        readyToStart: null,
        milestoneUpdates: [],
        flags: ['monthSpike'],
        reviewComment: null,
      },
    });
    const html = renderRow(submitted, false);
    for (const col of ['invested', 'progress', 'percent', 'problems', 'coordination', 'nextSteps']) {
      expect(tag(html, `batch-${col}`), col).toContain(' disabled=""');
    }
    expect(html).not.toContain('batch-select');
    expect(html).not.toContain('batch-submit-one');
    expect(tag(html, 'batch-flags')).toBeDefined();
    expect(html).toMatch(/data-testid="batch-ytd">988.80</);
  });
});

describe('the project form', () => {
  const defaults: ProjectFormDefaults = {
    code: 'YZ2025-0012',
    name: '甲项目',
    departmentId: 3,
    ownerUnit: '渝中城投',
    area: '解放碑',
    buildType: 'NEW',
    scope: '',
    totalInvestment: '50000.00',
    plannedStart: '',
    plannedCompletion: '',
    actualStart: '',
    actualCompletion: '',
    leaderInCharge: '',
    contactName: '',
    contactPhone: '',
    planYearId: 1,
    stage: 'ONGOING',
    investorType: 'DISTRICT',
    direction: 'INFRASTRUCTURE',
    cumulativeBeforeYear: '1000.00',
    annualPlan: '1200.00',
    monthly: Array.from({ length: 12 }, () => '100.00'),
    milestoneTarget: '',
  };
  const year = (status: 'ACTIVE' | 'DRAFT' | 'CLOSED') => ({ id: 1, year: 2025, status });
  const renderForm = (status: 'ACTIVE' | 'DRAFT' | 'CLOSED') =>
    render(
      h(ProjectForm, {
        projectId: 5,
        planVersion: 2,
        defaults,
        departments: [{ id: 3, name: '区住房城乡建委' }],
        years: [year(status)],
        fixedYear: year(status),
      }),
    );

  it('has every field under its test id, bound to its label, and the monthly split summed as it starts', () => {
    const html = renderForm('DRAFT');
    const text = [
      'code',
      'name',
      'ownerUnit',
      'area',
      'totalInvestment',
      'plannedStart',
      'plannedCompletion',
      'actualStart',
    ];
    const more = [
      'actualCompletion',
      'leaderInCharge',
      'contactName',
      'contactPhone',
      'cumulativeBeforeYear',
      'annualPlan',
    ];
    const choices = ['departmentId', 'buildType', 'stage', 'investorType', 'direction', 'scope', 'milestoneTarget'];
    for (const name of [...text, ...more, ...choices]) expect(attr(tag(html, `pf-${name}`), 'name'), name).toBe(name);
    expect(attr(tag(html, 'pf-plannedStart'), 'type')).toBe('date');
    expect(attr(tag(html, 'pf-annualPlan'), 'inputMode')).toBe('decimal');
    for (let month = 1; month <= 12; month++) {
      const input = tag(html, `pf-month-${month}`);
      expect(attr(input, 'name')).toBe(`monthly.${month - 1}`);
      expect(attr(input, 'aria-describedby')).toBe('pf-monthly-summary');
    }
    expect(html).toMatch(/data-testid="pf-split-summary">分月合计 1200.00 万元，与年度计划投资一致</);
    expectLabelsBound(html);
  });

  it('keeps the edited year fixed, and asks for a reason only once the year is under way', () => {
    const draft = renderForm('DRAFT');
    expect(draft).toMatch(/<input type="hidden" name="planYearId"/);
    expect(draft).not.toContain('pf-planYearId');
    expect(draft).not.toContain('pf-reason');
    expect(tag(renderForm('ACTIVE'), 'pf-reason')).toBeDefined();
  });

  it('shows a closed year’s plan without letting it change', () => {
    const html = renderForm('CLOSED');
    expect(tag(html, 'project-form-closed')).toBeDefined();
    expect(html).toMatch(/<fieldset class="[^"]*" disabled="">/);
  });
});

describe('the change-password form', () => {
  it('binds each password to its label, and the new one to the policy', () => {
    const html = render(h(ChangePasswordForm));
    expectLabelsBound(html);
    for (const id of ['currentPassword', 'newPassword', 'confirmPassword']) {
      expect(html).toMatch(new RegExp(`<input type="password" [^>]*id="${id}"`));
    }
    expect(html).toMatch(/<input [^>]*id="newPassword" aria-describedby="newPassword-hint"/);
    expect(html).toContain('id="newPassword-hint"');
  });
});
