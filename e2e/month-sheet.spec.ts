import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { MONTH_SHEET_COLUMN_INDEX, MONTH_SHEET_FIRST_DATA_ROW } from '@/lib/domain/month-sheet/columns';
import { signInAs, sql } from './helpers';

/**
 * A department's month filled offline (issue 17): 区住房城乡建委 (November in draft) downloads its month on 月报填报,
 * fills two drafts and the project not reported yet in a spreadsheet library as a clerk does in Excel, uploads it,
 * reads the check (old → new, the submitted rows skipped), saves, finds the drafts on screen with the new figures,
 * and submits one there as usual. The drafts are the second and third by id: over-total-explanation.spec.ts takes
 * the last one, cross-department.spec.ts any open form.
 */
const DEPARTMENT = '区住房城乡建委';
const COL = (key: keyof typeof MONTH_SHEET_COLUMN_INDEX) => MONTH_SHEET_COLUMN_INDEX[key] + 1;

/** The projects' rows of a downloaded month. */
function projectRows(wb: ExcelJS.Workbook): number {
  const ws = wb.worksheets[0]!;
  let n = 0;
  for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1)
    if (ws.getRow(r).getCell(COL('code')).value) n += 1;
  return n;
}

/** The month's rows as the download has them, and `extra` rows of codes that are none of the department's. */
async function monthFile(wb: ExcelJS.Workbook, extra: number) {
  const ws = wb.worksheets[0]!;
  const last = ws.rowCount;
  for (let i = 1; i <= extra; i += 1) {
    const row = ws.getRow(last + i);
    row.getCell(COL('code')).value = `E2E-${String(i).padStart(4, '0')}`;
    row.getCell(COL('invested')).value = i;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Row {
  code: string;
  name: string;
  status: string | null;
  invested: string | null;
  /** what the total investment leaves for November */
  room: number;
}

test('a reporter downloads the month, fills it in a spreadsheet, checks, saves the drafts and submits one', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const rows = await sql<Row>(
    baseURL,
    `SELECT p.code, p.name, r.status, r."investedThisMonth"::text AS invested,
            (p."totalInvestment" - pp."cumulativeBeforeYear"
              - (SELECT COALESCE(sum(o."investedThisMonth"), 0) FROM "MonthlyReport" o
                  WHERE o."planId" = pp.id AND o.month <> 11))::float AS room
       FROM "ProjectPlan" pp
       JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.year = 2025
       JOIN "Project" p ON p.id = pp."projectId"
       JOIN "Department" d ON d.id = p."departmentId"
       LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = 11
      WHERE d.name = $1 AND pp.stage <> 'PRELIMINARY'
      ORDER BY p.id`,
    [DEPARTMENT],
  );
  // not the first draft nor the last (other specs'), and with room under the total for the new figure: the one
  // submitted on screen must not need a 情况说明
  const drafts = rows
    .filter((r) => r.status === 'DRAFT')
    .slice(1, -1)
    .filter((r) => r.room > 2000)
    .slice(0, 2);
  expect(drafts).toHaveLength(2);
  const missing = rows.find((r) => r.status === null);
  // the file names every project; the check skips what the bureau holds, whatever the file says of it
  const held = rows.filter((r) => r.status === 'SUBMITTED' || r.status === 'APPROVED');
  const filled = [
    { ...drafts[0]!, amount: '1234.56', progress: '主体结构施工至12层（表格填报）' },
    { ...drafts[1]!, amount: '0', progress: '' },
    ...(missing ? [{ ...missing, amount: '88.8', progress: '完成场地平整（表格填报）' }] : []),
  ];

  await signInAs(page, 'zjw');
  await page.goto('/reports');
  await expect(page.getByTestId('batch-title')).toContainText('2025年11月');

  // the download, as the browser saves it
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('month-sheet-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rowOf = (code: string) => {
    for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
      if (ws.getRow(r).getCell(COL('code')).value === code) return ws.getRow(r);
    }
    throw new Error(`the downloaded month has no row for ${code}`);
  };
  for (const f of filled) {
    const row = rowOf(f.code);
    row.getCell(COL('invested')).value = Number(f.amount);
    if (f.progress) row.getCell(COL('progressText')).value = f.progress;
  }
  // a submitted row changed in the file all the same: skipped, never written
  if (held[0]) rowOf(held[0].code).getCell(COL('invested')).value = 999;

  await page.getByTestId('month-sheet-file').setInputFiles({
    name: `${DEPARTMENT}2025年11月.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByTestId('month-sheet-check').click();

  // the check: every filled row old → new, the held rows skipped, nothing refused, nothing written yet
  const result = page.getByTestId('month-sheet-result');
  await expect(result).toBeVisible();
  // the progress stays with the result: every row of the file read and checked, none written by a check
  const counts = page.getByTestId('month-sheet-progress-counts');
  const read = projectRows(wb);
  await expect(counts).toHaveText(`已读取 ${read} 行 / 已检查 ${read} 行`);
  const line = (code: string) => result.getByTestId('month-sheet-row').filter({ hasText: code });
  for (const f of filled) {
    const outcome = f.status === null ? '新建草稿' : '修改草稿';
    await expect(line(f.code).locator('td[data-outcome]')).toHaveText(outcome);
    const before = f.status === null ? '—' : Number(f.invested).toFixed(2);
    await expect(line(f.code)).toContainText(`本月完成投资：${before} → ${Number(f.amount).toFixed(2)}`);
    if (f.progress) await expect(line(f.code)).toContainText(f.progress);
  }
  for (const h of held) {
    await expect(line(h.code).locator('td[data-outcome]')).toHaveText('跳过');
  }
  await expect(page.getByTestId('month-sheet-counts')).toContainText('不能导入0行');
  const [unwritten] = await sql<{ invested: string }>(
    baseURL,
    `SELECT r."investedThisMonth"::text AS invested FROM "MonthlyReport" r
       JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId"
       JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.year = 2025
      WHERE p.code = $1 AND r.month = 11`,
    [drafts[0]!.code],
  );
  expect(unwritten!.invested).toBe(drafts[0]!.invested);

  // saving: the drafts on screen carry the file's figures
  await page.getByTestId('month-sheet-commit').click();
  await expect(page.getByTestId('month-sheet-committed')).toBeVisible();
  await expect(counts).toContainText(`已写入 ${filled.length} 行`);
  await expect(page.getByTestId('month-sheet-progress')).toHaveAttribute('data-phase', 'written');
  for (const f of filled) {
    const onScreen = page.locator(`[data-testid="batch-row"][data-project="${f.name}"]`);
    await expect(onScreen.getByTestId('batch-status')).toHaveText('草稿');
    await expect(onScreen.getByTestId('batch-invested')).toHaveValue(new RegExp(`^${f.amount.replace('.', '\\.')}`));
    if (f.progress) await expect(onScreen.getByTestId('batch-progress')).toHaveValue(f.progress);
  }
  const saved = await sql<{ code: string; status: string; invested: string }>(
    baseURL,
    `SELECT p.code, r.status, r."investedThisMonth"::text AS invested FROM "MonthlyReport" r
       JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId"
       JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.year = 2025
      WHERE p.code = ANY($1) AND r.month = 11 ORDER BY p.code`,
    [[...filled.map((f) => f.code), ...held.slice(0, 1).map((h) => h.code)]],
  );
  for (const f of filled) {
    expect(saved.find((s) => s.code === f.code)).toEqual({
      code: f.code,
      status: 'DRAFT',
      invested: Number(f.amount).toFixed(2),
    });
  }
  if (held[0]) expect(saved.find((s) => s.code === held[0]!.code)?.invested).toBe(held[0].invested);

  // and one of them goes to the bureau from the screen, as any draft does
  const first = page.locator(`[data-testid="batch-row"][data-project="${filled[0]!.name}"]`);
  await first.getByTestId('batch-submit-one').click();
  await expect(page.getByTestId('batch-message')).toContainText('已提交1份月报');
  await expect(first.getByTestId('batch-status')).toHaveText('已提交');
});

test('a month of a few hundred rows shows how many rows were read and checked, and what the check found', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const EXTRA = 300;
  await signInAs(page, 'zjw');
  await page.goto('/reports');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('month-sheet-download').click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const n = projectRows(wb);
  await page.getByTestId('month-sheet-file').setInputFiles({
    name: `${DEPARTMENT}2025年11月.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await monthFile(wb, EXTRA),
  });
  await page.getByTestId('month-sheet-check').click();

  // every row read and checked, the rows of unknown codes refused, and nothing to save while they are there
  await expect(page.getByTestId('month-sheet-result')).toBeVisible();
  const progress = page.getByTestId('month-sheet-progress');
  await expect(progress).toHaveAttribute('data-phase', 'checked');
  await expect(progress.locator('progress')).toHaveAttribute('value', '100');
  await expect(page.getByTestId('month-sheet-progress-counts')).toHaveText(
    `已读取 ${n + EXTRA} 行 / 已检查 ${n + EXTRA} 行`,
  );
  await expect(page.getByTestId('month-sheet-counts')).toContainText(`不能导入${EXTRA}行`);
  await expect(page.getByTestId('month-sheet-commit')).toHaveCount(0);
});
