/**
 * 调度表 files of a month for the backfill stories (tests/integration/report-backfill.test.ts, the authorization
 * matrix, e2e/backfill.spec.ts): a title, a unit line, a two-level header "1-N月完成投资 | 累计 | 其中：N月" merged as
 * Excel merges it, the project rows, a department 小计 and a 合计 row, and a footnote. Also a project of its own
 * with a 2025 plan and no reports, so a story can backfill January onwards without touching the demo figures.
 */
import ExcelJS from 'exceljs';
import type { Db } from '@/lib/prisma';

export interface DispatchLine {
  code: string;
  name: string;
  department?: string;
  /** 1-N月累计; null leaves the cell blank */
  cumulative: string | null;
  /** 本月; null leaves the cell blank */
  thisMonth: string | null;
  progress?: string;
}

const sum = (values: (string | null)[]) =>
  (values.reduce((acc, v) => acc + Math.round(Number(v ?? 0) * 100), 0) / 100).toFixed(2);

/** The month's 调度表 as .xlsx bytes; `total` replaces the 合计 row's 累计 figure (to plant a mismatch). */
export async function dispatchWorkbook(
  year: number,
  month: number,
  lines: DispatchLine[],
  options: { total?: string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow([`${year}年1-${month}月全区重点项目调度表`]);
  ws.mergeCells('A1:G1');
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目代码', '项目名称', '责任单位', `1-${month}月完成投资`, '', '形象进度']);
  ws.addRow(['', '', '', '', '累计', `其中：${month}月`, '']);
  for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('E3:F3');
  const cumulative = lines.map((l) => l.cumulative);
  const thisMonth = lines.map((l) => l.thisMonth);
  ws.addRow(['', '', '合计', '', Number(options.total ?? sum(cumulative)), Number(sum(thisMonth)), '']);
  lines.forEach((l, i) => {
    ws.addRow([
      i + 1,
      l.code,
      l.name,
      l.department ?? '区住房城乡建委',
      l.cumulative === null ? null : Number(l.cumulative),
      l.thisMonth === null ? null : Number(l.thisMonth),
      l.progress ?? '',
    ]);
  });
  ws.addRow(['', '', '区住房城乡建委小计', '', Number(sum(cumulative)), Number(sum(thisMonth)), '']);
  ws.addRow(['注：本表数据由各责任单位报送，区发展改革委汇总。']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function dispatchFile(bytes: Uint8Array, name = '调度表.xlsx'): File {
  return new File([new Uint8Array(bytes)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** The backfill actions' input as the page sends it. */
export function backfillForm(
  year: number,
  month: number,
  file: File,
  commit?: { digest: string; reason: string },
): FormData {
  const form = new FormData();
  form.set('year', String(year));
  form.set('month', String(month));
  form.set('file', file);
  if (commit) {
    form.set('digest', commit.digest);
    form.set('reason', commit.reason);
  }
  return form;
}

/** A 续建 project of 区住房城乡建委 with a 2025 plan (annual plan 0, so the published totals stay) and no reports. */
export async function projectWithoutReports(
  db: Db,
  code: string,
  name: string,
): Promise<{ projectId: number; planId: number }> {
  const department = await db.department.findUniqueOrThrow({ where: { name: '区住房城乡建委' } });
  const planYear = await db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const project = await db.project.create({
    data: {
      code,
      name,
      departmentId: department.id,
      ownerUnit: '测试业主',
      area: '解放碑',
      buildType: 'CONTINUED',
      scope: '',
      totalInvestment: '10000.00',
    },
  });
  const plan = await db.projectPlan.create({
    data: {
      projectId: project.id,
      planYearId: planYear.id,
      stage: 'ONGOING',
      investorType: 'DISTRICT',
      direction: 'INFRASTRUCTURE',
      annualPlan: '0.00',
    },
  });
  return { projectId: project.id, planId: plan.id };
}
