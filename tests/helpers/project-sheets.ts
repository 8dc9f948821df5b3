/**
 * Spreadsheets of projects for the import stories (tests/integration/project-import*.test.ts): rows described by
 * what differs from a valid 新开工 row, written as the bureau's 调度表 (title and unit rows above the header).
 */
import ExcelJS from 'exceljs';
import type { Db } from '@/lib/prisma';

export const HEADER = [
  '序号',
  '项目代码',
  '项目名称',
  '责任单位',
  '项目类别',
  '投资主体',
  '投资方向',
  '建设性质',
  '总投资',
  '截至上年底累计完成投资',
  '年度计划投资',
];
export const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

export interface Line {
  code: string;
  name?: string;
  department?: string;
  stage?: string;
  investor?: string;
  direction?: string;
  total?: string;
  before?: string;
  annual?: string;
  /** twelve months; default: the annual plan evenly in whole 万元 with the rest in December */
  months?: string[];
}

function monthsOf(annual: string | undefined): string[] {
  if (!annual) return MONTHS.map(() => '');
  const cents = Math.round(Number(annual) * 100);
  const each = Math.floor(cents / 12 / 100) * 100;
  return MONTHS.map((_, i) => ((i === 11 ? cents - each * 11 : each) / 100).toFixed(2));
}

/** One line's cells in the header's order, numbered from 1. */
export function cells(line: Line, index: number): (string | number)[] {
  const stage = line.stage ?? '新开工';
  const annual = stage === '前期' ? undefined : (line.annual ?? '1200.00');
  return [
    index + 1,
    line.code,
    line.name ?? `导入测试项目${line.code}`,
    line.department ?? '区住房城乡建委',
    stage,
    line.investor ?? '区级',
    line.direction ?? '基础设施',
    '新建',
    line.total ?? '5000.00',
    line.before ?? '0',
    annual ?? '',
    ...(line.months ?? monthsOf(annual)),
  ];
}

/** A 调度表-like .xlsx: merged title and unit rows above the header, as the bureau's files have. */
export async function workbook(lines: Line[]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells('A1:W1');
  ws.getCell('A1').value = '渝中区2026年重点项目计划表';
  ws.mergeCells('A2:W2');
  ws.getCell('A2').value = '单位：万元';
  ws.addRow([...HEADER, ...MONTHS]);
  lines.forEach((line, i) => ws.addRow(cells(line, i)));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return new File([bytes], 'projects.xlsx');
}

/** The check (a dry run) as the import page sends it. */
export const importForm = (year: number, file: File) => ({ year, file });

/** The commit as the page sends it: with what the check saw of each row's project. */
export const commitForm = (year: number, file: File, checked: { versions: Record<string, string> }) => ({
  year,
  file,
  versions: JSON.stringify(checked.versions),
});

/** A draft 2026 plan year for the import stories to import into, so the published 2025 figures are not touched. */
export async function createDraftYear2026(db: Db) {
  await db.planYear.create({
    data: { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '1000000', status: 'DRAFT' },
  });
}
