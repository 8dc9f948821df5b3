/**
 * Where a 调度表's header is and which column holds what. The layouts in circulation put a title row and a unit
 * line (单位：万元) above a header of one or two rows: "1-8月完成投资" merged across two columns with "累计" and
 * "其中：8月" below it, while 序号, 项目名称 … are merged down over both rows. A reader gives a merged cell's value
 * in its first cell and blanks after (SheetJS), or repeats it in every cell (some exports): both read the same here,
 * because a blank upper cell above a sub-header takes the upper label on its left.
 */
import { cellText } from '@/lib/domain/project-sheet/cells';
import type { CellValue, Grid } from '@/lib/domain/project-sheet/read-grid';
import type { DispatchColumn } from './types';

/** Titles and notes above the header are short. */
const HEADER_SEARCH_ROWS = 30;

/** Header text compared without spaces, line breaks, full-width digits or the many dashes of "1-8月". */
export function normalizeLabel(value: CellValue | undefined): string {
  return cellText(value)
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\u3000]/g, '')
    .replace(/[－—–~～至到]/g, '-')
    .replace(/：/g, ':')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const YTD = /(?:^|[^\d])1-(\d{1,2})月/;
const ONE_MONTH = /(?:其中:?|^)(\d{1,2})月(?:份)?(?:完成)?(?:投资)?(?:\(万元\))?$/;
/** cumulative figures that are not the year's: since the start of works, up to last year's end */
const NOT_THIS_YEAR = /开工以来|自开工|截至上年|截止上年|上年底|累计至上年|以前年度/;

interface Classified {
  key: DispatchColumn;
  month?: number;
}

/** One column by its upper and lower header (lower '' when the header is one row). */
export function classifyColumn(upper: string, lower: string): Classified | null {
  const both = upper === lower ? upper : upper + lower;
  if (/^序号|^编号$/.test(both)) return { key: 'seq' };
  if (/项目代码|项目编码|项目编号|^代码$/.test(both)) return { key: 'code' };
  if (/项目名称/.test(both)) return { key: 'name' };
  if (/责任单位|牵头单位|责任部门/.test(both)) return { key: 'department' };
  if (/形象进度/.test(both)) return /目标|计划/.test(both) ? null : { key: 'progress' };
  if (/率|%|占比|比例|总投资/.test(both) || NOT_THIS_YEAR.test(both)) return null;
  // the sub-header decides first: "1-8月完成投资 | 其中：8月" is this month, "… | 累计" the year to date
  const lowerMonth = ONE_MONTH.exec(lower);
  if (lowerMonth && !YTD.test(lower)) return { key: 'thisMonth', month: Number(lowerMonth[1]) };
  if (/本月|当月/.test(lower)) return { key: 'thisMonth', month: monthOf(upper) };
  const ytd = YTD.exec(lower) ?? YTD.exec(upper);
  if (ytd) return { key: 'cumulative', month: Number(ytd[1]) };
  if (/本年累计|年度累计|今年累计|本年完成|累计完成/.test(both)) return { key: 'cumulative' };
  if (/本月|当月/.test(upper)) return { key: 'thisMonth' };
  const upperMonth = ONE_MONTH.exec(upper);
  if (upperMonth) return { key: 'thisMonth', month: Number(upperMonth[1]) };
  if (/年度计划|年计划|计划投资|年度投资计划/.test(both) && !/完成/.test(both)) return { key: 'annualPlan' };
  return null;
}

function monthOf(text: string): number | undefined {
  const m = YTD.exec(text);
  return m ? Number(m[1]) : undefined;
}

export interface DispatchLayout {
  /** 0-based index of the (upper) header row */
  headerIndex: number;
  /** 0-based index of the first data row */
  dataStart: number;
  columns: Map<DispatchColumn, { index: number; label: string }>;
  /** every month a header names, by column key */
  months: { key: DispatchColumn; month: number; label: string }[];
  /** what the rows above the header say */
  title: { year: number | null; month: number | null; unit: string | null };
}

const isNameHeader = (text: string) => /项目名称/.test(text);

/** The row under the header is a sub-header when the cell under 项目名称 is blank and the row has text only. */
function isSubHeader(row: CellValue[] | undefined, nameIndex: number, upperName: string): boolean {
  if (!row) return false;
  const under = normalizeLabel(row[nameIndex]);
  if (under !== '' && under !== upperName) return false;
  let text = false;
  for (const cell of row) {
    if (typeof cell === 'number') return false;
    if (normalizeLabel(cell) !== '') text = true;
  }
  return text;
}

function readTitle(rows: readonly (CellValue[] | undefined)[]): DispatchLayout['title'] {
  let year: number | null = null;
  let month: number | null = null;
  let unit: string | null = null;
  for (const row of rows) {
    for (const cell of row ?? []) {
      const text = normalizeLabel(cell);
      if (!text) continue;
      const u = /单位:?\(?(万元|亿元|千元|元)/.exec(text);
      if (u && unit === null) unit = u[1]!;
      const y = /(20\d{2})年/.exec(text);
      if (y && year === null) year = Number(y[1]);
      const m = YTD.exec(text) ?? /20\d{2}年(\d{1,2})月/.exec(text);
      if (m && month === null) month = Number(m[1]);
    }
  }
  return { year, month, unit };
}

/** The header of the first thirty rows that has 项目名称, its sub-header row if any, and the title above it. */
export function detectDispatchHeader(grid: Grid): DispatchLayout | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let h = 0; h < limit; h += 1) {
    const top = grid.rows[h] ?? [];
    const nameIndex = top.findIndex((c) => isNameHeader(normalizeLabel(c)));
    if (nameIndex < 0) continue;
    const below = grid.rows[h + 1];
    const twoRows = isSubHeader(below, nameIndex, normalizeLabel(top[nameIndex]));
    const width = Math.max(top.length, twoRows ? (below?.length ?? 0) : 0);
    const columns: DispatchLayout['columns'] = new Map();
    const months: DispatchLayout['months'] = [];
    let carried = '';
    for (let c = 0; c < width; c += 1) {
      const own = normalizeLabel(top[c]);
      const lower = twoRows ? normalizeLabel(below?.[c]) : '';
      // a blank upper cell inside a merged run: the run's label, when there is a sub-header under it
      const upper = own || (lower ? carried : '');
      if (own) carried = own;
      else if (!lower) carried = '';
      if (!upper && !lower) continue;
      const found = classifyColumn(upper || lower, upper ? lower : '');
      if (!found) continue;
      const label = lower && upper && lower !== upper ? `${upper} | ${lower}` : upper || lower;
      if (found.month !== undefined) months.push({ key: found.key, month: found.month, label });
      if (!columns.has(found.key)) columns.set(found.key, { index: c, label });
    }
    return {
      headerIndex: h,
      dataStart: h + (twoRows ? 2 : 1),
      columns,
      months,
      title: readTitle(grid.rows.slice(0, h)),
    };
  }
  return null;
}
