/**
 * The readers' bounds (lib/domain/project-sheet/limits.ts), one hostile file per limit, generated in memory: each
 * is refused before the work it would cause, with the parameters its message needs; files within the limits read
 * as before; every refusal has a message in both languages that names the limit.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import {
  MAX_DATA_ROWS,
  MAX_INFLATED_BYTES,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_UPLOAD_BYTES,
  MAX_ZIP_ENTRIES,
  SheetLimitError,
  type SheetLimitKey,
} from '@/lib/domain/project-sheet/limits';
import { readGrid } from '@/lib/domain/project-sheet/read-grid';
import { assertSheetXmlWithinBounds, decodeCellRef, firstSheetPath } from '@/lib/domain/project-sheet/sheet-scan';
import { inflateZipWithinLimits } from '@/lib/domain/project-sheet/zip-guard';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { deflatedZeros, hostile, sheetXml, xlsxOf, zipOf } from '../helpers/hostile-sheets';

function refusal(read: () => unknown): SheetLimitError {
  try {
    read();
  } catch (error) {
    if (error instanceof SheetLimitError) return error;
    throw error;
  }
  throw new Error('expected a SheetLimitError');
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe('the limits', () => {
  it('leave room for every real file: the data-row limit fits inside the sheet limits', () => {
    expect(MAX_SHEET_ROWS).toBeGreaterThan(MAX_DATA_ROWS);
    expect(MAX_INFLATED_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(MAX_SHEET_COLUMNS).toBeGreaterThanOrEqual(50);
  });
});

describe('an .xlsx', () => {
  it('with one cell in A1 and one in XFD1048576 is refused at the far cell, before SheetJS runs', () => {
    const file = hostile.cornerCells();
    expect(file.length).toBeLessThan(2048);
    expect(refusal(() => readGrid(file, 'xlsx'))).toMatchObject({
      key: 'sheetTooManyRows',
      params: { row: 1_048_576, max: MAX_SHEET_ROWS },
    });
  });

  it('declaring <dimension ref="A1:XFD1048576"> is refused for the declared range', () => {
    expect(refusal(() => readGrid(hostile.declaredRange(), 'xlsx'))).toMatchObject({
      key: 'sheetRangeTooLarge',
      params: {
        ref: 'A1:XFD1048576',
        rows: 1_048_576,
        columns: 16_384,
        maxRows: MAX_SHEET_ROWS,
        maxColumns: MAX_SHEET_COLUMNS,
      },
    });
  });

  it('with cells one row past the limit is refused; at the limit it is read', () => {
    expect(refusal(() => readGrid(hostile.tooManyRowsXlsx(MAX_SHEET_ROWS + 1), 'xlsx'))).toMatchObject({
      key: 'sheetTooManyRows',
      params: { row: MAX_SHEET_ROWS + 1 },
    });
    expect(readGrid(hostile.tooManyRowsXlsx(MAX_SHEET_ROWS), 'xlsx').rows).toHaveLength(MAX_SHEET_ROWS);
    // two sheets of the limit's size are built and read: seconds on a busy 2-core machine (a limit, not a timing)
  }, 60_000);

  it('with a cell one column past the limit is refused; at the limit it is read', () => {
    expect(refusal(() => readGrid(hostile.tooManyColumnsXlsx(MAX_SHEET_COLUMNS + 1), 'xlsx'))).toMatchObject({
      key: 'sheetTooManyColumns',
      params: { row: 1, columns: MAX_SHEET_COLUMNS + 1, max: MAX_SHEET_COLUMNS },
    });
    expect(readGrid(hostile.tooManyColumnsXlsx(MAX_SHEET_COLUMNS), 'xlsx').rows[0]).toHaveLength(MAX_SHEET_COLUMNS);
  });

  it('is read from its first sheet only: a hostile second sheet is never measured or parsed', () => {
    const grid = readGrid(
      hostile.secondSheet([
        ['项目代码', '项目名称'],
        ['S-1', '第一张表'],
      ]),
      'xlsx',
    );
    expect(grid.rows).toEqual([
      ['项目代码', '项目名称'],
      ['S-1', '第一张表'],
    ]);
  });

  it('keeps rows and columns in place when the first cells are blank', () => {
    const grid = readGrid(
      xlsxOf([
        sheetXml([
          [null, null],
          [null, '标题'],
          [1, null, 'x'],
        ]),
      ]),
      'xlsx',
    );
    expect(grid.rows).toEqual([[], [null, '标题'], [1, null, 'x']]);
  });
});

describe('the zip of an .xlsx', () => {
  it('declaring 1 GB inflated is refused from its directory, before anything inflates', () => {
    expect(refusal(() => readGrid(hostile.zipBombDeclared(), 'xlsx'))).toMatchObject({
      key: 'sheetInflatedTooLarge',
      params: { max: 100 },
    });
  });

  it('whose directory says 1 KB for an entry of 1 GB is stopped once the inflated bytes pass the limit', () => {
    const file = hostile.zipBombLying();
    expect(file.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(refusal(() => readGrid(file, 'xlsx'))).toMatchObject({ key: 'sheetInflatedTooLarge' });
  });

  it('listing one entry a hundred times is counted a hundred times', () => {
    expect(refusal(() => readGrid(hostile.zipBombRepeated(), 'xlsx'))).toMatchObject({ key: 'sheetInflatedTooLarge' });
  });

  it('with more entries than the limit is refused from its end record', () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: 'x' }));
    expect(refusal(() => inflateZipWithinLimits(zipOf(entries)))).toMatchObject({
      key: 'sheetTooManyEntries',
      params: { count: MAX_ZIP_ENTRIES + 1, max: MAX_ZIP_ENTRIES },
    });
  });

  it('inflating to exactly the limit passes, one byte more does not', () => {
    const zeros = deflatedZeros(2);
    const zip = zipOf([{ name: 'a.bin', ...zeros }]);
    expect(
      inflateZipWithinLimits(zip, () => true, { maxEntries: 10, maxInflatedBytes: zeros.size }).get('a.bin')?.length,
    ).toBe(zeros.size);
    const lying = zipOf([{ name: 'a.bin', deflated: zeros.deflated, size: 10, crc: zeros.crc }]);
    expect(
      refusal(() => inflateZipWithinLimits(lying, () => false, { maxEntries: 10, maxInflatedBytes: zeros.size - 1 })),
    ).toMatchObject({
      key: 'sheetInflatedTooLarge',
    });
  });
});

describe('a .csv', () => {
  it('of 4 MB of blank lines is refused at the first line past the row limit', () => {
    expect(refusal(() => readGrid(hostile.blankLinesCsv(), 'csv'))).toMatchObject({
      key: 'sheetTooManyRows',
      params: { row: MAX_SHEET_ROWS + 1, max: MAX_SHEET_ROWS },
    });
  });

  it('with one row too many is refused; at the limit it is read', () => {
    expect(refusal(() => readGrid(hostile.tooManyRowsCsv(MAX_SHEET_ROWS), 'csv'))).toMatchObject({
      key: 'sheetTooManyRows',
    });
    expect(readGrid(hostile.tooManyRowsCsv(MAX_SHEET_ROWS - 1), 'csv').rows).toHaveLength(MAX_SHEET_ROWS);
  });

  it('with a row past the column limit is refused', () => {
    expect(refusal(() => readGrid(hostile.tooManyColumnsCsv(MAX_SHEET_COLUMNS + 1), 'csv'))).toMatchObject({
      key: 'sheetTooManyColumns',
      params: { row: 1, columns: MAX_SHEET_COLUMNS + 1 },
    });
  });

  it('still guesses a semicolon or tab delimiter from its first lines, as papaparse did from the whole text', () => {
    expect(readGrid(bytesOf('项目代码;项目名称;责任单位\nA;甲;区教委\nB;乙;区教委'), 'csv').rows).toEqual([
      ['项目代码', '项目名称', '责任单位'],
      ['A', '甲', '区教委'],
      ['B', '乙', '区教委'],
    ]);
    expect(readGrid(bytesOf('项目代码\t项目名称\nA\t甲\nB\t乙'), 'csv').rows).toEqual([
      ['项目代码', '项目名称'],
      ['A', '甲'],
      ['B', '乙'],
    ]);
  });
});

describe('the sheet scanner', () => {
  it('decodes cell references', () => {
    expect(decodeCellRef('XFD1048576')).toEqual({ column: 16_384, row: 1_048_576 });
    expect(decodeCellRef('$B$7')).toEqual({ column: 2, row: 7 });
    expect(decodeCellRef('R1C1')).toBeNull();
  });

  it('finds the first sheet through the workbook and its relationships', () => {
    const workbook =
      '<workbook><sheets><sheet name="调度表" sheetId="3" r:id="rId7"/><sheet name="b" r:id="rId1"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet9.xml"/></Relationships>';
    expect(firstSheetPath(workbook, rels)).toBe('xl/worksheets/sheet9.xml');
  });

  it('reads namespace-prefixed SpreadsheetML, as the .NET Open XML SDK writes it', () => {
    const xml = bytesOf(
      '<x:worksheet><x:dimension ref="A1:B2"/><x:sheetData><x:row r="60001"><x:c r="A60001"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    expect(refusal(() => assertSheetXmlWithinBounds(xml))).toMatchObject({
      key: 'sheetTooManyRows',
      params: { row: 60_001 },
    });
  });
});

describe('messages', () => {
  const keys: Record<SheetLimitKey, Record<string, string | number>> = {
    sheetInflatedTooLarge: { max: 100 },
    sheetTooManyEntries: { count: 1001, max: 1000 },
    sheetRangeTooLarge: { ref: 'A1:XFD1048576', rows: 1_048_576, columns: 16_384, maxRows: 50_000, maxColumns: 200 },
    sheetTooManyRows: { row: 50_001, max: 50_000 },
    sheetTooManyColumns: { row: 1, columns: 201, max: 200 },
    sheetParseTimeout: { seconds: 30 },
    sheetParseMemory: { mb: 512 },
    sheetParseBusy: { max: 2 },
  };
  for (const [locale, messages] of [
    ['zh-CN', zhCN],
    ['en', en],
  ] as const) {
    it(`name the limit each refusal broke, in ${locale}`, () => {
      const t = createTranslator({ locale, messages, namespace: 'validation' });
      for (const [key, params] of Object.entries(keys)) {
        const text = t(key as SheetLimitKey, params);
        const limit = Object.entries(params).find(([name]) => /^max|^seconds$|^mb$/.test(name))?.[1] as number;
        expect(text, key).toContain(limit.toLocaleString('en-US'));
        expect(text, key).not.toMatch(/[{}]/);
      }
    });
  }
});
