/** Measurement e: importing a generated sheet (dry run and commit), against COPY of the same rows. */
import ExcelJS from 'exceljs';
import { copyFrom } from './copy';
import { setBenchRequestContext, type BenchContext } from './context';
import type { DbResults } from './measure-db';
import { round, timed } from './timing';

const HEADER = [
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
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const STAGES = ['新开工', '续建', '完工', '前期'] as const;
const STAGE_ENUM: Record<(typeof STAGES)[number], string> = {
  新开工: 'NEW_START',
  续建: 'ONGOING',
  完工: 'COMPLETION',
  前期: 'PRELIMINARY',
};

interface SheetLine {
  code: string;
  name: string;
  department: string;
  stage: (typeof STAGES)[number];
  total: string;
  annual: string | null;
  months: string[] | null;
}

function sheetLines(rows: number, departments: string[], prefix: string): SheetLine[] {
  return Array.from({ length: rows }, (_, i) => {
    const stage = STAGES[i % 4]!;
    const annualCents = 120_000 + (i % 97) * 1_200;
    const annual = stage === '前期' ? null : (annualCents / 100).toFixed(2);
    const each = Math.floor(annualCents / 12);
    return {
      code: `${prefix}${String(i + 1).padStart(6, '0')}`,
      name: `基准导入项目${i + 1}号`,
      department: departments[i % departments.length]!,
      stage,
      total: ((annualCents * 5) / 100).toFixed(2),
      annual,
      months:
        annual === null ? null : MONTHS.map((_, m) => ((m === 11 ? annualCents - each * 11 : each) / 100).toFixed(2)),
    };
  });
}

async function workbookOf(lines: SheetLine[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells('A1:W1');
  ws.getCell('A1').value = '渝中区2026年重点项目计划表（基准）';
  ws.addRow([...HEADER, ...MONTHS]);
  lines.forEach((l, i) =>
    ws.addRow([
      i + 1,
      l.code,
      l.name,
      l.department,
      l.stage,
      '区级',
      '基础设施',
      '新建',
      l.total,
      '0',
      l.annual ?? '',
      ...(l.months ?? MONTHS.map(() => '')),
    ]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function measureImport(ctx: BenchContext, importRows: number): Promise<DbResults['import']> {
  const { db, c, writeRuns, log, bureau } = ctx;
  const importActions = await import('../../lib/actions/project-import');
  const opts = { importRows };

  // e. import
  log(`e. import of ${opts.importRows} rows …`);
  const deptNames = (await db.department.findMany({ select: { name: true }, orderBy: { id: 'asc' } })).map(
    (d) => d.name,
  );
  await db.planYear.upsert({
    where: { year: 2026 },
    update: {},
    create: { year: 2026, title: '渝中区2026年重点项目计划（基准）', approvedInvestment: '1000000', status: 'DRAFT' },
  });
  const py2026 = await db.planYear.findUniqueOrThrow({ where: { year: 2026 } });
  const lines = sheetLines(opts.importRows, deptNames, 'BENCH');
  const bytes = await workbookOf(lines);
  const file = () => new File([bytes], 'bench-import.xlsx');
  const codes = lines.map((l) => l.code);
  // the imported rows go between runs; plans and their items first, as the database refuses a project with a
  // plan (ON DELETE RESTRICT: nothing in the product deletes projects)
  const clear = async () => {
    await c.query(
      `DELETE FROM "MonthlyPlanItem" WHERE "planId" IN
           (SELECT pp.id FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" WHERE p.code = ANY($1::text[]))`,
      [codes],
    );
    await c.query(
      `DELETE FROM "ProjectPlan" WHERE "projectId" IN (SELECT id FROM "Project" WHERE code = ANY($1::text[]))`,
      [codes],
    );
    await c.query(`DELETE FROM "Project" WHERE code = ANY($1::text[])`, [codes]);
  };
  setBenchRequestContext({ actor: bureau, ip: '127.0.0.1', locale: 'zh-CN' });
  const dryRun = await timed(
    async () => {
      const res = await importActions.importProjectsDryRun({ year: 2026, file: file() });
      if (!res.ok || res.data.errorCount)
        throw new Error(`import dry run failed: ${JSON.stringify(res).slice(0, 500)}`);
    },
    writeRuns,
    { warmup: false },
  );
  // the commit names what its check saw (the same for every run: the rows are cleared in between)
  const checked = await importActions.importProjectsDryRun({ year: 2026, file: file() });
  if (!checked.ok) throw new Error(`import check failed: ${checked.message}`);
  const versions = JSON.stringify(checked.data.versions);
  const commit = await timed(
    async () => {
      const res = await importActions.importProjectsCommit({ year: 2026, file: file(), versions });
      if (!res.ok || res.data.create !== lines.length)
        throw new Error(`import failed: ${JSON.stringify(res).slice(0, 500)}`);
    },
    writeRuns,
    { warmup: false, before: clear },
  );
  await clear();
  const deptIds = new Map(
    (await db.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]),
  );
  const copy = await timed(
    async () => {
      await c.query('BEGIN');
      await copyFrom(
        c,
        `"Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment", "updatedAt")`,
        lines.map((l) => [l.code, l.name, deptIds.get(l.department)!, '', '', 'NEW', '', l.total, 'now']),
      );
      const ids = await c.query<{ id: number; code: string }>(
        `SELECT id, code FROM "Project" WHERE code = ANY($1::text[])`,
        [codes],
      );
      const pid = new Map(ids.rows.map((r) => [r.code, r.id]));
      await copyFrom(
        c,
        `"ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "cumulativeBeforeYear", "annualPlan", "updatedAt")`,
        lines.map((l) => [
          pid.get(l.code)!,
          py2026.id,
          STAGE_ENUM[l.stage],
          'DISTRICT',
          'INFRASTRUCTURE',
          '0',
          l.annual,
          'now',
        ]),
      );
      const planIds = await c.query<{ id: number; projectId: number }>(
        `SELECT id, "projectId" FROM "ProjectPlan" WHERE "planYearId" = $1`,
        [py2026.id],
      );
      const plid = new Map(planIds.rows.map((r) => [r.projectId, r.id]));
      await copyFrom(
        c,
        `"MonthlyPlanItem" ("planId", month, amount)`,
        lines.flatMap((l) => (l.months ?? []).map((amount, m) => [plid.get(pid.get(l.code)!)!, m + 1, amount])),
      );
      await c.query('COMMIT');
    },
    writeRuns,
    { warmup: false, before: clear },
  );
  await clear();
  const importRate = lines.length / (commit.median / 1000);
  const copyRate = lines.length / (copy.median / 1000);

  return {
    rows: lines.length,
    dryRun,
    commit,
    copy,
    importRate: Math.round(importRate),
    copyRate: Math.round(copyRate),
    share: round(importRate / copyRate, 3),
    fileBytes: bytes.length,
  };
}
