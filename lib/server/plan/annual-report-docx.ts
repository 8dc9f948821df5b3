import 'server-only';
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Actor } from '@/lib/auth/actor';
import {
  annualReportDocument,
  type AnnualReportDocument,
  type AnnualReportTable,
} from '@/lib/domain/annual-report/document';
import type { Db } from '@/lib/prisma';
import { NotFoundError } from '@/lib/server/errors';
import { getAnnualReportFigures } from './annual-report-figures';

/**
 * The annual report as a Word document, laid out in the style of government documents (GB/T 9704): A4, margins
 * 37/35/28/26 mm, the title in 方正小标宋简体 二号, first-level headings in 黑体, second-level in 楷体_GB2312, the text
 * in 仿宋_GB2312 三号 at a fixed 28-point line, each paragraph indented two characters. Fonts are named, not
 * embedded: Word and WPS on the bureau's machines have them, and elsewhere substitute a CJK face.
 */

const LATIN = 'Times New Roman';
const FONT = { title: '方正小标宋简体', heading: '黑体', subheading: '楷体_GB2312', body: '仿宋_GB2312' } as const;
/** half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt */
const SIZE = { title: 44, body: 32, table: 21, tableTitle: 36 } as const;
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
/** two characters of 三号 (16pt = 320 twips each) */
const INDENT = { firstLine: 640 } as const;

const PAGE = {
  // A4 in twips, exactly (210 × 297 mm; the mm helper rounds down to 11905 × 16837)
  size: { width: 11906, height: 16838 },
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
  },
};
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
/** 序号, 类别, 名称, 单位, 属性, target, outcome: shares of the text width */
const COLUMN_SHARES = [6, 14, 28, 10, 10, 16, 16] as const;

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) {
  return new TextRun({ text, font: { ascii: LATIN, hAnsi: LATIN, eastAsia: font }, size, ...extra });
}

function body(text: string, font: string = FONT.body) {
  return new Paragraph({ children: [run(text, font, SIZE.body)], spacing: LINE, indent: INDENT });
}

function centered(text: string, font: string, size: number, pageBreakBefore = false) {
  return new Paragraph({
    children: [run(text, font, size)],
    alignment: AlignmentType.CENTER,
    spacing: LINE,
    pageBreakBefore,
  });
}

function table(t: AnnualReportTable): Table {
  const widths = COLUMN_SHARES.map((s) => Math.floor((TEXT_WIDTH * s) / 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: i === 2 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, header ? FONT.heading : FONT.body, SIZE.table)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** The .docx of a document model. */
export async function buildAnnualReportDocx(doc: AnnualReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...doc.title.map((line) => centered(line, FONT.title, SIZE.title)),
    new Paragraph({ children: [], spacing: LINE }),
  ];
  if (doc.draftNote) children.push(body(doc.draftNote, FONT.subheading));
  for (const section of doc.sections) {
    children.push(body(section.heading, FONT.heading), body(section.subheading, FONT.subheading));
    children.push(...section.paragraphs.map((p) => body(p)));
  }
  children.push(new Paragraph({ children: [], spacing: LINE }));
  children.push(...doc.annexList.map((line, i) => (i === 0 ? body(line) : body(`\u3000\u3000\u3000${line}`))));
  for (const annex of doc.annexes) {
    children.push(
      new Paragraph({ children: [run(annex.label, FONT.heading, SIZE.body)], spacing: LINE, pageBreakBefore: true }),
      centered(annex.title, FONT.title, SIZE.tableTitle),
      table(annex),
    );
  }
  const document = new Document({
    creator: 'Keystone',
    title: doc.title.join(''),
    styles: {
      default: { document: { run: { font: { ascii: LATIN, hAnsi: LATIN, eastAsia: FONT.body }, size: SIZE.body } } },
    },
    sections: [{ properties: { page: PAGE }, children }],
  });
  return Packer.toBuffer(document);
}

/**
 * The year's report as a download: the .docx and its file name. Throws NotFoundError for a year without one (not
 * in Keystone, or not started); ForbiddenError for a role without `planYear.report`.
 */
export async function exportAnnualReport(
  db: Db,
  actor: Actor,
  year: number,
): Promise<{ buffer: Buffer; fileName: string; final: boolean }> {
  const figures = await getAnnualReportFigures(db, actor, year);
  if (!figures) throw new NotFoundError();
  const doc = annualReportDocument(figures);
  const fileName = `${year}年计划执行情况及${year + 1}年重点项目安排${figures.final ? '' : '（草稿）'}.docx`;
  return { buffer: await buildAnnualReportDocx(doc), fileName, final: figures.final };
}
