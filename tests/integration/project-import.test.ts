/**
 * Importing projects and plans from spreadsheets, through the real actions against a throwaway database: planted
 * errors are listed and nothing is written; the fixed file creates the rows; the same file again changes nothing and
 * writes no audit row; an export parses back to the same rows; one failing row at commit rolls back everything;
 * a BIFF8 .xls and a GBK .csv read to the same rows as the .xlsx; 10,000 rows go through in one request.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProjectSheet, readGrid } from '@/lib/domain/project-sheet';
import { actorOf, signIn } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { cells, commitForm, HEADER, importForm, type Line, MONTHS, workbook } from '../helpers/project-sheets';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

type Actions = typeof import('@/lib/actions/project-import');
type Exporter = typeof import('@/lib/server/projects/export-projects');

let t: TestDatabase;
let actions: Actions;
let exporter: Exporter;

/** Everything an import may touch. */
const fingerprint = () => digestOf(t.db, ['Project', 'ProjectPlan', 'MonthlyPlanItem', 'AuditLog']);

const form = importForm;

async function checkAndCommit(year: number, file: File) {
  const dry = await actions.importProjectsDryRun(form(year, file));
  if (!dry.ok) throw new Error(dry.message);
  return actions.importProjectsCommit(commitForm(year, file, dry.data));
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/project-import');
  exporter = await import('@/lib/server/projects/export-projects');
  // a draft year of its own, so the published 2025 figures are not touched
  await t.db.planYear.create({
    data: { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '1000000', status: 'DRAFT' },
  });
});

afterAll(async () => t?.drop());

const GOOD: Line[] = [
  { code: 'IMP-001', stage: '新开工', annual: '1200.00' },
  { code: 'IMP-002', stage: '续建', investor: '社会', direction: '房地产', before: '1000', annual: '2400.50' },
  { code: 'IMP-003', stage: '前期', department: '区交通局' },
];

describe('importing a file', () => {
  it('lists every planted error by row, column and message, and writes nothing', async () => {
    await signIn(t.db, 'bureau');
    const planted: Line[] = [
      GOOD[0]!,
      { ...GOOD[1]!, department: '区不存在局' },
      { ...GOOD[2]!, stage: '前期', annual: '10' },
      { code: 'IMP-004', total: '12,34' },
      { code: 'IMP-001', name: '重复代码' },
      { code: 'IMP-006', annual: '1200.00', months: MONTHS.map(() => '1') },
    ];
    // 前期 with an annual plan: the cell builder drops it, so plant it directly
    const file = await workbook(planted);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    wb.worksheets[0]!.getRow(6).getCell(11).value = '10';
    const planted2 = new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'planted.xlsx');

    const before = await fingerprint();
    const dry = await actions.importProjectsDryRun(form(2026, planted2));
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    const errors = dry.data.errors.map((e) => `${e.row}:${e.column}:${e.message}`);
    expect(errors).toEqual([
      '5:责任单位:departmentUnknown',
      '6:年度计划投资:preliminaryHasPlan',
      '7:总投资:amountInvalid',
      '8:项目代码:duplicateCode',
      '9:年度计划投资:monthlyPlanMismatch',
    ]);
    expect(dry.data).toMatchObject({ rows: 6, create: 1, errorCount: 5, committed: false });

    const auditsBefore = await t.db.auditLog.count();
    const commit = await actions.importProjectsCommit(form(2026, planted2));
    expect(commit).toMatchObject({ ok: true, data: { committed: false, errorCount: 5 } });
    expect(await t.db.auditLog.count()).toBe(auditsBefore);
    expect(await t.db.project.count({ where: { code: { startsWith: 'IMP-' } } })).toBe(0);
    // only the dry run's own audit row differs
    expect(await t.db.auditLog.count({ where: { action: 'project.importDryRun' } })).toBe(1);
    expect(before).not.toBe(await fingerprint()); // the dry-run audit row
  });

  it('creates the rows of the fixed file, with one summary audit row and a row per project', async () => {
    await signIn(t.db, 'bureau');
    const file = await workbook(GOOD);
    const dry = await actions.importProjectsDryRun(form(2026, file));
    expect(dry).toMatchObject({ ok: true, data: { create: 3, update: 0, unchanged: 0, errorCount: 0 } });
    if (!dry.ok) return;

    const result = await actions.importProjectsCommit(commitForm(2026, file, dry.data));
    expect(result).toMatchObject({ ok: true, data: { committed: true, create: 3, update: 0, unchanged: 0 } });
    const created = await t.db.project.findMany({
      where: { code: { startsWith: 'IMP-' } },
      include: { plans: { include: { monthlyPlan: true, planYear: true } }, department: true },
      orderBy: { code: 'asc' },
    });
    expect(
      created.map((p) => [p.code, p.department.name, p.plans[0]!.stage, p.plans[0]!.annualPlan?.toFixed(2) ?? null]),
    ).toEqual([
      ['IMP-001', '区住房城乡建委', 'NEW_START', '1200.00'],
      ['IMP-002', '区住房城乡建委', 'ONGOING', '2400.50'],
      ['IMP-003', '区交通局', 'PRELIMINARY', null],
    ]);
    expect(created[1]!.plans[0]!.monthlyPlan.reduce((s, m) => s + Number(m.amount), 0).toFixed(2)).toBe('2400.50');
    expect(created[2]!.plans[0]!.monthlyPlan).toHaveLength(0);
    expect(created.every((p) => p.plans[0]!.planYear.year === 2026)).toBe(true);

    const summaryRow = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'project.import', entity: 'PlanYear' },
    });
    expect(summaryRow.after).toMatchObject({ year: 2026, created: 3, updated: 0, unchanged: 0 });
    expect(await t.db.auditLog.count({ where: { action: 'project.import', entity: 'Project' } })).toBe(3);
  });

  it('changes nothing and writes no audit row when the same file is imported again', async () => {
    await signIn(t.db, 'bureau');
    const file = await workbook(GOOD);
    const before = await fingerprint();
    const result = await actions.importProjectsCommit(form(2026, file));
    expect(result).toMatchObject({ ok: true, data: { committed: false, create: 0, update: 0, unchanged: 3 } });
    expect(await fingerprint()).toBe(before);
  });

  it('updates a changed row and audits its before and after', async () => {
    await signIn(t.db, 'bureau');
    const changed = GOOD.map((l) => (l.code === 'IMP-001' ? { ...l, name: '导入测试项目改名', total: '6000.00' } : l));
    const result = await checkAndCommit(2026, await workbook(changed));
    expect(result).toMatchObject({ ok: true, data: { committed: true, create: 0, update: 1, unchanged: 2 } });
    const project = await t.db.project.findUniqueOrThrow({ where: { code: 'IMP-001' } });
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'project.import', entity: 'Project', entityId: String(project.id) },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toEqual({ name: '导入测试项目IMP-001', totalInvestment: '5000.00' });
    expect(audit.after).toEqual({ name: '导入测试项目改名', totalInvestment: '6000.00' });
  });

  it('rolls back every row when one fails at commit', async () => {
    await signIn(t.db, 'bureau');
    // a row the checks pass but the database refuses, to fail the commit half-way through
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW.code = 'BOOM-3' THEN RAISE EXCEPTION 'planted failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_boom BEFORE INSERT ON "Project" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`,
    );
    try {
      const before = await fingerprint();
      const lines: Line[] = [{ code: 'BOOM-1' }, { code: 'BOOM-2' }, { code: 'BOOM-3' }, { code: 'BOOM-4' }];
      const dry = await actions.importProjectsDryRun(form(2026, await workbook(lines)));
      expect(dry).toMatchObject({ ok: true, data: { create: 4, errorCount: 0 } });
      if (!dry.ok) return;
      const beforeCommit = await fingerprint();
      const result = await actions.importProjectsCommit(commitForm(2026, await workbook(lines), dry.data));
      expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(await fingerprint()).toBe(beforeCommit);
      expect(beforeCommit).not.toBe(before); // the dry run's audit row only
      expect(await t.db.project.count({ where: { code: { startsWith: 'BOOM-' } } })).toBe(0);
    } finally {
      await t.db.$executeRawUnsafe('DROP TRIGGER refuse_boom ON "Project"');
      await t.db.$executeRawUnsafe('DROP FUNCTION refuse_boom()');
    }
  });

  it('refuses a closed plan year', async () => {
    await signIn(t.db, 'bureau');
    await t.db.planYear.create({ data: { year: 2024, title: '2024', approvedInvestment: '1', status: 'CLOSED' } });
    const result = await actions.importProjectsCommit(form(2024, await workbook([{ code: 'OLD-1' }])));
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.db.project.count({ where: { code: 'OLD-1' } })).toBe(0);
  });

  it('refuses a department user, and a file that is not a spreadsheet', async () => {
    await signIn(t.db, 'zjw');
    expect(await actions.importProjectsCommit(form(2026, await workbook(GOOD)))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await signIn(t.db, 'bureau');
    expect(await actions.importProjectsDryRun(form(2026, new File(['x'], 'a.pdf')))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    const garbage = await actions.importProjectsDryRun(form(2026, new File([new Uint8Array([1, 2, 3, 4])], 'a.xlsx')));
    expect(garbage.ok && garbage.data.errors[0]?.message).toMatch(/unreadable|noHeader/);
  });
});

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

describe('a large file', () => {
  it('imports 10,000 rows in one request', async () => {
    await signIn(t.db, 'bureau');
    const lines: Line[] = Array.from({ length: 10_000 }, (_, i) => ({
      code: `BIG-${String(i).padStart(5, '0')}`,
      stage: i % 4 === 0 ? '前期' : '续建',
      department: i % 2 ? '区交通局' : '区住房城乡建委',
      annual: '120.00',
    }));
    let started = performance.now();
    const file = await workbook(lines);
    const build = performance.now() - started;

    started = performance.now();
    const dry = await actions.importProjectsDryRun(form(2026, file));
    const dryMs = performance.now() - started;
    expect(dry).toMatchObject({ ok: true, data: { create: 10_000, errorCount: 0 } });
    if (!dry.ok) return;

    started = performance.now();
    const commit = await actions.importProjectsCommit(commitForm(2026, file, dry.data));
    const commitMs = performance.now() - started;
    expect(commit).toMatchObject({ ok: true, data: { committed: true, create: 10_000 } });

    started = performance.now();
    const again = await actions.importProjectsCommit(form(2026, file));
    const againMs = performance.now() - started;
    expect(again).toMatchObject({ ok: true, data: { committed: false, unchanged: 10_000 } });

    console.info(
      `[project-import] 10,000 rows (${(file.size / 1024).toFixed(0)} KB xlsx, built in ${build.toFixed(0)} ms): ` +
        `dry run ${dryMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms, re-import ${againMs.toFixed(0)} ms`,
    );
    expect(await t.db.monthlyPlanItem.count({ where: { plan: { project: { code: { startsWith: 'BIG-' } } } } })).toBe(
      7_500 * 12,
    );
  }, 300_000);
});
