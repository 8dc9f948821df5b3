/**
 * The 调度表 of a month as the backfill reads it (lib/domain/dispatch-sheet): the layouts in circulation, with a
 * title, a unit line, two-level merged headers, 小计/合计 rows and footnotes.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deriveMonth, parseDispatchSheet, type ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet';
import { readWorkbook, type CellValue } from '@/lib/domain/project-sheet/read-grid';

const TITLE: CellValue[][] = [['2025年1-8月全区重点项目调度表'], ['单位：万元']];
/** Two header rows as SheetJS reads a merged header: the value in the first cell, blanks after. */
const MERGED_HEADER: CellValue[][] = [
  ['序号', '项目代码', '项目名称', '责任单位', '年度计划', '1-8月完成投资', null, '形象进度'],
  [null, null, null, null, null, '累计', '其中：8月', null],
];

const grid = (...rows: CellValue[][][]) => ({ rows: rows.flat() });
const keys = (sheet: ParsedDispatchSheet) => Object.fromEntries(sheet.columns.map((c) => [c.key, c.label]));

describe('header detection', () => {
  it('reads a two-level header whose upper cell is merged across, with blanks after its first cell', () => {
    const sheet = parseDispatchSheet(
      grid(TITLE, MERGED_HEADER, [[1, 'P-1', '甲项目', '区交通局', 1000, 600, 80, '主体施工']]),
    );
    expect(sheet.headerRow).toBe(3);
    expect(keys(sheet)).toMatchObject({
      code: '项目代码',
      name: '项目名称',
      annualPlan: '年度计划',
      cumulative: '1-8月完成投资 | 累计',
      thisMonth: '1-8月完成投资 | 其中:8月',
      progress: '形象进度',
    });
    expect(sheet.headerMonth).toBe(8);
    expect(sheet.titleYear).toBe(2025);
    expect(sheet.rows).toEqual([
      expect.objectContaining({ row: 5, code: 'P-1', cumulative: '600.00', thisMonth: '80.00', progress: '主体施工' }),
    ]);
    expect(sheet.issues).toEqual([]);
  });

  it('reads the same header when the merged value is repeated in every cell of the merge', () => {
    const repeated = MERGED_HEADER.map((r, i) => (i === 0 ? r.map((c, j) => (j === 6 ? '1-8月完成投资' : c)) : r));
    const sheet = parseDispatchSheet(grid(repeated, [[1, 'P-1', '甲项目', '区交通局', 1000, 600, 80, '']]));
    expect(keys(sheet).cumulative).toBe('1-8月完成投资 | 累计');
    expect(keys(sheet).thisMonth).toBe('1-8月完成投资 | 其中:8月');
  });

  it('reads a one-row header with 本月 only, and one with 1-N月累计 only', () => {
    const thisMonth = parseDispatchSheet(grid([['项目名称', '本月完成投资']], [['甲项目', '12.5']]));
    expect(thisMonth.rows[0]).toMatchObject({ name: '甲项目', thisMonth: '12.50', cumulative: null });
    expect(thisMonth.headerMonth).toBeNull();
    const ytd = parseDispatchSheet(grid([['项目名称', '1－9月累计完成投资（万元）']], [['甲项目', 300]]));
    expect(ytd.rows[0]).toMatchObject({ cumulative: '300.00', thisMonth: null });
    expect(ytd.headerMonth).toBe(9);
  });

  it('does not take 开工以来累计 or 年度计划完成率 for the year-to-date figure', () => {
    const sheet = parseDispatchSheet(
      grid([['项目名称', '开工以来累计完成投资', '年度计划完成率', '8月完成投资']], [['甲项目', 9000, 0.5, 10]]),
    );
    expect(keys(sheet)).toEqual({ name: '项目名称', thisMonth: '8月完成投资' });
  });

  it('refuses a sheet without a figure column, one in 亿元, and one whose headers name two months', () => {
    expect(parseDispatchSheet(grid([['项目名称', '形象进度']])).issues[0]?.message).toBe('noFigureColumn');
    const yi = parseDispatchSheet(grid([['单位：亿元']], [['项目名称', '本月完成投资']]));
    expect(yi.issues).toEqual([{ row: 0, column: '', message: 'unitNotWan', params: { unit: '亿元' } }]);
    const two = parseDispatchSheet(grid([['项目名称', '1-8月累计', '其中：9月']]));
    expect(two.issues[0]?.message).toBe('headerMonthsDisagree');
    expect(parseDispatchSheet(grid([['随便什么']])).issues[0]?.message).toBe('noHeader');
  });
});

describe('subtotal, total, heading and footnote rows', () => {
  const body: CellValue[][] = [
    [null, null, '合计', null, 3000, 1500, 230, null],
    ['一', null, '区住房城乡建委', null, null, null, null, null],
    [1, 'P-1', '甲项目', '区住房城乡建委', 1000, 600, 80, '主体施工'],
    [2, 'P-2', '乙项目', '区住房城乡建委', 500, 300, 50, ''],
    [null, null, '区住房城乡建委小计', null, 1500, 900, 130, null],
    ['（二）', null, '区交通局', null, 1500, 600, 100, null],
    [3, 'P-3', '丙项目', '区交通局', 1500, 600, 100, ''],
    ['小计', null, null, null, 1500, 600, 100, null],
    [],
    ['注：1.本表数据截至8月31日。', null, null, null, null, null, null, null],
    ['填报人：张三', null, null, null, '审核人：李四', null, null, null],
    [null, '2. 以上数据未经统计局核定', null, null, null, null, null, null],
  ];

  it('skips each of them, names what it recognised, and keeps the projects only', () => {
    const sheet = parseDispatchSheet(grid(TITLE, MERGED_HEADER, body));
    expect(sheet.rows.map((r) => r.code)).toEqual(['P-1', 'P-2', 'P-3']);
    expect(sheet.skipped.map((s) => [s.kind, s.text])).toEqual([
      ['total', '合计'],
      ['heading', '区住房城乡建委'],
      ['subtotal', '区住房城乡建委小计'],
      ['heading', '区交通局'],
      ['subtotal', '小计'],
      ['footnote', '注：1.本表数据截至8月31日。'],
      ['footnote', '填报人：张三'],
      ['footnote', '2. 以上数据未经统计局核定'],
    ]);
    expect(sheet.totals).toEqual([{ row: 5, checked: 3, mismatches: [] }]);
    expect(sheet.issues).toEqual([]);
  });

  it('reports a 合计 that is not the exact sum of the rows: the column, the file figure and the sum', () => {
    const wrong = body.map((r) => (r[2] === '合计' ? [null, null, '合计', null, 3000, 1500.01, 230.1, null] : r));
    const sheet = parseDispatchSheet(grid(TITLE, MERGED_HEADER, wrong));
    expect(sheet.issues).toEqual([
      { row: 5, column: '1-8月完成投资 | 累计', message: 'totalMismatch', params: { file: '1500.01', sum: '1500.00' } },
      {
        row: 5,
        column: '1-8月完成投资 | 其中:8月',
        message: 'totalMismatch',
        params: { file: '230.10', sum: '230.00' },
      },
    ]);
  });

  it('sums exactly: a 合计 of float-looking cells (0.1 + 0.2) matches', () => {
    const sheet = parseDispatchSheet(
      grid(
        [['项目代码', '项目名称', '本月完成投资']],
        [
          ['A', '甲', 0.1],
          ['B', '乙', 0.2],
          ['总计', null, 0.1 + 0.2],
        ],
      ),
    );
    expect(sheet.totals[0]?.mismatches).toEqual([]);
  });

  it('reports a cell that is not an amount by row and column, and reads a dash as blank', () => {
    const sheet = parseDispatchSheet(
      grid(
        [['项目代码', '项目名称', '本月完成投资', '1-8月累计']],
        [
          ['A', '甲', '十万', '—'],
          ['B', '乙', '-3', 10],
        ],
      ),
    );
    expect(sheet.issues).toEqual([
      { row: 2, column: '本月完成投资', message: 'amountInvalid', params: { value: '十万' } },
      { row: 3, column: '本月完成投资', message: 'amountNegative', params: { value: '-3' } },
    ]);
    expect(sheet.rows[0]?.cumulative).toBeNull();
  });
});

describe('a merged-header .xlsx as Excel saves it', () => {
  it('reads through SheetJS with the merges and the subtotal', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调度表');
    ws.addRow(['2025年1-8月重点项目调度表']);
    ws.mergeCells('A1:H1');
    ws.addRow(['单位：万元']);
    ws.addRow(['序号', '项目代码', '项目名称', '责任单位', '年度计划', '1-8月完成投资', '', '形象进度']);
    ws.addRow(['', '', '', '', '', '累计', '其中：8月', '']);
    for (const col of ['A', 'B', 'C', 'D', 'E', 'H']) ws.mergeCells(`${col}3:${col}4`);
    ws.mergeCells('F3:G3');
    ws.addRow([1, 'P-1', '甲项目', '区交通局', 1000, 600, 80, '']);
    ws.addRow(['', '', '区交通局小计', '', 1000, 600, 80, '']);
    ws.addRow(['', '', '合计', '', 1000, 600, 80, '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = parseDispatchSheet(readWorkbook(bytes));
    expect(sheet.issues).toEqual([]);
    expect(sheet.rows).toEqual([expect.objectContaining({ code: 'P-1', cumulative: '600.00', thisMonth: '80.00' })]);
    expect(sheet.skipped.map((s) => s.kind)).toEqual(['subtotal', 'total']);
  });
});

describe('deriving 本月 and 1-N月累计 from the previous approved month', () => {
  const prior = { previousApproved: true, cumulativeBefore: '500.00' };

  it('derives the cumulative from 本月, and 本月 from the cumulative', () => {
    expect(deriveMonth(8, { thisMonth: '80.00', cumulative: null }, prior)).toEqual({
      ok: true,
      thisMonth: '80.00',
      cumulative: '580.00',
    });
    expect(deriveMonth(8, { thisMonth: null, cumulative: '580.50' }, prior)).toEqual({
      ok: true,
      thisMonth: '80.50',
      cumulative: '580.50',
    });
  });

  it('accepts both when they agree with the previous month, refuses them when they do not', () => {
    expect(deriveMonth(8, { thisMonth: '80.00', cumulative: '580.00' }, prior).ok).toBe(true);
    expect(deriveMonth(8, { thisMonth: '80.00', cumulative: '600.00' }, prior)).toMatchObject({
      ok: false,
      issue: 'figuresDisagree',
      params: { expected: '580.00' },
    });
  });

  it('refuses a cumulative below the previous month, and accepts one equal to it (nothing this month)', () => {
    expect(deriveMonth(8, { thisMonth: null, cumulative: '499.99' }, prior)).toMatchObject({
      ok: false,
      issue: 'cumulativeBelowPrevious',
      params: { cumulative: '499.99', previous: '500.00' },
    });
    expect(deriveMonth(8, { thisMonth: null, cumulative: '500.00' }, prior)).toMatchObject({ thisMonth: '0.00' });
  });

  it('refuses a month whose previous month is not approved, naming it; January needs none', () => {
    const none = { previousApproved: false, cumulativeBefore: '0' };
    expect(deriveMonth(8, { thisMonth: '1', cumulative: null }, none)).toEqual({
      ok: false,
      issue: 'previousMonthMissing',
      params: { month: 7 },
    });
    expect(deriveMonth(1, { thisMonth: null, cumulative: '40.00' }, none)).toMatchObject({ thisMonth: '40.00' });
  });

  it('refuses a row with neither figure', () => {
    expect(deriveMonth(8, { thisMonth: null, cumulative: null }, prior)).toMatchObject({ issue: 'noFigure' });
  });
});
