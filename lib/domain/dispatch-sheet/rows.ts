/**
 * Which kind of row a 调度表 line is. Besides the projects, the sheets carry a department's 小计 ("区住房城乡建委小计",
 * "小计"), a 合计/总计 row (often right under the header, sometimes at the end), section headings ("一、完工项目",
 * "（二）区交通局") and, at the end, footnotes (注：…, 备注, 填报人 …). None of those is a project.
 */
import { cellText } from '@/lib/domain/project-sheet/cells';
import type { CellValue } from '@/lib/domain/project-sheet/read-grid';
import type { SkippedKind } from './types';

const compact = (text: string) => text.replace(/[\s\u3000]/g, '');

/** A footnote starts the rest of the sheet: everything from its row on is notes and signatures. */
const FOOTNOTE =
  /^(注[:：\d一二三四五六七八九十]|注$|备注|说明[:：]|填报人|填报单位|填表人|审核人|审核:|审核：|制表|联系人|联系电话|报送日期|数据来源|负责人)/;
const TOTAL = /^(全区|全部|重点项目|总)?(合计|总计)(\(.*\)|（.*）|\d+个)?$/;
const SUBTOTAL = /小计/;
const HEADING = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+$)/;

export interface RowLabels {
  /** the texts of the 序号, 项目代码 and 项目名称 cells */
  seq: string;
  code: string;
  name: string;
}

/** The first non-blank cell of a row, whatever its column: where a footnote's text sits. */
export function firstText(cells: readonly CellValue[]): string {
  for (const cell of cells) {
    const text = cellText(cell);
    if (text) return text;
  }
  return '';
}

/**
 * A row that is not a project, or null for a project's row. `hasFigures` says whether any amount cell holds
 * something: a heading carries none, a project must.
 */
export function classifyRow(cells: readonly CellValue[], labels: RowLabels, hasFigures: boolean): SkippedKind | null {
  if (FOOTNOTE.test(compact(firstText(cells)))) return 'footnote';
  const texts = [labels.seq, labels.code, labels.name].map(compact).filter(Boolean);
  if (texts.some((t) => TOTAL.test(t))) return 'total';
  if (texts.some((t) => SUBTOTAL.test(t))) return 'subtotal';
  if (labels.code) return null;
  // "一、完工项目", or 序号 "（二）" beside 项目名称 "区交通局": a section, figures or not (its figures are a subtotal)
  if (texts.some((t) => HEADING.test(t))) return 'heading';
  // a department's line above its projects ("区住房城乡建委"): a name without a code and without any figure
  if (!hasFigures) return 'heading';
  return null;
}
