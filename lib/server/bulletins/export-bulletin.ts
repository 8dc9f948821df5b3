import 'server-only';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { makeWorkbookXmlSafe } from '@/lib/server/xlsx-safe';
import { createTranslator } from 'use-intl/core';
import type { AppLocale } from '@/i18n/config';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';
import { withPreliminaryLine } from '@/lib/server/dashboard/get-rollup';
import { NotFoundError } from '@/lib/server/errors';
import type { RollupCut } from '@/lib/server/dashboard/get-rollup';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { rankDepartments } from './figures';
import { getBulletin } from './get-bulletin';

const MESSAGES = { 'zh-CN': zhCN, en } as const;
const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.0%';
const COUNT_FORMAT = '#,##0';
const THIN = { style: 'thin', color: { argb: 'FF9CA3AF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
/** Six columns: label (or project), count (or department), plan, completed, %, points behind (red projects only). */
const COLUMN_WIDTHS = [34, 22, 20, 20, 11, 14];
const COLUMNS = COLUMN_WIDTHS.length;

/** Width in Excel character units: a Chinese character takes two. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** A 万元 figure as an Excel number when a double holds it exactly as written, else the exact text. */
function money(value: string): number | string {
  return new Decimal(value).precision(true) <= 15 ? Number(value) : value;
}

/**
 * The bulletin as an .xlsx, one sheet in the order of the printed page: the title, the text (one merged, wrapped
 * row per paragraph), then the same tables from the same frozen figures, amounts in 万元 ('#,##0.00'). Whoever may
 * read the bulletin may export it; a draft answers not-found to anyone but the bureau, as the page does.
 */
export async function exportBulletinWorkbook(
  db: Db,
  actor: Actor,
  options: { year: number; month: number; locale: AppLocale },
): Promise<{ buffer: Buffer; title: string }> {
  const bulletin = await getBulletin(db, actor, options);
  if (!bulletin) throw new NotFoundError('bulletin');
  const t = createTranslator({ locale: options.locale, messages: MESSAGES[options.locale], namespace: 'bulletins' });
  const tEnums = createTranslator({ locale: options.locale, messages: MESSAGES[options.locale], namespace: 'enums' });
  const figures = bulletin.figures;
  const r = figures.rollup;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Keystone';
  const ws = wb.addWorksheet(t('metaTitle'), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  COLUMN_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const totalWidth = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);

  const merged = (
    text: string,
    options: { font?: Partial<ExcelJS.Font>; align?: 'left' | 'center' | 'right'; lineHeight?: number } = {},
  ) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, COLUMNS);
    const cell = row.getCell(1);
    cell.alignment = { horizontal: options.align ?? 'left', vertical: 'top', wrapText: true };
    if (options.font) cell.font = options.font;
    const lines = Math.max(1, Math.ceil((widthOf(text) + 4) / (totalWidth - 2)));
    row.height = lines * (options.lineHeight ?? 18);
    return row;
  };

  merged(bulletin.title, { font: { name: '宋体', size: 16, bold: true }, align: 'center', lineHeight: 30 });
  if (bulletin.publishedAt) {
    merged(
      bulletin.publishedBy
        ? t('page.published', {
            name: bulletin.publishedBy,
            time: formatChongqingTime(bulletin.publishedAt, { seconds: false }),
          })
        : t('page.publishedNoName', { time: formatChongqingTime(bulletin.publishedAt, { seconds: false }) }),
      { align: 'center' },
    );
  } else {
    merged(t('page.draftNotice'), { align: 'center', font: { color: { argb: 'FFB45309' } } });
  }
  ws.addRow([]);
  for (const paragraph of bulletin.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    merged(`\u3000\u3000${paragraph}`, { font: { name: '宋体', size: 12 } });
  }
  ws.addRow([]);
  merged(t('page.unit'), { align: 'right' });

  const header = (labels: string[]) => {
    const row = ws.addRow(labels);
    row.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    row.height = 30;
  };
  const caption = (text: string) => {
    ws.addRow([]);
    const row = ws.addRow([text]);
    row.getCell(1).font = { bold: true, size: 12 };
  };
  const cutTable = <K extends string | number>(
    title: string,
    labelHeader: string,
    cuts: RollupCut<K>[],
    label: (c: RollupCut<K>) => string,
    total = false,
  ) => {
    caption(title);
    header([
      labelHeader,
      t('tables.columns.count'),
      t('tables.columns.annualPlan'),
      t('tables.columns.completed'),
      t('tables.columns.percent'),
    ]);
    const lines = cuts.map((c) => ({
      label: label(c),
      count: c.count,
      plan: c.annualPlan,
      completed: c.completed,
      percent: c.percent,
    }));
    if (total) {
      lines.push({
        label: t('tables.total'),
        count: r.projectCount,
        plan: r.annualPlan,
        completed: r.completed,
        percent: r.percentOfPlan,
      });
    }
    for (const line of lines) {
      const row = ws.addRow([
        line.label,
        line.count,
        line.percent === null && new Decimal(line.plan).isZero() ? null : money(line.plan),
        money(line.completed),
        line.percent === null ? null : new Decimal(line.percent).dividedBy(100).toNumber(),
      ]);
      row.getCell(2).numFmt = COUNT_FORMAT;
      row.getCell(3).numFmt = MONEY_FORMAT;
      row.getCell(4).numFmt = MONEY_FORMAT;
      row.getCell(5).numFmt = PERCENT_FORMAT;
      for (let i = 1; i <= 5; i++) row.getCell(i).border = BORDER;
      if (line.label === t('tables.total') && total) row.font = { bold: true };
    }
  };

  cutTable(t('tables.byStage'), t('tables.columns.stage'), r.byStage, (c) => tEnums(`stage.${c.key}`), true);
  // construction projects as the plan report counts them, then the 前期 projects in a line of their own
  const preliminary = t('tables.preliminaryLine');
  cutTable(t('tables.byInvestor'), t('tables.columns.investor'), withPreliminaryLine(r.byInvestor, r), (c) =>
    c.key === 'PRELIMINARY' ? preliminary : tEnums(`investor.${c.key}`),
  );
  cutTable(t('tables.byDirection'), t('tables.columns.direction'), withPreliminaryLine(r.byDirection, r), (c) =>
    c.key === 'PRELIMINARY' ? preliminary : tEnums(`direction.${c.key}`),
  );
  const { leading, lagging } = rankDepartments(figures);
  cutTable(t('tables.leading'), t('tables.columns.department'), leading, (c) => c.label);
  cutTable(t('tables.lagging'), t('tables.columns.department'), lagging, (c) => c.label);

  caption(t('tables.red'));
  if (figures.redProjects.length === 0) {
    merged(t('tables.redNone'));
  } else {
    merged(t('tables.redHint', { points: figures.paceRedPoints, count: figures.redProjects.length }));
    header([
      t('tables.columns.project'),
      t('tables.columns.department'),
      t('tables.columns.annualPlan'),
      t('tables.columns.completed'),
      t('tables.columns.percent'),
      t('tables.columns.behind'),
    ]);
    for (const p of figures.redProjects) {
      const row = ws.addRow([
        p.name,
        p.department,
        money(p.annualPlan),
        money(p.completed),
        new Decimal(p.percent).dividedBy(100).toNumber(),
        Number(new Decimal(p.behindPoints).toFixed(1, Decimal.ROUND_DOWN)),
      ]);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(3).numFmt = MONEY_FORMAT;
      row.getCell(4).numFmt = MONEY_FORMAT;
      row.getCell(5).numFmt = PERCENT_FORMAT;
      row.getCell(6).numFmt = '0.0';
      for (let i = 1; i <= COLUMNS; i++) row.getCell(i).border = BORDER;
    }
  }
  ws.addRow([]);
  merged(t('page.figuresTakenAt', { time: formatChongqingTime(figures.takenAt, { seconds: false }) }), {
    font: { size: 9, color: { argb: 'FF64748B' } },
  });

  makeWorkbookXmlSafe(wb);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), title: bulletin.title };
}
