import 'server-only';
import ExcelJS from 'exceljs';
import type { Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/domain/date-only';
import {
  chineseDate,
  PROBLEM_LEVEL_LABELS,
  PROBLEM_SHEET_COLUMNS,
  PROBLEM_STATUS_LABELS,
  problemSheetTitle,
  type ProblemSheetKey,
} from '@/lib/domain/problems/problem-sheet';
import type { Db } from '@/lib/prisma';
import { today } from '@/lib/server/clock';
import { makeWorkbookXmlSafe } from '@/lib/server/xlsx-safe';
import { Prisma } from '@/generated/prisma/client';
import type { ListProblemsOptions, ProblemRow } from './list-problems';
import { problemOrderSql, problemRowSql } from './list-problems';
import { PROBLEM_FROM, problemWhereSql } from './problem-sql';

/** The most problems one sheet holds; a larger selection says so in its note row rather than growing unbounded. */
export const PROBLEM_EXPORT_MAX_ROWS = 5000;

const TITLE_FONT = { name: '宋体', size: 16, bold: true } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
const OVERDUE_FONT = { color: { argb: 'FFB91C1C' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9CA3AF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface ExportRow extends ProblemRow {
  description: string;
  resolution: string | null;
  /** the day it was closed, in Chongqing */
  closedOn: Date | null;
  supporting: string | null;
  progress: string | null;
}

/**
 * The ledger as filtered and sorted on screen (the same WHERE and ORDER BY, the actor's scope included), as an
 * .xlsx in the 问题清单 layout. Every text goes in as a string cell, never a formula, so a title typed as
 * "=HYPERLINK(…)" stays text; characters XML cannot hold are removed (xlsx-safe).
 */
export async function exportProblemsWorkbook(
  db: Db,
  actor: Actor,
  options: Omit<ListProblemsOptions, 'page' | 'pageSize'>,
): Promise<{ buffer: Buffer; asOf: string; rows: number; truncated: boolean }> {
  const day = await today(db);
  const rows = await db.$queryRaw<ExportRow[]>`
    SELECT ${problemRowSql(actor, day)}, p.description, p.resolution,
      (p."closedAt" AT TIME ZONE 'Asia/Shanghai')::date AS "closedOn",
      (SELECT string_agg(sd.name, '、' ORDER BY sd."sortOrder", sd.name)
         FROM "ProblemSupportingUnit" su JOIN "Department" sd ON sd.id = su."departmentId"
        WHERE su."problemId" = p.id) AS supporting,
      (SELECT e.body FROM "ProblemEntry" e
        WHERE e."problemId" = p.id AND e.kind IN ('REPLY', 'CLOSE_PROPOSED') AND e.body <> ''
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) AS progress
    FROM ${PROBLEM_FROM} WHERE ${problemWhereSql(actor, options, day)}
    ${problemOrderSql(actor, day, options.sort, options.dir)}
    LIMIT ${Prisma.raw(String(PROBLEM_EXPORT_MAX_ROWS + 1))}`;
  const truncated = rows.length > PROBLEM_EXPORT_MAX_ROWS;
  const shown = rows.slice(0, PROBLEM_EXPORT_MAX_ROWS);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToWidth: 1 } });
  const last = String.fromCharCode(64 + PROBLEM_SHEET_COLUMNS.length);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = problemSheetTitle(day);
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = truncated
    ? `共${shown.length}个问题（仅导出前${PROBLEM_EXPORT_MAX_ROWS}个，请缩小筛选范围）`
    : `共${shown.length}个问题`;
  ws.getCell('A2').alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  PROBLEM_SHEET_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
  });
  header.height = 24;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];

  shown.forEach((r, index) => {
    const due = toDateOnly(r.dueDate);
    const values: Record<ProblemSheetKey, string | number> = {
      seq: index + 1,
      number: r.number,
      project: r.projectName ?? '',
      category: r.categoryName,
      description: r.title === r.description ? r.title : `${r.title}：${r.description}`,
      raisedBy: r.raisedBy,
      lead: r.leadName ?? '',
      supporting: r.supporting ?? '',
      leader: r.leaderName ?? '',
      dueDate: due ? chineseDate(due) : '',
      level: PROBLEM_LEVEL_LABELS[r.level],
      status:
        r.daysOverdue > 0
          ? `${PROBLEM_STATUS_LABELS[r.status]}（逾期${r.daysOverdue}天）`
          : PROBLEM_STATUS_LABELS[r.status],
      progress: r.progress ?? '',
      closure:
        r.status === 'CLOSED' && r.closedOn
          ? `${r.resolution ?? ''}（${chineseDate(toDateOnly(r.closedOn) ?? day)}办结）`
          : '',
    };
    const row = ws.getRow(index + 4);
    PROBLEM_SHEET_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[c.key];
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (r.daysOverdue > 0 && c.key === 'status') cell.font = OVERDUE_FONT;
    });
  });
  makeWorkbookXmlSafe(wb);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, asOf: day, rows: shown.length, truncated };
}
