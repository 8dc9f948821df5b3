import 'server-only';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { reportFormDefaults } from '@/components/reports/draft/report-draft-values';
import type { Actor } from '@/lib/auth/actor';
import { fromDateOnly } from '@/lib/domain/date-only';
import {
  columnLetter,
  identityText,
  MONTH_SHEET_COLUMN_INDEX as AT,
  MONTH_SHEET_COLUMNS,
  MONTH_SHEET_FIRST_DATA_ROW,
  MONTH_SHEET_HEADER_ROW,
  MONTH_SHEET_NOTE,
  MONTH_SHEET_NOTE_ROW,
  MONTH_SHEET_TITLE_ROW,
  monthSheetTitle,
  STAGE_NAMES,
  type MonthSheetKey,
} from '@/lib/domain/month-sheet/columns';
import type { Db } from '@/lib/prisma';
import { moneyCell } from '@/lib/server/projects/export-projects';
import { getBatchEntry, type BatchEntryRow } from '@/lib/server/reports/get-batch-entry';
import { makeWorkbookXmlSafe } from '@/lib/server/xlsx-safe';

const SHADE = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9CA3AF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LAST = MONTH_SHEET_COLUMNS.length - 1;
const LAST_VISIBLE = columnLetter(LAST - 1);

type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

export interface MonthSheetFile {
  buffer: Buffer;
  year: number;
  month: number;
  departmentName: string;
}

/** The cells of one project's row, from the screen's own starting values (last month's texts carried over). */
function rowValues(row: BatchEntryRow, index: number, month: number, approvedBefore: string): ExcelJS.CellValue[] {
  const start = reportFormDefaults({
    projectPlanId: row.planId,
    month,
    stage: row.stage,
    projectActualStart: row.projectActualStart,
    projectActualCompletion: row.projectActualCompletion,
    report: row.report,
    start: { kind: 'carryOver', previous: row.previous },
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const date = (v: unknown) => (typeof v === 'string' && v ? fromDateOnly(v) : null);
  const invested = text(start.investedThisMonth);
  const percent = text(start.percentComplete);
  const reached = new Map((start.milestoneUpdates ?? []).map((m) => [m.kind, m.date]));
  const values: Record<MonthSheetKey, ExcelJS.CellValue> = {
    seq: index + 1,
    code: row.code,
    name: row.name,
    stage: STAGE_NAMES[row.stage],
    annualPlan: moneyCell(row.annualPlan),
    priorYtd: moneyCell(approvedBefore),
    invested: invested === '' ? null : moneyCell(invested),
    ytd: null, // the formula, set by the caller
    progressText: text(start.progressText),
    percentComplete: percent === '' ? null : Number(percent),
    actualStart: date(start.actualStart),
    actualCompletion: date(start.actualCompletion),
    problems: text(start.problems),
    coordinationNeeded: text(start.coordinationNeeded),
    nextSteps: text(start.nextSteps),
    explanation: text(start.explanation),
    'milestone.APPROVAL': null,
    'milestone.LAND': null,
    'milestone.PLANNING_PERMIT': null,
    'milestone.EIA': null,
    'milestone.CONSTRUCTION_PERMIT': null,
    blockers: row.stage === 'PRELIMINARY' ? text(start.blockers) : '',
    readyToStart: start.readyToStart === 'true' ? '是' : start.readyToStart === 'false' ? '否' : null,
    version: row.report?.version ?? 0,
  };
  for (const m of row.milestones) {
    // a milestone already done shows its recorded date (locked); one reached this month shows the draft's date
    const shown = m.status === 'DONE' ? m.actualDate : (reached.get(m.kind) ?? null);
    values[`milestone.${m.kind}`] = date(shown);
  }
  for (const [kind, day] of reached) values[`milestone.${kind}`] ??= date(day);
  return MONTH_SHEET_COLUMNS.map((c) => values[c.key]);
}

/** May the department type into this cell of this row? */
function isOpen(row: BatchEntryRow, key: MonthSheetKey): boolean {
  const column = MONTH_SHEET_COLUMNS[AT[key]]!;
  if (!column.input) return false;
  if (row.report && row.report.status !== 'DRAFT' && row.report.status !== 'RETURNED') return false;
  if (!column.preliminary) return true;
  if (row.stage !== 'PRELIMINARY') return false;
  if (!key.startsWith('milestone.')) return true;
  return row.milestones.find((m) => `milestone.${m.kind}` === key)?.status !== 'DONE';
}

function setUpSheet(ws: ExcelJS.Worksheet, title: string, month: number, identity: string) {
  ws.mergeCells(`A${MONTH_SHEET_TITLE_ROW}:${LAST_VISIBLE}${MONTH_SHEET_TITLE_ROW}`);
  const titleCell = ws.getCell(`A${MONTH_SHEET_TITLE_ROW}`);
  titleCell.value = title;
  titleCell.font = { name: '宋体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(MONTH_SHEET_TITLE_ROW).height = 30;
  // the identity sits in the hidden last column, where no one types and every format (CSV too) keeps it
  ws.getCell(MONTH_SHEET_TITLE_ROW, LAST + 1).value = identity;
  ws.mergeCells(`A${MONTH_SHEET_NOTE_ROW}:${LAST_VISIBLE}${MONTH_SHEET_NOTE_ROW}`);
  const note = ws.getCell(`A${MONTH_SHEET_NOTE_ROW}`);
  note.value = MONTH_SHEET_NOTE;
  note.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(MONTH_SHEET_NOTE_ROW).height = 30;
  const header = ws.getRow(MONTH_SHEET_HEADER_ROW);
  MONTH_SHEET_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header(month);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.value === 'money' || c.value === 'formula') column.numFmt = '#,##0.00';
    if (c.value === 'date') column.numFmt = 'yyyy-mm-dd';
    if (c.key === 'code') column.numFmt = '@';
  });
  ws.getColumn(LAST + 1).hidden = true;
  header.height = 32;
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: MONTH_SHEET_HEADER_ROW }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${MONTH_SHEET_HEADER_ROW}:${MONTH_SHEET_HEADER_ROW}`,
  };
}

function addValidations(ws: ExcelJS.Worksheet, lastRow: number) {
  if (lastRow < MONTH_SHEET_FIRST_DATA_ROW) return;
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const range = (key: MonthSheetKey) => {
    const letter = columnLetter(AT[key]);
    return `${letter}${MONTH_SHEET_FIRST_DATA_ROW}:${letter}${lastRow}`;
  };
  const decimal = (min: number, max: number, error: string): ExcelJS.DataValidation => ({
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showErrorMessage: true,
    error,
  });
  validations.add(range('invested'), decimal(0, 999_999_999, '本月完成投资须为不小于0的数字（万元）'));
  validations.add(range('percentComplete'), decimal(0, 100, '完成%须为0到100之间的数字'));
  validations.add(range('readyToStart'), {
    type: 'list',
    allowBlank: true,
    formulae: ['"是,否"'],
    showErrorMessage: true,
    errorTitle: '请从下拉列表选择',
    error: '具备开工条件须为“是”或“否”',
  });
  for (const key of [
    'actualStart',
    'actualCompletion',
    ...MONTH_SHEET_COLUMNS.filter((c) => c.key.startsWith('milestone.')).map((c) => c.key),
  ] as MonthSheetKey[]) {
    validations.add(range(key), {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1))],
      showErrorMessage: true,
      error: '请填写日期，如 2025-03-01',
    });
  }
}

export interface MonthSheetData {
  year: number;
  month: number;
  departmentId: number;
  departmentName: string;
  rows: BatchEntryRow[];
  /** plan id → the months before this one as approved (万元, exact) */
  approvedBefore: ReadonlyMap<number, string>;
}

/** The workbook of a month: the layout of lib/domain/month-sheet/columns.ts filled with the rows. */
export async function writeMonthSheet(data: MonthSheetData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Keystone';
  const ws = wb.addWorksheet('月报填报');
  const identity = identityText({ year: data.year, month: data.month, departmentId: data.departmentId });
  setUpSheet(ws, monthSheetTitle(data.departmentName, data.year, data.month), data.month, identity);

  const prior = columnLetter(AT.priorYtd);
  const invested = columnLetter(AT.invested);
  data.rows.forEach((row, index) => {
    const approvedBefore = data.approvedBefore.get(row.planId) ?? '0.00';
    const excelRow = ws.getRow(MONTH_SHEET_FIRST_DATA_ROW + index);
    excelRow.values = rowValues(row, index, data.month, approvedBefore);
    const r = excelRow.number;
    const typed = row.report?.investedThisMonth ?? null;
    excelRow.getCell(AT.ytd + 1).value = {
      formula: `${prior}${r}+${invested}${r}`,
      result: new Decimal(approvedBefore).plus(typed ?? 0).toNumber(),
    };
    MONTH_SHEET_COLUMNS.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: c.value === 'text' };
      if (isOpen(row, c.key)) cell.protection = { locked: false };
      else cell.fill = SHADE;
    });
  });
  addValidations(ws, MONTH_SHEET_FIRST_DATA_ROW + data.rows.length - 1);
  // no password: the protection guards against slips, not people; Keystone re-checks every cell it reads
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: false,
    autoFilter: false,
  });
  makeWorkbookXmlSafe(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The department's month as an .xlsx (月报填报表): the projects and figures of batch entry (getBatchEntry, the
 * same scope: only a department's own users, for their own department), 1-(N-1)月累计 as approved, and the
 * version of each report so that the upload can name an edit made on screen in between.
 */
export async function getMonthSheet(
  db: Db,
  actor: Actor,
  options: { year?: number; month?: number },
): Promise<MonthSheetFile> {
  const entry = await getBatchEntry(db, actor, options);
  const approved = await db.monthlyReport.groupBy({
    by: ['planId'],
    where: {
      planId: { in: entry.rows.map((r) => r.planId) },
      month: { lt: entry.month },
      approvedInvested: { not: null },
    },
    _sum: { approvedInvested: true },
  });
  const buffer = await writeMonthSheet({
    year: entry.year,
    month: entry.month,
    // getBatchEntry answered, so the actor is a department's user
    departmentId: actor.departmentId ?? 0,
    departmentName: entry.departmentName,
    rows: entry.rows,
    approvedBefore: new Map(approved.map((a) => [a.planId, (a._sum.approvedInvested ?? new Decimal(0)).toFixed(2)])),
  });
  return { buffer, year: entry.year, month: entry.month, departmentName: entry.departmentName };
}
