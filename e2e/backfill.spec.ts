import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { signInAs, sql } from './helpers';

/**
 * The bureau backfills January 2025 from a 调度表 as the district keeps it: a title, a unit line, a two-level merged
 * header ("1-1月完成投资" over "累计" and "其中：1月"), a 合计 row, a department's 小计 and a footnote. It sees the
 * check row by row, gives the reason, commits, and finds the month marked 补录 on the project page.
 *
 * The two projects are the spec's own (a 2025 plan of 0 万元, no reports), removed again afterwards, so the demo
 * figures the other specs read (421 projects, 247.8亿, the approved months) are untouched while they run.
 */
const CODES = ['E2E-BF-1', 'E2E-BF-2'];
const FILE = '2025年1月调度表.xlsx';
const REASON = '系统启用前月份，按1月调度表补录';
let projectIds: number[] = [];

test.beforeAll(async ({ baseURL }) => {
  const [department] = await sql<{ id: number }>(baseURL, `SELECT id FROM "Department" WHERE name = '区住房城乡建委'`);
  const [planYear] = await sql<{ id: number }>(baseURL, `SELECT id FROM "PlanYear" WHERE year = 2025`);
  projectIds = [];
  for (const [i, code] of CODES.entries()) {
    const [project] = await sql<{ id: number }>(
      baseURL,
      `INSERT INTO "Project" (code, name, "departmentId", "ownerUnit", area, "buildType", scope, "totalInvestment", "updatedAt")
       VALUES ($1, $2, $3, '测试业主', '解放碑', 'CONTINUED', '', 5000, now()) RETURNING id`,
      [code, `补录端到端项目${i + 1}`, department!.id],
    );
    await sql(
      baseURL,
      `INSERT INTO "ProjectPlan" ("projectId", "planYearId", stage, "investorType", direction, "annualPlan", "updatedAt")
       VALUES ($1, $2, 'ONGOING', 'DISTRICT', 'INFRASTRUCTURE', 0, now())`,
      [project!.id, planYear!.id],
    );
    projectIds.push(project!.id);
  }
});

test.afterAll(async ({ baseURL }) => {
  const plans = `SELECT id FROM "ProjectPlan" WHERE "projectId" = ANY($1::int[])`;
  const batches = await sql<{ id: number }>(
    baseURL,
    `SELECT DISTINCT "backfillId" AS id FROM "MonthlyReport" WHERE "planId" IN (${plans}) AND "backfillId" IS NOT NULL`,
    [projectIds],
  );
  await sql(baseURL, `DELETE FROM "MonthlyReport" WHERE "planId" IN (${plans})`, [projectIds]);
  await sql(baseURL, `DELETE FROM "ReportBackfill" WHERE id = ANY($1::int[])`, [batches.map((b) => b.id)]);
  await sql(baseURL, `DELETE FROM "ProjectPlan" WHERE "projectId" = ANY($1::int[])`, [projectIds]);
  await sql(baseURL, `DELETE FROM "Project" WHERE id = ANY($1::int[])`, [projectIds]);
});

async function dispatchSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调度表');
  ws.addRow(['2025年1-1月全区重点项目调度表']);
  ws.mergeCells('A1:G1');
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目代码', '项目名称', '责任单位', '1-1月完成投资', '', '形象进度']);
  ws.addRow(['', '', '', '', '累计', '其中：1月', '']);
  for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('E3:F3');
  ws.addRow(['', '', '合计', '', 150.5, 100, '']);
  ws.addRow(['一', '', '区住房城乡建委', '', '', '', '']);
  // the first row gives both figures, the second the year to date only: its 本月 is derived
  ws.addRow([1, CODES[0], '补录端到端项目1', '区住房城乡建委', 100, 100, '场地平整']);
  ws.addRow([2, CODES[1], '补录端到端项目2', '区住房城乡建委', 50.5, '', '']);
  ws.addRow(['', '', '区住房城乡建委小计', '', 150.5, 100, '']);
  ws.addRow(['注：数据来源于各责任单位报送。']);
  ws.addRow(['填报人：王五']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the bureau backfills January from a merged-header 调度表 and sees 补录 on the project page', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/reports/review');
  await page.getByRole('link', { name: '补录历史月份' }).click();
  await expect(page.getByRole('heading', { name: '补录历史月份' })).toBeVisible();

  await page.getByLabel('年度').selectOption('2025');
  await page.getByLabel('月份').selectOption('1');
  await page.getByLabel('调度表文件').setInputFiles({
    name: FILE,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await dispatchSheet(),
  });
  await page.getByRole('button', { name: '预检' }).click();

  await expect(page.getByTestId('backfill-count-create')).toHaveText('2');
  await expect(page.getByTestId('backfill-count-refused')).toHaveText('0');
  await expect(page.getByTestId('backfill-total-ok')).toContainText('第5行合计与各项目之和一致');
  const first = page.getByTestId('backfill-row-7');
  await expect(first).toContainText('新建');
  await expect(first).toContainText('100.00');
  // 本月 derived from the year to date (January: the same figure)
  await expect(page.getByTestId('backfill-row-8').locator('td').nth(4)).toHaveText('50.50');
  await page.getByText('已跳过的行').click();
  await expect(page.getByTestId('backfill-skipped')).toContainText('区住房城乡建委小计');
  await expect(page.getByTestId('backfill-skipped')).toContainText('填报人：王五');

  await page.getByTestId('backfill-reason').fill(REASON);
  await page.getByRole('button', { name: '确认补录' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已补录' })).toContainText('新建2个');

  await page.goto(`/projects/${projectIds[0]}`);
  const january = page.getByTestId('report-row-1');
  await expect(page.getByTestId('report-status-1')).toHaveText('已审核');
  await expect(page.getByTestId('report-backfill-1')).toContainText('补录');
  await expect(page.getByTestId('report-backfill-1')).toContainText(`补录自“${FILE}”：${REASON}`);
  await expect(january).toContainText('场地平整');
});
