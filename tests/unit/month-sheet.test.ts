import { describe, expect, it } from 'vitest';
import { identityText, MONTH_SHEET_COLUMN_INDEX, parseIdentity } from '@/lib/domain/month-sheet/columns';
import { parseMonthSheet } from '@/lib/domain/month-sheet/parse';
import { readGrid } from '@/lib/domain/project-sheet/read-grid';
import type { BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { writeMonthSheet } from '@/lib/server/reports/get-month-sheet';

function row(over: Partial<BatchEntryRow> & Pick<BatchEntryRow, 'planId' | 'code'>): BatchEntryRow {
  return {
    projectId: over.planId,
    name: `项目${over.code}`,
    stage: 'ONGOING',
    annualPlan: '1200.00',
    totalInvestment: '50000.00',
    priorYtd: '900.00',
    projectActualStart: '2024-03-01',
    projectActualCompletion: null,
    report: null,
    previous: null,
    milestones: [],
    openProblems: 0,
    ...over,
  };
}

const DRAFT = {
  id: 7,
  version: 3,
  status: 'DRAFT' as const,
  investedThisMonth: '123.45',
  progressText: '主体结构施工',
  percentComplete: '45.50',
  actualStart: '2024-03-01',
  actualCompletion: null,
  problems: '征地拆迁',
  coordinationNeeded: '请区规划自然资源局协调',
  nextSteps: '完成封顶',
  explanation: '',
  blockers: '',
  readyToStart: null,
  milestoneUpdates: [],
  flags: [],
  reviewComment: null,
};

async function roundTrip(rows: BatchEntryRow[]) {
  const buffer = await writeMonthSheet({
    year: 2025,
    month: 10,
    departmentId: 12,
    departmentName: '区住房城乡建委',
    rows,
    approvedBefore: new Map([[1, '800.00']]),
  });
  return parseMonthSheet(readGrid(new Uint8Array(buffer), 'xlsx'));
}

describe('the month sheet layout', () => {
  it('reads back what it wrote: a saved draft, with its version and the file identity', async () => {
    const parsed = await roundTrip([row({ planId: 1, code: 'YZ-001', report: DRAFT })]);
    expect(parsed.identity).toEqual({ year: 2025, month: 10, departmentId: 12 });
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries).toEqual([
      {
        row: 4,
        code: 'YZ-001',
        version: 3,
        fields: {
          investedThisMonth: '123.45',
          progressText: '主体结构施工',
          percentComplete: '45.5',
          actualStart: '2024-03-01',
          actualCompletion: '',
          problems: '征地拆迁',
          coordinationNeeded: '请区规划自然资源局协调',
          nextSteps: '完成封顶',
          explanation: '',
          blockers: '',
          readyToStart: '',
          milestones: {},
        },
      },
    ]);
  });

  it('starts a month nobody has entered from last month’s 形象进度 and %, with the amount blank', async () => {
    const parsed = await roundTrip([
      row({
        planId: 2,
        code: 'YZ-002',
        previous: { progressText: '基础施工', nextSteps: 'x', percentComplete: '20.00' },
      }),
    ]);
    expect(parsed.entries[0]).toMatchObject({
      code: 'YZ-002',
      version: 0,
      fields: { investedThisMonth: '', progressText: '基础施工', percentComplete: '20', actualStart: '2024-03-01' },
    });
  });

  it('reads a 前期 row’s milestones reached this month and 是否具备开工条件, not the ones already done', async () => {
    const parsed = await roundTrip([
      row({
        planId: 3,
        code: 'YZ-003',
        stage: 'PRELIMINARY',
        annualPlan: null,
        milestones: [{ kind: 'APPROVAL', status: 'DONE', actualDate: '2025-01-10' }],
        report: {
          ...DRAFT,
          investedThisMonth: '0.00',
          readyToStart: false,
          blockers: '用地未落实',
          milestoneUpdates: [{ kind: 'LAND', date: '2025-10-08' }],
        },
      }),
    ]);
    expect(parsed.entries[0]?.fields).toMatchObject({
      investedThisMonth: '0',
      blockers: '用地未落实',
      readyToStart: 'false',
      milestones: { APPROVAL: '2025-01-10', LAND: '2025-10-08' },
    });
  });

  it('reads the same sheet saved as CSV (the identity and versions travel in the hidden column)', async () => {
    const buffer = await writeMonthSheet({
      year: 2025,
      month: 10,
      departmentId: 12,
      departmentName: '区住房城乡建委',
      rows: [row({ planId: 1, code: 'YZ-001', report: DRAFT })],
      approvedBefore: new Map(),
    });
    const grid = readGrid(new Uint8Array(buffer), 'xlsx');
    // as WPS saves it: dates as the text the cell shows
    const start = MONTH_SHEET_COLUMN_INDEX.actualStart;
    const shown = grid.rows.map((cells, r) =>
      cells.map((c, i) => (r >= 3 && i === start && typeof c === 'number' ? '2024-03-01' : c)),
    );
    const csv = shown.map((cells) => cells.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');
    const fromCsv = parseMonthSheet(readGrid(new TextEncoder().encode(csv), 'csv'));
    expect(fromCsv.identity).toEqual({ year: 2025, month: 10, departmentId: 12 });
    expect(fromCsv.entries[0]).toMatchObject({ code: 'YZ-001', version: 3, fields: { investedThisMonth: '123.45' } });
  });
});

describe('the identity cell', () => {
  it('names the plan year, month and department', () => {
    const text = identityText({ year: 2025, month: 3, departmentId: 4 });
    expect(parseIdentity(text)).toEqual({ year: 2025, month: 3, departmentId: 4 });
  });
  it('refuses a month that does not exist and any other text', () => {
    expect(parseIdentity('keystone-month-sheet:v1:2025:13:4')).toBeNull();
    expect(parseIdentity('渝中区2025年10月')).toBeNull();
  });
});

describe('reading rows', () => {
  const header = [
    '项目代码',
    '本月完成投资',
    '形象进度',
    '完成%',
    '实际开工',
    '实际竣工',
    '存在问题',
    '需协调事项',
    '下步计划',
    '情况说明',
    '立项/可研批复完成日期',
    '用地完成日期',
    '规划许可完成日期',
    '环评完成日期',
    '施工许可完成日期',
    '制约问题',
    '具备开工条件',
    '版本（勿改）',
  ];
  const line = (code: string, over: Record<number, string> = {}) =>
    header.map((_, i) => over[i] ?? (i === 0 ? code : i === 1 ? '10' : ''));

  it('skips blank rows and reports a repeated code, a bad date and a bad choice by row and column', () => {
    const parsed = parseMonthSheet({
      rows: [
        ['keystone-month-sheet:v1:2025:10:12'],
        header,
        line('A1'),
        [],
        line('A1'),
        line('A2', { 4: '2025-02-30' }),
        line('A3', { 16: '也许' }),
      ],
    });
    expect(parsed.entries.map((e) => e.code)).toEqual(['A1']);
    expect(parsed.issues).toEqual([
      { row: 5, column: '项目代码', key: 'monthSheet.errors.duplicateCode', params: { code: 'A1', first: 3 } },
      { row: 6, column: '实际开工', key: 'validation.reportDateInvalid' },
      { row: 7, column: '具备开工条件', key: 'monthSheet.errors.choiceInvalid', params: { choices: '是、否' } },
    ]);
  });

  it('names every input column missing from the header', () => {
    const parsed = parseMonthSheet({ rows: [header.filter((h) => h !== '下步计划' && h !== '版本（勿改）')] });
    expect(parsed.issues.map((i) => i.column)).toEqual(['下步计划', '版本（勿改）']);
  });

  it('finds no header in a sheet that is not a month sheet', () => {
    expect(parseMonthSheet({ rows: [['项目名称', '总投资']] }).issues).toEqual([
      { row: 0, column: '', key: 'monthSheet.errors.noHeader' },
    ]);
  });
});
