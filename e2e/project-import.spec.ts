import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseProjectSheet, readGrid } from '@/lib/domain/project-sheet';
import { checkImportFile, signInAs, sql } from './helpers';

/**
 * The bureau imports next year's projects from a 调度表: a file with planted errors is refused with every problem
 * listed; the fixed file creates the rows; the same file again changes nothing; the export parses back to the
 * same rows. The rows go into a DRAFT plan year 2026 that the admin creates first, so the 2025 plan the other
 * specs reconcile (421 projects, 247.8亿, 前期 155) is untouched.
 */
const YEAR = 2026;
const HEADER = [
  '序号',
  '项目代码',
  '项目名称',
  '责任单位',
  '项目类别',
  '投资主体',
  '投资方向',
  '总投资',
  '年度计划投资',
];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

type Row = (string | number | null)[];
const good: Row[] = [
  [
    1,
    'E2E-IMP-1',
    '端到端导入测试一',
    '区住房城乡建委',
    '新开工',
    '区级',
    '基础设施',
    '3000',
    '1200',
    ...Array(11).fill('100'),
    '100',
  ],
  [
    2,
    'E2E-IMP-2',
    '端到端导入测试二',
    '区交通局',
    '续建',
    '社会',
    '房地产',
    '5000.50',
    '2400.50',
    ...Array(11).fill('200'),
    '200.50',
  ],
  [3, 'E2E-IMP-3', '端到端导入测试三', '区教委', '前期', '区级', '公共服务设施', '800', '', ...Array(12).fill('')],
];

async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.mergeCells('A1:U1');
  ws.getCell('A1').value = `渝中区${YEAR}年重点项目计划表`;
  ws.addRow([...HEADER, ...MONTHS]);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function check(page: Page, name: string, body: Buffer) {
  await page.getByLabel('计划年度').selectOption(String(YEAR));
  await checkImportFile(page, name, body);
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
}

test.beforeAll(async ({ request }) => {
  await request.get('/login');
});

test('the admin opens plan year 2026 for the import', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/plan-years');
  if (await page.getByRole('cell', { name: String(YEAR), exact: true }).count()) return;
  await page.getByRole('button', { name: '新建年度' }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划年度' });
  await dialog.getByRole('textbox', { name: '年度', exact: true }).fill(String(YEAR));
  await dialog.getByRole('textbox', { name: '计划名称' }).fill(`渝中区${YEAR}年重点项目计划`);
  await dialog.getByRole('textbox', { name: /批准计划投资/ }).fill('100000');
  await dialog.getByRole('button', { name: '创建年度' }).click();
  await expect(page.getByText(`已创建${YEAR}年度`)).toBeVisible();
});

test('the bureau imports projects from a 调度表 and exports them back', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/projects/import');

  // 1. planted errors: every one listed by row and column; nothing can be imported
  const planted = good.map((r) => [...r]);
  planted[0]![3] = '区不存在局';
  planted[1]![8] = '2400.5x';
  planted[2]![4] = '开工';
  await check(page, 'planted.xlsx', await xlsx(planted));
  await expect(page.getByTestId('import-count-errors')).toHaveText('3');
  const errors = page.getByRole('table', { name: '问题' });
  await expect(errors.getByRole('row', { name: /3\s*责任单位\s*没有名为“区不存在局”的责任单位/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /4\s*年度计划投资/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /5\s*项目类别\s*“开工”不是项目类别/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);

  // 2. the fixed file: three rows created
  await check(page, 'fixed.xlsx', await xlsx(good));
  await expect(page.getByTestId('import-count-create')).toHaveText('3');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成：新增 3 个、更新 0 个项目，0 个无变化。')).toBeVisible({ timeout: 60_000 });

  // 3. the same file again: nothing to import
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await check(page, 'fixed.xlsx', await xlsx(good));
  await expect(page.getByTestId('import-count-unchanged')).toHaveText('3');
  await expect(page.getByTestId('import-count-create')).toHaveText('0');
  await expect(page.getByTestId('import-count-update')).toHaveText('0');
  await expect(page.getByText('文件与系统中的数据一致，无需导入。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);

  // 4. export: the download parses back to the same rows
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出调度表' }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  const sheet = parseProjectSheet(readGrid(new Uint8Array(bytes), 'xlsx'));
  expect(sheet.issues).toEqual([]);
  expect(sheet.rows.map((r) => [r.code, r.name, r.department, r.stage, r.totalInvestment, r.annualPlan])).toEqual([
    ['E2E-IMP-1', '端到端导入测试一', '区住房城乡建委', 'NEW_START', '3000.00', '1200.00'],
    ['E2E-IMP-2', '端到端导入测试二', '区交通局', 'ONGOING', '5000.50', '2400.50'],
    ['E2E-IMP-3', '端到端导入测试三', '区教委', 'PRELIMINARY', '800.00', null],
  ]);
});

/** A plan file as an office writes it: its own header words, no monthly split, two columns Keystone has no field for. */
async function officePlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划表');
  ws.addRow([`渝中区${YEAR}年重点项目投资计划`]);
  ws.addRow([
    '项目编号',
    '项目名称',
    '牵头单位',
    '项目业主',
    '项目类别',
    '投资主体',
    '投资方向',
    '计划总投资（万元）',
    '年度投资计划（万元）',
    '建设起止年限',
    '备注',
  ]);
  ws.addRow([
    'E2E-PLAN-1',
    '端到端无分月计划项目',
    '区住房城乡建委',
    '重庆渝中城市建设发展有限公司',
    '新开工',
    '区级',
    '基础设施',
    '9000',
    '1000',
    '2026-2028',
    '新增',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("the bureau imports a plan file without a monthly split, in the office's own header words", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'bureau');
  await page.goto('/projects/import');
  await page.getByLabel('计划年度').selectOption(String(YEAR));

  // 1. the year's profile: the S-profile, saved and audited
  const profile = page.getByTestId('split-profile');
  await profile.getByRole('radio', { name: 'S型（典型施工进度）' }).check();
  await expect(profile.getByRole('textbox', { name: '12月' })).toHaveValue('8');
  await profile.getByRole('button', { name: '保存分月方案' }).click();
  await expect(profile.getByText(`${YEAR}年度分月方案已保存`)).toBeVisible();

  // 2. the dry run: which column became which field, the columns left out, and the derived split
  await check(page, 'office-plan.xlsx', await officePlan());
  await expect(page.getByTestId('import-count-errors')).toHaveText('0');
  await expect(page.getByTestId('import-unmapped')).toHaveText('未识别的列：建设起止年限（J）、备注（K），不导入。');
  const mapping = page.getByRole('table', { name: '表头识别' });
  await expect(mapping.getByRole('row', { name: /D\s*项目业主\s*建设单位（项目业主）/ })).toBeVisible();
  await expect(mapping.getByRole('row', { name: /I\s*年度投资计划（万元）\s*年度计划投资/ })).toBeVisible();
  await expect(mapping.getByRole('row', { name: /C\s*牵头单位\s*责任单位/ })).toBeVisible();
  await expect(page.getByTestId('import-derived')).toContainText(
    '1 个项目的文件中没有分月计划，将按“S型（典型施工进度）”推算',
  );
  const changes = page.getByTestId('import-changes');
  await expect(changes.getByRole('row', { name: /E2E-PLAN-1.*推算（S型（典型施工进度））/ })).toBeVisible();

  // 3. the commit: twelve derived months that add up to the plan exactly
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成：新增 1 个、更新 0 个项目，0 个无变化。')).toBeVisible({ timeout: 60_000 });
  const [stored] = await sql<{ id: number; derived: string; months: string; total: string }>(
    baseURL,
    `SELECT p.id, pp."monthlySplitDerived"::text AS derived, count(m.*)::text AS months, sum(m.amount)::text AS total
       FROM "Project" p JOIN "ProjectPlan" pp ON pp."projectId" = p.id JOIN "PlanYear" y ON y.id = pp."planYearId"
       JOIN "MonthlyPlanItem" m ON m."planId" = pp.id
      WHERE p.code = 'E2E-PLAN-1' AND y.year = $1 GROUP BY p.id, pp."monthlySplitDerived"`,
    [YEAR],
  );
  expect(stored).toMatchObject({ derived: 'S_CURVE', months: '12', total: '1000.00' });

  // 4. the project page says the split was derived
  await page.goto(`/projects/${stored!.id}?year=${YEAR}`);
  await expect(page.getByTestId('monthly-split-derived')).toContainText(
    '分月计划由导入按“S型（典型施工进度）”方案推算',
  );
});

test('the downloads answer 401 without a session', async ({ request }) => {
  for (const path of ['/api/projects/export', '/api/projects/template']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  }
});
