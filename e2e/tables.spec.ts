import { expect, test, type Locator } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The shared table and the shared navigation where people use them: the review queue keeps the server's order and
 * filters, the project list pages and changes its page size through the URL, month links move the board, the batch
 * entry and the dashboard, and the dashboard still shows every card with its totals. Reads only: it changes no data,
 * so it runs alone or in any order.
 */
test.beforeAll(async ({ request }) => {
  await request.get('/login');
});

const flagCounts = (rows: Locator) =>
  rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('[data-flag]').length));

test('the review queue lists flagged reports first and filters by flag and department', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/reports/review?year=2025&month=11');
  const rows = page.getByTestId('review-row');
  await expect(rows.first()).toBeVisible();

  // November's submitted reports include a few with flags: they lead, the most flagged first
  const counts = await flagCounts(rows);
  expect(counts.length).toBeGreaterThan(10);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts).toContain(0);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  await page.getByTestId('review-filter-flag').selectOption('any');
  await page.getByTestId('review-filter-apply').click();
  await expect(page).toHaveURL(/flag=any/);
  await expect.poll(async () => (await flagCounts(rows)).length).toBe(counts.filter((n) => n > 0).length);
  expect(await flagCounts(rows)).not.toContain(0);

  // one department: every row is that department's
  const department = (await rows.first().locator('td[data-column="department"]').textContent())!.trim();
  await page.getByTestId('review-filter-flag').selectOption('');
  await page.getByTestId('review-filter-department').selectOption({ label: department });
  await page.getByTestId('review-filter-apply').click();
  await expect(page).toHaveURL(/department=\d+/);
  await expect(rows.first()).toBeVisible();
  const departments = await rows.locator('td[data-column="department"]').allTextContents();
  expect(new Set(departments.map((d) => d.trim()))).toEqual(new Set([department]));
});

test('the project list pages through the URL, and a new page size starts again at page 1', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/projects');
  const pager = page.getByTestId('project-list-pager');
  const names = page.getByTestId('project-list').locator('tbody td[data-column="name"]');
  const scope = (await page.getByTestId('project-list-scope').textContent()) ?? '';
  const total = Number(/共([\d,]+)个项目/.exec(scope)?.[1]?.replace(/,/g, ''));
  const size = Number(await pager.getByLabel('每页').inputValue());
  expect(total).toBeGreaterThan(size);
  const pages = (perPage: number) => Math.ceil(total / perPage);

  await expect(pager.getByText(`第1页，共${pages(size)}页`)).toBeVisible();
  await expect(pager.getByRole('button', { name: '上一页' })).toBeDisabled();
  await expect(names).toHaveCount(size);
  const firstPage = await names.allTextContents();

  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(pager.getByText(`第2页，共${pages(size)}页`)).toBeVisible();
  await expect(pager.getByRole('button', { name: '上一页' })).toBeEnabled();
  const secondPage = await names.allTextContents();
  expect(secondPage).toHaveLength(size);
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

  // another page size: the address carries it, and the list starts again at page 1
  const other = size === 20 ? 50 : 20;
  await pager.getByLabel('每页').selectOption(String(other));
  await expect(page).toHaveURL(new RegExp(`[?&]size=${other}\\b`));
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(pager.getByText(`第1页，共${pages(other)}页`)).toBeVisible();
  await expect(names).toHaveCount(other);

  // the browser's back button returns to the page before, as with any link
  await page.goBack();
  await expect(pager.getByText(`第2页，共${pages(size)}页`)).toBeVisible();
});

test('month links move the board and the dashboard, and mark the month shown', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/reports/board');
  const boardMonths = page.getByTestId('board-months');
  await expect(boardMonths.locator('[aria-current="page"]')).toHaveText('11月');
  await boardMonths.getByRole('link', { name: '10月' }).click();
  await expect(page).toHaveURL(/month=10/);
  await expect(boardMonths.locator('[aria-current="page"]')).toHaveText('10月');

  await page.goto('/dashboard');
  const dashboardMonths = page.getByTestId('dashboard-months');
  await expect(dashboardMonths.locator('[aria-current="page"]')).toHaveText('1-10月');
  await dashboardMonths.getByRole('link', { name: '1-9月' }).click();
  await expect(page.getByTestId('dashboard-title')).toContainText('1-9月');
  await expect(dashboardMonths.locator('[aria-current="page"]')).toHaveText('1-9月');
});

test('a department moves its batch entry by month', async ({ page }) => {
  await signInAs(page, 'zjw');
  await page.goto('/reports');
  const months = page.getByTestId('batch-months');
  await expect(months.locator('[aria-current="page"]')).toHaveText('11月');
  await months.getByRole('link', { name: '10月', exact: true }).click();
  await expect(page.getByTestId('batch-title')).toContainText('2025年10月');
  await expect(months.locator('[aria-current="page"]')).toHaveText('10月');
});

test('the dashboard still shows every card, each cut with its totals row', async ({ page }) => {
  await signInAs(page, 'leader');
  await page.goto('/dashboard?year=2025&month=10');
  for (const id of [
    'headline-completed',
    'headline-percent',
    'headline-pace',
    'headline-forecast',
    's-curve',
    'likely-to-miss',
    'preliminary-milestones',
    'cut-department',
    'warning-counts',
    'warning-list',
  ]) {
    await expect(page.getByTestId(id), id).toBeVisible();
  }
  for (const cut of ['cut-stage', 'cut-investor', 'cut-direction', 'cut-area']) {
    // every cut adds up to the whole plan: its totals row counts the 421 projects
    await expect(page.getByTestId(`${cut}-totals`).locator('td[data-column="count"]'), cut).toHaveText('421');
  }
  await expect(page.getByTestId('cut-stage').locator('tbody tr')).toHaveCount(4);
});
