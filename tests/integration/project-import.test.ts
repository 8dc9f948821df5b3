/**
 * Importing projects and plans from spreadsheets, through the real actions against a throwaway database: planted
 * errors are listed and nothing is written; the fixed file creates the rows; the same file again changes nothing and
 * writes no audit row; one failing row at commit rolls back everything; 10,000 rows go through in one request.
 * The other file formats and the export's round trip: project-import-formats.test.ts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/actors';
import { commitForm, createDraftYear2026, importForm, type Line, MONTHS, workbook } from '../helpers/project-sheets';
import { projectDigest } from '../helpers/project-forms';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/project-import');

/** Everything an import may touch. */
const fingerprint = () => projectDigest(t.db);

const form = importForm;

async function checkAndCommit(year: number, file: File) {
  const dry = await actions.importProjectsDryRun(form(year, file));
  if (!dry.ok) throw new Error(dry.message);
  return actions.importProjectsCommit(commitForm(year, file, dry.data));
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/project-import');
  await createDraftYear2026(t.db);
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
    // the seed's 2024 is closed
    expect(await t.db.planYear.findUniqueOrThrow({ where: { year: 2024 } })).toMatchObject({ status: 'CLOSED' });
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
