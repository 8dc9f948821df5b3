/**
 * Reading project sheets as the bureau's files really are: a merged title above the header, Chinese headers with
 * their variants, GBK CSVs from Excel on Windows, and every problem reported by row, column and message.
 */
import ExcelJS from 'exceljs';
// a transitive dependency, used only to produce the GBK bytes Excel on a Chinese Windows writes
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  detectHeader,
  matchHeader,
  parseProjectSheet,
  parseSheetDate,
  readGrid,
  type CellValue,
} from '@/lib/domain/project-sheet';

const HEADER = [
  '序号',
  '项目代码',
  '项目名称',
  '责任单位',
  '项目类别',
  '投资主体',
  '投资方向',
  '总投资（万元）',
  '年度计划投资（万元）',
];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function split(total: string): string[] {
  // the whole plan in December, the rest zero: sums exactly
  return [...Array.from({ length: 11 }, () => '0'), total];
}

async function xlsxWithTitle(rows: CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.mergeCells('A1:U1');
  ws.getCell('A1').value = '渝中区2025年重点项目推进情况表（截至10月）';
  ws.mergeCells('A2:U2');
  ws.getCell('A2').value = '单位：万元';
  ws.addRow([...HEADER, ...MONTHS]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('header detection', () => {
  it('finds the header under merged title rows and reads the rows below it by spreadsheet row number', async () => {
    const bytes = await xlsxWithTitle([
      ['一、新开工项目（2个）'],
      [
        1,
        'T-001',
        '测试项目甲',
        '区住房城乡建委',
        '新开工',
        '区级',
        '基础设施',
        1000.5,
        600,
        ...split('600').map(Number),
      ],
      [2, 'T-002', '测试项目乙', '区交通局', '前期', '市级', '公共服务设施', '2,000.00', null],
      [null, null, '合计', null, null, null, null, 3000.5, 600],
    ]);
    const grid = readGrid(bytes, 'xlsx');
    expect(detectHeader(grid)?.row).toBe(3);
    const sheet = parseProjectSheet(grid);
    expect(sheet.issues).toEqual([]);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows.map((r) => [r.row, r.code, r.totalInvestment, r.annualPlan, r.stage])).toEqual([
      [5, 'T-001', '1000.50', '600.00', 'NEW_START'],
      [6, 'T-002', '2000.00', null, 'PRELIMINARY'],
    ]);
    expect(sheet.rows[0]!.monthlyPlan).toEqual([...Array.from({ length: 11 }, () => '0.00'), '600.00']);
  });

  it('reads a two-row header with the months under a merged 分月计划 cell', () => {
    const grid = {
      rows: [
        ['重点项目调度表'],
        [...HEADER, '分月计划', ...Array.from({ length: 11 }, () => null)],
        [...Array.from({ length: HEADER.length }, () => null), ...MONTHS],
        [1, 'T-1', '甲', '区教委', '续建', '社会', '房地产', '500', '120', ...Array.from({ length: 12 }, () => '10')],
      ],
    };
    const sheet = parseProjectSheet(grid);
    expect(sheet.issues).toEqual([]);
    expect(sheet.rows[0]).toMatchObject({
      row: 4,
      annualPlan: '120.00',
      stage: 'ONGOING',
      investorType: 'SOCIAL',
      direction: 'REAL_ESTATE',
    });
  });

  it('recognises the headers real files use', () => {
    expect(matchHeader('项目\n编码')).toEqual({ kind: 'column', key: 'code' });
    expect(matchHeader('建设内容及规模')).toEqual({ kind: 'column', key: 'scope' });
    expect(matchHeader('总投资(万元)')).toEqual({ kind: 'column', key: 'totalInvestment' });
    expect(matchHeader('2025年计划投资')).toEqual({ kind: 'column', key: 'annualPlan' });
    expect(matchHeader('1-10月累计完成投资')).toEqual({ kind: 'column', key: 'ytd' });
    expect(matchHeader('3月计划')).toEqual({ kind: 'month', month: 3 });
    // a header in 亿元 is not taken for 万元
    expect(matchHeader('总投资（亿元）')).toBeNull();
  });

  it('says so when no row looks like a header', () => {
    expect(parseProjectSheet({ rows: [['随便写点什么'], ['a', 'b']] }).issues).toEqual([
      { row: 0, column: '', message: 'noHeader' },
    ]);
  });

  it('names a missing required column at the header row', () => {
    const sheet = parseProjectSheet({
      rows: [[], ['项目代码', '项目名称', '责任单位', '项目类别', '投资主体', '总投资']],
    });
    expect(sheet.issues).toEqual([{ row: 2, column: '投资方向', message: 'missingColumn' }]);
  });
});

describe('CSV encodings', () => {
  const csv = `${HEADER.join(',')}\r\n1,T-9,"山城巷二期，提升",区文化旅游委,前期,区级,公共服务设施,"1,234.56",\r\n`;

  it('reads a GBK CSV saved by Excel', () => {
    const sheet = parseProjectSheet(readGrid(new Uint8Array(iconv.encode(csv, 'gbk')), 'csv'));
    expect(sheet.issues).toEqual([]);
    expect(sheet.rows[0]).toMatchObject({
      name: '山城巷二期，提升',
      department: '区文化旅游委',
      totalInvestment: '1234.56',
    });
  });

  it('reads UTF-8 with and without a BOM', () => {
    for (const text of [csv, `\uFEFF${csv}`]) {
      const sheet = parseProjectSheet(readGrid(new TextEncoder().encode(text), 'csv'));
      expect(sheet.rows[0]?.code).toBe('T-9');
    }
  });
});

describe('row problems, by row and column', () => {
  it('reports every problem of every row and keeps the good rows', () => {
    const rows: CellValue[][] = [
      [...HEADER, ...MONTHS, '计划开工时间', '计划竣工时间'],
      [
        1,
        'A-1',
        '好项目',
        '区教委',
        '新开工',
        '区级',
        '基础设施',
        '１，０００.００',
        '100',
        ...split('100'),
        '2025-03-01',
        '2026/12/31',
      ],
      [2, 'A-2', '', '区教委', '开工', '省级', '基础设施', '12,34', '100', ...split('90'), '2025-13-01', ''],
      [3, 'A-1', '重复', '区教委', '前期', '区级', '基础设施', '-5', '10', ...MONTHS.map(() => ''), '', ''],
      [
        4,
        'A-4',
        '超计划',
        '区教委',
        '续建',
        '区级',
        '房地产',
        '100',
        '100.001',
        ...split('100'),
        '2026-01-01',
        '2025-01-01',
      ],
      [5, 'A-5', '无计划', '区教委', '完工', '区级', '房地产', '100', '', ...MONTHS.map(() => ''), '', ''],
    ];
    const sheet = parseProjectSheet({ rows });
    expect(sheet.rows.map((r) => r.code)).toEqual(['A-1']);
    expect(sheet.rows[0]).toMatchObject({
      totalInvestment: '1000.00',
      plannedStart: '2025-03-01',
      plannedCompletion: '2026-12-31',
    });
    const at = (row: number) => sheet.issues.filter((i) => i.row === row).map((i) => `${i.column}:${i.message}`);
    expect(at(3)).toEqual([
      '项目名称:required',
      '项目类别:stageInvalid',
      '投资主体:investorInvalid',
      '总投资:amountInvalid',
      '计划开工时间:dateInvalid',
      '年度计划投资:monthlyPlanMismatch',
    ]);
    expect(at(4)).toEqual(['项目代码:duplicateCode', '总投资:amountNegative', '年度计划投资:preliminaryHasPlan']);
    expect(at(5)).toEqual(['年度计划投资:amountTooManyDecimals', '计划竣工时间:datesOutOfOrder']);
    expect(at(6)).toEqual(['年度计划投资:annualPlanRequired']);
    expect(sheet.issues.find((i) => i.row === 4 && i.message === 'duplicateCode')?.params).toEqual({
      value: 'A-1',
      row: '2',
    });
  });

  it('checks the monthly split against the annual plan and the plan against total investment', () => {
    const rows: CellValue[][] = [
      [...HEADER, '截至上年底累计完成投资', ...MONTHS],
      [1, 'B-1', '分月不平', '区教委', '续建', '区级', '基础设施', '1000', '100', '0', ...split('90')],
      [2, 'B-2', '超总投资', '区教委', '续建', '区级', '基础设施', '1000', '300', '800', ...split('300')],
    ];
    const sheet = parseProjectSheet({ rows });
    expect(sheet.issues).toEqual([
      { row: 2, column: '年度计划投资', message: 'monthlyPlanMismatch', params: { sum: '90.00', plan: '100.00' } },
      { row: 3, column: '年度计划投资', message: 'planExceedsTotal', params: { room: '200.00' } },
    ]);
  });

  it('turns spreadsheet numbers into exact money text, as Excel shows them', () => {
    const sheet = parseProjectSheet({
      rows: [HEADER, [1, 'C-1', '浮点', '区教委', '前期', '区级', '基础设施', 0.1 + 0.2, null]],
    });
    expect(sheet.rows[0]?.totalInvestment).toBe('0.30');
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025年3月', '2025-03-01'],
    ['2025.3', '2025-03-01'],
    [45717, '2025-03-01'],
  ] as const)('%s → %s', (raw, iso) => {
    expect(parseSheetDate(raw)).toEqual({ ok: true, value: iso });
  });
  it('refuses impossible dates', () => {
    expect(parseSheetDate('2025-02-30')).toEqual({ ok: false });
  });
});
