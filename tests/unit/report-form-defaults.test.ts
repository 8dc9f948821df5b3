import { describe, expect, it } from 'vitest';
import {
  reportFormDefaults,
  withMilestoneReached,
  type ReportDraftSource,
  type StoredReportFields,
} from '@/components/reports/draft/report-draft-values';
import { ZSaveReportDraft } from '@/lib/validations/report';

const stored: StoredReportFields = {
  version: 3,
  investedThisMonth: '1234.50',
  progressText: '主体结构封顶',
  problems: '征地滞后',
  coordinationNeeded: '请区规划局协调',
  nextSteps: '装饰装修',
  explanation: '',
  percentComplete: '65.00',
  actualStart: '2025-03-01',
  actualCompletion: null,
  blockers: '',
  readyToStart: null,
  milestoneUpdates: [],
};

const source = (over: Partial<ReportDraftSource> = {}): ReportDraftSource => ({
  projectPlanId: 7,
  month: 11,
  stage: 'ONGOING',
  projectActualStart: null,
  projectActualCompletion: null,
  report: null,
  start: { kind: 'blank' },
  ...over,
});

const lastMonth = { progressText: '主体结构施工至18层', percentComplete: '60.00' };

describe('reportFormDefaults', () => {
  it('starts a month nobody has started blank on the project page', () => {
    expect(reportFormDefaults(source())).toEqual({
      projectPlanId: 7,
      month: 11,
      version: 0,
      investedThisMonth: '',
      progressText: '',
      percentComplete: '',
      actualStart: '',
      actualCompletion: '',
      problems: '',
      coordinationNeeded: '',
      nextSteps: '',
      explanation: '',
      blockers: '',
      readyToStart: '',
      milestoneUpdates: [],
    });
  });

  it('carries last month’s 形象进度 and percent complete into a new month of batch entry, nothing else', () => {
    const values = reportFormDefaults(source({ start: { kind: 'carryOver', previous: lastMonth } }));
    expect(values.progressText).toBe('主体结构施工至18层');
    expect(values.percentComplete).toBe('60.00');
    expect(values.investedThisMonth).toBe('');
    expect(values.problems).toBe('');
    expect(values.nextSteps).toBe('');
    expect(values.explanation).toBe('');
  });

  it('starts a 前期 project’s amount at 0 in batch entry only (it invests nothing yet)', () => {
    expect(
      reportFormDefaults(source({ stage: 'PRELIMINARY', start: { kind: 'carryOver', previous: null } }))
        .investedThisMonth,
    ).toBe('0');
    expect(reportFormDefaults(source({ stage: 'PRELIMINARY' })).investedThisMonth).toBe('');
    expect(
      reportFormDefaults(source({ stage: 'NEW_START', start: { kind: 'carryOver', previous: null } }))
        .investedThisMonth,
    ).toBe('');
  });

  it('shows a stored report as stored, whatever last month said', () => {
    const values = reportFormDefaults(source({ report: stored, start: { kind: 'carryOver', previous: lastMonth } }));
    expect(values).toMatchObject({
      version: 3,
      investedThisMonth: '1234.50',
      progressText: '主体结构封顶',
      percentComplete: '65.00',
      problems: '征地滞后',
      coordinationNeeded: '请区规划局协调',
      nextSteps: '装饰装修',
      actualStart: '2025-03-01',
    });
  });

  it('keeps a stored empty 形象进度 empty rather than refilling it from last month', () => {
    const values = reportFormDefaults(
      source({ report: { ...stored, progressText: '' }, start: { kind: 'carryOver', previous: lastMonth } }),
    );
    expect(values.progressText).toBe('');
  });

  it('shows the project’s recorded dates until the report has its own', () => {
    const project = { projectActualStart: '2025-02-10', projectActualCompletion: '2025-10-31' };
    expect(reportFormDefaults(source(project))).toMatchObject({
      actualStart: '2025-02-10',
      actualCompletion: '2025-10-31',
    });
    expect(reportFormDefaults(source({ ...project, report: stored }))).toMatchObject({
      actualStart: '2025-03-01',
      actualCompletion: '2025-10-31',
    });
  });

  it('puts readiness in the select’s words: "true", "false", or "" for not said', () => {
    expect(reportFormDefaults(source({ report: { ...stored, readyToStart: true } })).readyToStart).toBe('true');
    expect(reportFormDefaults(source({ report: { ...stored, readyToStart: false } })).readyToStart).toBe('false');
    expect(reportFormDefaults(source({ report: { ...stored, readyToStart: null } })).readyToStart).toBe('');
  });

  it('gives values the action’s own schema takes as they are, for a stored report and a new month alike', () => {
    const reached = [{ kind: 'LAND' as const, date: '2025-11-03' }];
    const cases = [
      source({ report: { ...stored, milestoneUpdates: reached }, stage: 'PRELIMINARY' }),
      source({ stage: 'PRELIMINARY', start: { kind: 'carryOver', previous: lastMonth } }),
    ];
    for (const c of cases) expect(ZSaveReportDraft.safeParse(reportFormDefaults(c)).success).toBe(true);
  });
});

describe('withMilestoneReached', () => {
  const updates = [
    { kind: 'APPROVAL' as const, date: '2025-11-02' },
    { kind: 'LAND' as const, date: '2025-11-05' },
  ];

  it('adds a milestone reached this month', () => {
    expect(withMilestoneReached([], 'PLANNING_PERMIT', '2025-11-20')).toEqual([
      { kind: 'PLANNING_PERMIT', date: '2025-11-20' },
    ]);
  });

  it('replaces the date of one already given, keeping one entry per kind', () => {
    expect(withMilestoneReached(updates, 'LAND', '2025-11-09')).toEqual([
      { kind: 'APPROVAL', date: '2025-11-02' },
      { kind: 'LAND', date: '2025-11-09' },
    ]);
  });

  it('removes it when its date is cleared', () => {
    expect(withMilestoneReached(updates, 'APPROVAL', '')).toEqual([{ kind: 'LAND', date: '2025-11-05' }]);
  });

  it('leaves the list it was given alone', () => {
    withMilestoneReached(updates, 'LAND', '');
    expect(updates).toHaveLength(2);
  });
});
