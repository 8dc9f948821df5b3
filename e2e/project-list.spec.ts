import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The bureau narrows the project list to one department's 新开工 projects, sorts them by name, and shares the view:
 * the address carries the state, a reload shows the same view, and the totals row counts what the filter shows.
 */
// The first request to a fresh production server is slow; warm it so the sign-in's own timeout measures sign-in.
test.beforeAll(async ({ request }) => {
  await request.get('/login');
});

test('the bureau filters, sorts and shares the projects list', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/projects');
  const filters = page.getByTestId('project-list-filters');
  const table = page.getByTestId('project-list');

  await filters.getByLabel('项目类别').selectOption({ label: '新开工' });
  await filters.getByLabel('责任单位').selectOption({ label: '区住房城乡建委' });
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/stage=NEW_START/);
  await expect(page).toHaveURL(/dept=\d+/);

  const rows = table.locator('tbody tr[data-testid^="project-row-"]');
  await expect(rows.first()).toBeVisible();
  for (const cell of await table.locator('tbody td[data-column="stage"]').allTextContents())
    expect(cell).toBe('新开工');
  for (const cell of await table.locator('tbody td[data-column="department"]').allTextContents())
    expect(cell).toBe('区住房城乡建委');

  // sort by name: one click on the header, the server orders by pinyin
  await table.getByRole('button', { name: /项目名称/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(table.getByRole('columnheader', { name: /项目名称/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await table.locator('tbody td[data-column="name"]').allTextContents();
  // in pinyin order (菜园坝… under c before 七星岗… under q), not the characters' code-point order, which a plain
  // string sort would give and this list would tell apart
  const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');
  expect(names.length).toBeGreaterThan(2);
  expect(names).toEqual([...names].sort(pinyin.compare));
  expect(names).not.toEqual([...names].sort());

  // the totals row counts the whole filtered set, which is what the header and the rows show
  const scopeText = (await page.getByTestId('project-list-scope').textContent()) ?? '';
  const filteredCount = Number(/共([\d,]+)个项目/.exec(scopeText)?.[1]?.replace(/,/g, ''));
  const totalsText = (await page.getByTestId('project-list-totals-count').textContent()) ?? '';
  expect(Number(/（([\d,]+)个）/.exec(totalsText)?.[1]?.replace(/,/g, ''))).toBe(filteredCount);
  if (filteredCount <= 50) await expect(rows).toHaveCount(filteredCount);

  // a reload, or the link sent to a colleague, shows the same view
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(filters.getByLabel('项目类别')).toHaveValue('NEW_START');
  await expect(table.getByRole('columnheader', { name: /项目名称/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(await table.locator('tbody td[data-column="name"]').allTextContents()).toEqual(names);
  await expect(page.getByTestId('project-list-totals-count')).toHaveText(totalsText);

  // a hidden column stays hidden through a reload as well
  await page.getByTestId('project-list-columns').locator('summary').click();
  await page.getByTestId('project-list-columns').getByLabel('片区').uncheck();
  await expect(page).toHaveURL(/hide=area/);
  await expect(table.locator('td[data-column="area"]')).toHaveCount(0);
  await page.reload();
  await expect(table.locator('td[data-column="area"]')).toHaveCount(0);
  await expect(page).toHaveURL(/stage=NEW_START/);
});

test('a department reporter sees only its own department, totals included', async ({ page }) => {
  await signInAs(page, 'zjw');
  // asking for another department's rows in the URL changes nothing about the scope
  await page.goto('/projects?dept=999999');
  await expect(page.getByTestId('project-list-totals-count')).toContainText('（0个）');
  await page.goto('/projects');
  for (const cell of await page
    .getByTestId('project-list')
    .locator('tbody td[data-column="department"]')
    .allTextContents())
    expect(cell).toBe('区住房城乡建委');
});
