/**
 * Hostile spreadsheets through the real import actions (issue 12, item 1): each is refused with a message naming
 * the limit it broke, in the user's language, before any transaction opens and without writing anything; the
 * parse runs in a worker whose heap and time are capped, so even a file that passes every check and still blows
 * up ends only that worker. The files are generated in memory by tests/helpers/hostile-sheets.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_CONCURRENT_PARSES,
  MAX_QUEUED_PARSES,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
} from '@/lib/domain/project-sheet/limits';
import { hostile, sheetXml, xlsxOf } from '../helpers/hostile-sheets';
import { signIn } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

type Actions = typeof import('@/lib/actions/project-import');
type Parser = typeof import('@/lib/server/projects/parse-upload');

let t: TestDatabase;
let actions: Actions;
let parser: Parser;

/** Every table an import writes, the audit log included. */
const fingerprint = () => digestOf(t.db, ['Project', 'ProjectPlan', 'MonthlyPlanItem', 'AuditLog']);

const upload = (name: string, bytes: Uint8Array<ArrayBuffer>) => ({ year: 2025, file: new File([bytes], name) });

/** A sheet that passes every check yet needs about 70 MB of heap in SheetJS: 20,000 rows × 40 numbers. */
let heavy: Uint8Array<ArrayBuffer> | undefined;
function heavyButLegal(): Uint8Array<ArrayBuffer> {
  heavy ??= xlsxOf([sheetXml(Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 40 }, (_, c) => r + c)))]);
  return heavy;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/project-import');
  parser = await import('@/lib/server/projects/parse-upload');
});

afterAll(async () => t?.drop());

describe('each hostile file is refused with the limit it broke, and nothing is written', () => {
  const cases: { file: string; bytes: () => Uint8Array<ArrayBuffer>; zh: RegExp; en: RegExp }[] = [
    {
      file: 'corner.xlsx',
      bytes: hostile.cornerCells,
      zh: /第 1,048,576 行超出了 50,000 行的上限/,
      en: /Row 1,048,576 .* beyond the limit of 50,000 rows/,
    },
    {
      file: 'range.xlsx',
      bytes: hostile.declaredRange,
      zh: /区域 A1:XFD1048576 .*超过 50,000 行 × 200 列的上限/,
      en: /range A1:XFD1048576.*limit of 50,000 rows × 200 columns/,
    },
    {
      file: 'bomb.xlsx',
      bytes: hostile.zipBombDeclared,
      zh: /解压后超过 100 MB 的上限/,
      en: /inflates to more than the 100 MB limit/,
    },
    { file: 'lying-bomb.xlsx', bytes: hostile.zipBombLying, zh: /解压后超过 100 MB 的上限/, en: /100 MB limit/ },
    { file: 'repeated-bomb.xlsx', bytes: hostile.zipBombRepeated, zh: /解压后超过 100 MB 的上限/, en: /100 MB limit/ },
    {
      file: 'blank.csv',
      bytes: hostile.blankLinesCsv,
      zh: /第 50,001 行超出了 50,000 行的上限/,
      en: /Row 50,001 .* limit of 50,000 rows/,
    },
    {
      file: 'rows.csv',
      bytes: () => hostile.tooManyRowsCsv(MAX_SHEET_ROWS),
      zh: /第 50,001 行超出了 50,000 行的上限/,
      en: /limit of 50,000 rows/,
    },
    {
      file: 'rows.xlsx',
      bytes: () => hostile.tooManyRowsXlsx(MAX_SHEET_ROWS + 1),
      zh: /第 50,001 行超出了 50,000 行的上限/,
      en: /limit of 50,000 rows/,
    },
    {
      file: 'columns.csv',
      bytes: () => hostile.tooManyColumnsCsv(MAX_SHEET_COLUMNS + 1),
      zh: /第 1 行有 201 列，超过 200 列的上限/,
      en: /has 201 columns, more than the limit of 200/,
    },
    {
      file: 'columns.xlsx',
      bytes: () => hostile.tooManyColumnsXlsx(MAX_SHEET_COLUMNS + 1),
      zh: /201 列，超过 200 列的上限/,
      en: /limit of 200/,
    },
  ];

  // Each file once (a worker per parse costs about a second under Vitest): the check in Chinese and the commit
  // in English by turns, so both actions and both languages are seen; every message in both languages is checked
  // in tests/unit/upload-limits.test.ts.
  cases.forEach((c, i) => {
    const [locale, kind] = i % 2 === 0 ? (['zh-CN', 'check'] as const) : (['en', 'commit'] as const);
    it(`${c.file} (${kind}, ${locale})`, async () => {
      const bytes = c.bytes();
      expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
      const before = await fingerprint();
      await signIn(t.db, 'bureau', { locale: locale });
      const result = await (kind === 'check' ? actions.importProjectsDryRun : actions.importProjectsCommit)(
        upload(c.file, bytes),
      );
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect(result.ok ? '' : result.fieldErrors?.file?.[0]).toMatch(locale === 'en' ? c.en : c.zh);
      expect(await fingerprint()).toBe(before);
    });
  });
});

describe('the upload itself', () => {
  it('is refused above 20 MB by the schema, before any worker starts', async () => {
    await signIn(t.db, 'bureau', { locale: 'en' });
    const result = await actions.importProjectsDryRun(upload('large.csv', new Uint8Array(20 * 1024 * 1024 + 1)));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { file: ['fileTooLarge'] } });
  });
});

describe('what stays readable', () => {
  it('reads only the first sheet: a second sheet with every trick is never opened', async () => {
    await signIn(t.db, 'bureau', { locale: 'zh-CN' });
    const header = ['项目代码', '项目名称', '责任单位', '项目类别', '投资主体', '投资方向', '总投资', '年度计划投资'];
    const bytes = hostile.secondSheet([
      header,
      ['SHEET-1', '第二张表被忽略', '区教委', '前期', '区级', '公共服务设施', 800, null],
    ]);
    const result = await actions.importProjectsDryRun(upload('two-sheets.xlsx', bytes));
    expect(result).toMatchObject({ ok: true, data: { rows: 1, create: 1, errorCount: 0 } });
  });
});

describe('the worker is the last wall', () => {
  it('parses a heavy file that is within every limit', async () => {
    const sheet = await parser.parseUpload(heavyButLegal(), 'xlsx');
    expect(sheet.issues.map((i) => i.message)).toEqual(['noHeader']);
  });

  it('ends a parse that needs more memory than its worker may have, and keeps serving', async () => {
    await expect(
      parser.parseUpload(heavyButLegal(), 'xlsx', { memoryLimitMb: 48, timeLimitMs: 60_000 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { file: ['sheetParseMemory'] },
      params: { mb: 48 },
    });
    // the next upload is read as usual
    await signIn(t.db, 'bureau', { locale: 'zh-CN' });
    const again = await actions.importProjectsDryRun(
      upload('two-sheets.xlsx', hostile.secondSheet([['项目代码', '项目名称', '责任单位']])),
    );
    expect(again).toMatchObject({ ok: true });
  });

  it('ends a parse that runs past its time limit', async () => {
    await expect(
      parser.parseUpload(heavyButLegal(), 'xlsx', { memoryLimitMb: 512, timeLimitMs: 300 }),
    ).rejects.toMatchObject({
      fieldErrors: { file: ['sheetParseTimeout'] },
    });
  });

  it(`runs ${MAX_CONCURRENT_PARSES} parses at a time, queues ${MAX_QUEUED_PARSES} and refuses the next`, async () => {
    const file = hostile.tooManyRowsCsv(10);
    const all = Array.from({ length: MAX_CONCURRENT_PARSES + MAX_QUEUED_PARSES + 1 }, () =>
      parser.parseUpload(file, 'csv').then(
        () => 'parsed',
        (error: { fieldErrors?: { file?: string[] } }) => error.fieldErrors?.file?.[0],
      ),
    );
    const outcomes = await Promise.all(all);
    expect(outcomes.filter((o) => o === 'parsed')).toHaveLength(MAX_CONCURRENT_PARSES + MAX_QUEUED_PARSES);
    expect(outcomes.filter((o) => o === 'sheetParseBusy')).toHaveLength(1);
  });
});
