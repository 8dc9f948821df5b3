/**
 * The spreadsheets an import reads and the export writes, through the real actions against a throwaway database:
 * a BIFF8 .xls and a GBK .csv read to the same rows as the .xlsx; the export parses back to the same rows and
 * re-imports without a change; a department exports its own projects only; the template carries the import's
 * headers and drop-down lists.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProjectSheet, readGrid } from '@/lib/domain/project-sheet';
import { actorOf, signIn } from '../helpers/actors';
import { cells, createDraftYear2026, HEADER, importForm, type Line, MONTHS, workbook } from '../helpers/project-sheets';
import { projectDigest } from '../helpers/project-forms';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/project-import');
let exporter: typeof import('@/lib/server/projects/export-projects');

/** Everything an import may touch. */
const fingerprint = () => projectDigest(t.db);

const form = importForm;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/project-import');
  exporter = await import('@/lib/server/projects/export-projects');
  await createDraftYear2026(t.db);
});

afterAll(async () => t?.drop());

describe('file formats', () => {
  const lines: Line[] = [
    { code: 'FMT-001', name: '解放碑步行街提升', annual: '1200.00' },
    {
      code: 'FMT-002',
      stage: '续建',
      investor: '社会',
      direction: '房地产',
      total: '98765.43',
      before: '1000',
      annual: '2400.50',
    },
    { code: 'FMT-003', stage: '前期', department: '区交通局', name: '轨道交通站点接驳' },
  ];
  const TITLE = '渝中区2026年重点项目计划表';
  /** title, unit note, then the header on row 3, as in the .xlsx the other tests use */
  const grid = () => [[TITLE], ['单位：万元'], [...HEADER, ...MONTHS], ...lines.map(cells)];
  const moneyColumns = new Set([8, 9, 10, ...MONTHS.map((_, i) => HEADER.length + i)]);

  /** A real BIFF8 .xls (Excel 97-2003) written by SheetJS, money as numbers the way Excel stores it. */
  function xls(): File {
    const rows = grid().map((row, r) =>
      r < 3 ? row : row.map((cell, c) => (moneyColumns.has(c) && cell !== '' ? Number(cell) : cell)),
    );
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: HEADER.length + MONTHS.length - 1 } },
      { s: { r: 1, c: 0 }, e: { r: 1, c: HEADER.length + MONTHS.length - 1 } },
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xls', type: 'buffer' }) as Buffer);
    // an OLE2 compound document, not an .xlsx zip renamed
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    return new File([bytes], 'projects.xls');
  }

  /** A .csv as Excel on a Chinese Windows saves it: GBK, the title on the first line, the header on the third. */
  function gbkCsv(): File {
    const quote = (cell: string | number) =>
      /[",\r\n]/.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : String(cell);
    const text = grid()
      .map((row) => row.map(quote).join(','))
      .join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    // really GBK: not valid UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    return new File([bytes], 'projects.csv');
  }

  it('reads a BIFF8 .xls and a GBK .csv, with the title above the header, to the same rows as the .xlsx', async () => {
    await signIn(t.db, 'bureau');
    const files = { xlsx: await workbook(lines), xls: xls(), csv: gbkCsv() };

    const sheets = Object.fromEntries(
      await Promise.all(
        Object.entries(files).map(async ([format, file]) => [
          format,
          parseProjectSheet(readGrid(new Uint8Array(await file.arrayBuffer()), format as 'xlsx' | 'xls' | 'csv')),
        ]),
      ),
    );
    expect(sheets.xlsx.headerRow).toBe(3);
    expect(sheets.xlsx.issues).toEqual([]);
    expect(sheets.xlsx.rows.map((r: { code: string }) => r.code)).toEqual(['FMT-001', 'FMT-002', 'FMT-003']);
    for (const format of ['xls', 'csv']) {
      expect(sheets[format].headerRow, format).toBe(3);
      expect(sheets[format].issues, format).toEqual([]);
      expect(sheets[format].rows, format).toEqual(sheets.xlsx.rows);
    }

    const summaries = [];
    for (const file of Object.values(files)) {
      const dry = await actions.importProjectsDryRun(form(2026, file));
      expect(dry.ok, JSON.stringify(dry)).toBe(true);
      if (dry.ok) summaries.push(dry.data);
    }
    expect(summaries[0]).toMatchObject({ rows: 3, create: 3, update: 0, errorCount: 0, committed: false });
    expect(summaries[0]!.changes.map((c) => [c.row, c.code, c.name])).toEqual([
      [4, 'FMT-001', '解放碑步行街提升'],
      [5, 'FMT-002', '导入测试项目FMT-002'],
      [6, 'FMT-003', '轨道交通站点接驳'],
    ]);
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
    expect(await t.db.project.count({ where: { code: { startsWith: 'FMT-' } } })).toBe(0);
  });
});

describe('export', () => {
  it('writes the 调度表 layout, which parses back to the same rows and re-imports without a change', async () => {
    await signIn(t.db, 'bureau');
    const buffer = await exporter.exportProjectsWorkbook(t.db, await actorOf(t.db, 'bureau'), { year: 2025 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buffer).buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toMatch(/^渝中区2025年重点项目推进情况表（截至\d+月）$/);
    expect(ws.getRow(3).values).toEqual(
      expect.arrayContaining([
        '序号',
        '项目名称',
        '责任单位',
        '建设内容',
        '总投资',
        '年度计划投资',
        '完成率',
        '形象进度',
        '存在问题',
      ]),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(5).numFmt).toBe('#,##0.00');

    const sheet = parseProjectSheet(readGrid(new Uint8Array(buffer), 'xlsx'));
    expect(sheet.issues).toEqual([]);
    expect(sheet.rows).toHaveLength(421);
    const plans = await t.db.projectPlan.findMany({
      where: { planYear: { year: 2025 } },
      include: { project: { include: { department: true } }, monthlyPlan: { orderBy: { month: 'asc' } } },
      orderBy: { project: { code: 'asc' } },
    });
    expect(
      sheet.rows.map((r) => [
        r.code,
        r.name,
        r.department,
        r.stage,
        r.totalInvestment,
        r.annualPlan,
        r.monthlyPlan?.join(',') ?? null,
      ]),
    ).toEqual(
      plans.map((p) => [
        p.project.code,
        p.project.name,
        p.project.department.name,
        p.stage,
        p.project.totalInvestment.toFixed(2),
        p.annualPlan?.toFixed(2) ?? null,
        p.stage === 'PRELIMINARY' ? null : p.monthlyPlan.map((m) => m.amount.toFixed(2)).join(','),
      ]),
    );

    const file = new File([new Uint8Array(buffer)], 'export.xlsx');
    const before = await fingerprint();
    const result = await actions.importProjectsCommit(form(2025, file));
    expect(result).toMatchObject({
      ok: true,
      data: { create: 0, update: 0, unchanged: 421, errorCount: 0, committed: false },
    });
    expect(await fingerprint()).toBe(before);
  });

  it('exports a department’s own projects only', async () => {
    const u = await t.db.user.findUniqueOrThrow({ where: { username: 'zjw' } });
    const actor = {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentId: u.departmentId,
    };
    const buffer = await exporter.exportProjectsWorkbook(t.db, actor, { year: 2025 });
    const rows = parseProjectSheet(readGrid(new Uint8Array(buffer), 'xlsx')).rows;
    expect(rows.length).toBe(
      await t.db.projectPlan.count({ where: { planYear: { year: 2025 }, project: { departmentId: u.departmentId! } } }),
    );
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(['区住房城乡建委']));
  });

  it('writes a template with the import headers and drop-down lists', async () => {
    const buffer = await exporter.buildProjectTemplate(t.db, await actorOf(t.db, 'bureau'), { year: 2026 });
    const sheet = parseProjectSheet(readGrid(new Uint8Array(buffer), 'xlsx'));
    expect(sheet.headerRow).toBe(3);
    expect(sheet.issues).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buffer).buffer as ArrayBuffer);
    const validations = JSON.stringify(
      (wb.worksheets[0] as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    );
    expect(validations).toContain('完工,续建,新开工,前期');
    expect(validations).toContain('选项');
  });
});
