import 'server-only';
import ExcelJS from 'exceljs';
import { makeWorkbookXmlSafe } from '@/lib/server/xlsx-safe';
import Decimal from 'decimal.js';
import type { Actor } from '@/lib/auth/actor';
import { utcDayOf } from '@/lib/domain/date-only';
import {
  BUILD_TYPE_LABELS,
  COLUMN_BY_KEY,
  DIRECTION_LABELS,
  INVESTOR_LABELS,
  MONTHS,
  STAGE_LABELS,
  monthHeader,
  type ColumnKey,
} from '@/lib/domain/project-sheet';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import { listProjectIds, type ListProjectsOptions } from '@/lib/server/projects/list-projects';

/**
 * The 调度表 layout: a merged title row, a unit row, the header, then one row per project. The first ten columns
 * are the ones the bureau reads (序号 … 存在问题); the ones after 存在问题 carry what a re-import needs (项目代码,
 * 类别, 投资主体, 投资方向, … 分月计划), so an exported file imports back without a change.
 */
export const EXPORT_COLUMNS: readonly ColumnKey[] = [
  'seq',
  'name',
  'department',
  'scope',
  'totalInvestment',
  'annualPlan',
  'ytd',
  'rate',
  'progress',
  'problems',
  'code',
  'stage',
  'investorType',
  'direction',
  'buildType',
  'ownerUnit',
  'area',
  'cumulativeBeforeYear',
  'plannedStart',
  'plannedCompletion',
  'leaderInCharge',
  'milestoneTarget',
];

/** The template: the columns the import reads, in the order people fill them in. */
export const TEMPLATE_COLUMNS: readonly ColumnKey[] = [
  'seq',
  'code',
  'name',
  'department',
  'stage',
  'investorType',
  'direction',
  'buildType',
  'ownerUnit',
  'area',
  'scope',
  'totalInvestment',
  'cumulativeBeforeYear',
  'annualPlan',
  'plannedStart',
  'plannedCompletion',
  'leaderInCharge',
  'milestoneTarget',
];

const MONEY_FORMAT = '#,##0.00';
const TITLE_FONT = { name: '宋体', size: 16, bold: true } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9CA3AF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TEMPLATE_ROWS = 5000;

/** A 万元 figure as an Excel number when a double holds it exactly as written (15 significant digits), else text. */
export function moneyCell(value: string | null): number | string | null {
  if (value === null) return null;
  return new Decimal(value).precision(true) <= 15 ? Number(value) : value;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function setUpSheet(
  ws: ExcelJS.Worksheet,
  title: string,
  note: string,
  headers: { header: string; width: number; money: boolean }[],
) {
  const last = columnLetter(headers.length - 1);
  ws.mergeCells(`A1:${last}1`);
  const titleCell = ws.getCell('A1');
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(`A2:${last}2`);
  const noteCell = ws.getCell('A2');
  noteCell.value = note;
  noteCell.alignment = { horizontal: 'right' };
  const headerRow = ws.getRow(3);
  headers.forEach((h, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = h.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const column = ws.getColumn(i + 1);
    column.width = h.width;
    if (h.money) column.numFmt = MONEY_FORMAT;
  });
  headerRow.height = 30;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
}

/** Width in Excel character units: a Chinese character takes two. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2;

/**
 * The project list as filtered and sorted (every filter of lib/validations/project-list.ts, the department's scope
 * included), as an .xlsx in the 调度表 layout: the rows are the ones listProjectIds gives, in its order.
 * 1-N月累计完成 sums the year's approved reports; N is the last month with an approved report.
 */
export async function exportProjectsWorkbook(
  db: Db,
  actor: Actor,
  options: Omit<ListProjectsOptions, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const ids = await listProjectIds(db, actor, options);
  if (!ids) throw new NotFoundError('plan year');
  const planYear = await db.planYear.findUniqueOrThrow({
    where: { year: options.year },
    select: { id: true, year: true },
  });
  const where = { planYearId: planYear.id, projectId: { in: ids } };

  const [unordered, ytd, latest, lastMonth] = await Promise.all([
    db.projectPlan.findMany({
      where,
      select: {
        id: true,
        projectId: true,
        stage: true,
        investorType: true,
        direction: true,
        cumulativeBeforeYear: true,
        annualPlan: true,
        milestoneTarget: true,
        monthlyPlan: { select: { month: true, amount: true } },
        project: {
          select: {
            code: true,
            name: true,
            ownerUnit: true,
            area: true,
            buildType: true,
            scope: true,
            totalInvestment: true,
            plannedStart: true,
            plannedCompletion: true,
            leaderInCharge: true,
            department: { select: { name: true } },
          },
        },
      },
    }),
    // the approved figures: a reopened report keeps counting with its approved version until re-approved
    db.monthlyReport.groupBy({
      by: ['planId'],
      where: { approvedInvested: { not: null }, plan: where },
      _sum: { approvedInvested: true },
    }),
    db.monthlyReport.findMany({
      where: { status: 'APPROVED', plan: where },
      orderBy: [{ planId: 'asc' }, { month: 'desc' }],
      distinct: ['planId'],
      select: { planId: true, progressText: true, problems: true },
    }),
    db.monthlyReport.aggregate({
      where: { approvedInvested: { not: null }, plan: { planYearId: planYear.id } },
      _max: { month: true },
    }),
  ]);
  const position = new Map(ids.map((id, index) => [id, index]));
  const plans = unordered.sort((a, b) => (position.get(a.projectId) ?? 0) - (position.get(b.projectId) ?? 0));
  const ytdOf = new Map(ytd.map((r) => [r.planId, r._sum.approvedInvested ?? new Decimal(0)]));
  const latestOf = new Map(latest.map((r) => [r.planId, r]));
  const n = lastMonth._max.month ?? 0;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Keystone';
  const ws = wb.addWorksheet('调度表');
  const headers = [
    ...EXPORT_COLUMNS.map((key) => {
      const c = COLUMN_BY_KEY[key];
      return {
        header: key === 'ytd' ? `1-${Math.max(n, 1)}月累计完成` : c.header,
        width: Math.max(c.width, widthOf(c.header)),
        money: Boolean(c.money),
      };
    }),
    ...MONTHS.map((m) => ({ header: monthHeader(m), width: 12, money: true })),
  ];
  setUpSheet(ws, `渝中区${planYear.year}年重点项目推进情况表（截至${n}月）`, '单位：万元', headers);
  const rateColumn = EXPORT_COLUMNS.indexOf('rate') + 1;
  ws.getColumn(rateColumn).numFmt = '0.0%';
  for (const key of ['plannedStart', 'plannedCompletion'] as const)
    ws.getColumn(EXPORT_COLUMNS.indexOf(key) + 1).numFmt = 'yyyy-mm-dd';

  plans.forEach((plan, index) => {
    const p = plan.project;
    const done = ytdOf.get(plan.id) ?? new Decimal(0);
    const report = latestOf.get(plan.id);
    const values: Record<ColumnKey, ExcelJS.CellValue> = {
      seq: index + 1,
      name: p.name,
      department: p.department.name,
      scope: p.scope,
      totalInvestment: moneyCell(p.totalInvestment.toFixed(2)),
      annualPlan: moneyCell(plan.annualPlan?.toFixed(2) ?? null),
      ytd: moneyCell(done.toFixed(2)),
      rate:
        plan.annualPlan && !plan.annualPlan.isZero()
          ? done.dividedBy(plan.annualPlan).toDecimalPlaces(4).toNumber()
          : null,
      progress: report?.progressText ?? '',
      problems: report?.problems ?? '',
      code: p.code,
      stage: STAGE_LABELS[plan.stage],
      investorType: INVESTOR_LABELS[plan.investorType],
      direction: DIRECTION_LABELS[plan.direction],
      buildType: BUILD_TYPE_LABELS[p.buildType],
      ownerUnit: p.ownerUnit,
      area: p.area,
      cumulativeBeforeYear: moneyCell(plan.cumulativeBeforeYear.toFixed(2)),
      plannedStart: utcDayOf(p.plannedStart),
      plannedCompletion: utcDayOf(p.plannedCompletion),
      leaderInCharge: p.leaderInCharge ?? '',
      milestoneTarget: plan.milestoneTarget ?? '',
    };
    const months =
      plan.stage === 'PRELIMINARY' || plan.monthlyPlan.length === 0
        ? MONTHS.map(() => null)
        : MONTHS.map((m) => moneyCell(plan.monthlyPlan.find((x) => x.month === m)?.amount.toFixed(2) ?? '0.00'));
    const row = ws.addRow([...EXPORT_COLUMNS.map((k) => values[k]), ...months]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  makeWorkbookXmlSafe(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The import template: Chinese headers under a title row, drop-down lists for 项目类别, 投资主体, 投资方向, 建设性质 and
 * 责任单位 (active departments, kept on a hidden sheet because a list typed into the rule is limited to 255 characters).
 */
export async function buildProjectTemplate(db: Db, actor: Actor, options: { year: number }): Promise<Buffer> {
  departmentScope(actor, 'project.read');
  const departments = await db.department.findMany({
    where: { active: true },
    select: { name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Keystone';
  const ws = wb.addWorksheet('项目导入');
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  lists.getCell('A1').value = '责任单位';
  departments.forEach((d, i) => (lists.getCell(`A${i + 2}`).value = d.name));

  const columns = [...TEMPLATE_COLUMNS.slice(0, 14), 'months' as const, ...TEMPLATE_COLUMNS.slice(14)];
  const headers: { header: string; width: number; money: boolean; key: ColumnKey | null }[] = [];
  for (const key of columns) {
    if (key === 'months') {
      for (const m of MONTHS) headers.push({ header: monthHeader(m), width: 12, money: true, key: null });
    } else {
      const c = COLUMN_BY_KEY[key];
      headers.push({ header: c.header, width: Math.max(c.width, widthOf(c.header)), money: Boolean(c.money), key });
    }
  }
  setUpSheet(
    ws,
    `渝中区${options.year}年重点项目导入模板`,
    '单位：万元。项目代码唯一，已有代码的项目将被更新；前期项目不填年度计划投资和分月计划；1-12月分月计划合计须等于年度计划投资；日期格式 2025-03-01。',
    headers,
  );
  const listRule = (values: string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
  });
  const rules: Partial<Record<ColumnKey, ExcelJS.DataValidation>> = {
    stage: listRule(Object.values(STAGE_LABELS)),
    investorType: listRule(Object.values(INVESTOR_LABELS)),
    direction: listRule(Object.values(DIRECTION_LABELS)),
    buildType: listRule(Object.values(BUILD_TYPE_LABELS)),
    department: { type: 'list', allowBlank: true, formulae: [`'选项'!$A$2:$A$${Math.max(departments.length + 1, 2)}`] },
  };
  headers.forEach((h, i) => {
    const rule = h.key ? rules[h.key] : undefined;
    const letter = columnLetter(i);
    if (rule) {
      (
        ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${letter}4:${letter}${TEMPLATE_ROWS + 3}`, {
        ...rule,
        showErrorMessage: true,
        errorTitle: '请从下拉列表选择',
        error: `${h.header}须为下拉列表中的值`,
      });
    }
    if (h.key === 'plannedStart' || h.key === 'plannedCompletion') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (h.key === 'code') ws.getColumn(i + 1).numFmt = '@';
  });
  makeWorkbookXmlSafe(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
