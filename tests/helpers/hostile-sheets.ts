/**
 * Hostile spreadsheets, generated in memory for the tests (none is stored: the largest is about 1 MB and inflates
 * to a gigabyte). Each targets one limit of lib/domain/project-sheet/limits.ts. A tiny zip writer is used instead
 * of a library, because the point is to write what no well-behaved library would: lying sizes, one entry listed
 * many times, cells at XFD1048576.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  /** the entry's content, deflated by the writer */
  data?: string | Uint8Array;
  /** already-deflated bytes (with `size` and `crc` of what they inflate to) */
  deflated?: Uint8Array;
  /** the uncompressed size written in the headers; may lie */
  size?: number;
  crc?: number;
}

const bytesOf = (data: string | Uint8Array) =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);

/** A zip with the given entries; `repeat` lists the last entry that many times in the central directory. */
export function zipOf(entries: ZipEntryInput[], repeat = 1): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let lastCentral: Buffer | null = null;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data === undefined ? null : bytesOf(entry.data);
    const body = entry.deflated ? Buffer.from(entry.deflated) : deflateRawSync(raw ?? Buffer.alloc(0));
    const size = entry.size ?? raw?.length ?? 0;
    const crc = entry.crc ?? (raw ? crc32(raw) : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    lastCentral = Buffer.concat([header, name]);
    central.push(lastCentral);
    offset += 30 + name.length + body.length;
  }
  for (let i = 1; i < repeat && lastCentral; i += 1) central.push(lastCentral);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export type SheetCell = string | number | null;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let name = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: SheetCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** A worksheet's XML: the rows from A1 down, then any extra raw cell XML (e.g. a cell at XFD1048576). */
export function sheetXml(rows: SheetCell[][], options: { dimension?: string; extraRows?: string } = {}): string {
  const body = rows
    .map(
      (cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v)).join('')}</row>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (options.dimension ? `<dimension ref="${options.dimension}"/>` : '') +
    `<sheetData>${body}${options.extraRows ?? ''}</sheetData></worksheet>`
  );
}

/** The parts of a workbook around its sheets, as Excel lays them out; `extra` entries go after them. */
export function xlsxOf(sheets: string[], extra: ZipEntryInput[] = [], repeatLast = 1): Uint8Array<ArrayBuffer> {
  const ns = 'http://schemas.openxmlformats.org';
  return zipOf(
    [
      {
        name: '[Content_Types].xml',
        data:
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          sheets
            .map(
              (_, i) =>
                `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          '</Types>',
      },
      {
        name: '_rels/.rels',
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: 'xl/workbook.xml',
        data:
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
          sheets.map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data:
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
          sheets
            .map(
              (_, i) =>
                `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          '</Relationships>',
      },
      ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml })),
      ...extra,
    ],
    repeatLast,
  );
}

/** Raw deflate of `megabytes` MB of zeros, built from one flushed megabyte repeated: about 1 KB per MB. */
export function deflatedZeros(megabytes: number): { deflated: Uint8Array<ArrayBuffer>; size: number; crc: number } {
  const mb = Buffer.alloc(1024 * 1024);
  const segment = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i += 1) crc = crc32(mb, crc);
  const parts = Array.from({ length: megabytes }, () => segment);
  const deflated = Buffer.concat([...parts, deflateRawSync(Buffer.alloc(0))]);
  return { deflated: new Uint8Array(deflated), size: megabytes * 1024 * 1024, crc };
}

const TITLE: SheetCell[][] = [['项目代码', '项目名称', '责任单位']];

/** Every hostile file of issue 12, by the limit it breaks. */
export const hostile = {
  /** one cell in A1 and one in XFD1048576: 1.6 KB that asked SheetJS for 17 billion cells */
  cornerCells: () => xlsxOf([sheetXml(TITLE, { extraRows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' })]),
  /** a declared range of the whole sheet */
  declaredRange: () => xlsxOf([sheetXml(TITLE, { dimension: 'A1:XFD1048576' })]),
  /** an entry that says it inflates to 1 GB (the directory is believed first) */
  zipBombDeclared: () => {
    const zeros = deflatedZeros(1024);
    return xlsxOf([sheetXml(TITLE)], [{ name: 'xl/media/image1.png', ...zeros }]);
  },
  /** an entry that says 1 KB and inflates to 1 GB */
  zipBombLying: () => {
    const zeros = deflatedZeros(1024);
    return xlsxOf(
      [sheetXml(TITLE)],
      [{ name: 'xl/media/image1.png', deflated: zeros.deflated, size: 1024, crc: zeros.crc }],
    );
  },
  /** one 8 MB entry that says 1 KB, listed 100 times in the directory: 800 MB inflated */
  zipBombRepeated: () => {
    const zeros = deflatedZeros(8);
    return xlsxOf(
      [sheetXml(TITLE)],
      [{ name: 'xl/media/image1.png', deflated: zeros.deflated, size: 1024, crc: zeros.crc }],
      100,
    );
  },
  /** 4 MB of blank lines: four million rows */
  blankLinesCsv: () => new Uint8Array(Buffer.from('\n'.repeat(4 * 1024 * 1024))),
  /** a header and rows one past the row limit */
  tooManyRowsCsv: (rows: number) =>
    new Uint8Array(
      Buffer.from(['项目代码,项目名称', ...Array.from({ length: rows }, (_, i) => `R-${i},行${i}`)].join('\n')),
    ),
  /** a header row with one column past the limit */
  tooManyColumnsCsv: (columns: number) =>
    new Uint8Array(
      Buffer.from(['项目代码,项目名称', ...Array.from({ length: columns - 2 }, (_, i) => `列${i}`)].join(',')),
    ),
  /** an .xlsx with real cells down to the given row */
  tooManyRowsXlsx: (rows: number) =>
    xlsxOf([sheetXml([...TITLE, ...Array.from({ length: rows - 1 }, (_, i) => [`R-${i}`])])]),
  /** an .xlsx whose header row runs past the column limit */
  tooManyColumnsXlsx: (columns: number) =>
    xlsxOf([sheetXml([Array.from({ length: columns }, (_, i) => `列${i + 1}`)])]),
  /** a good first sheet and, behind it, every trick above in a second sheet that must never be read */
  secondSheet: (first: SheetCell[][]) =>
    xlsxOf([
      sheetXml(first),
      sheetXml(TITLE, {
        dimension: 'A1:XFD1048576',
        extraRows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      }),
    ]),
};
