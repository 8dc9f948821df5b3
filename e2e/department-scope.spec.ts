import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * A department reporter (zjw, 区住房城乡建委) on the dashboard: district and department totals of approved figures,
 * project detail of its own projects only, and the submitted basis only for its own department.
 */
const OTHER = '区交通局';
const OWN = '区住房城乡建委';

test('a department reporter opening another department’s drill-down sees its totals and none of its projects', async ({
  page,
  browser,
}) => {
  // the bureau sees the other department's projects in its drill-down
  const bureau = await browser.newPage();
  await signInAs(bureau, 'bureau');
  await bureau.goto('/dashboard');
  const href = await bureau.locator(`[data-department="${OTHER}"]`).getByTestId('department-link').getAttribute('href');
  expect(href).toMatch(/^\/dashboard\/departments\/\d+/);
  await bureau.goto(href!);
  await expect(bureau.getByTestId('drill-project').first()).toBeVisible();
  const names = await bureau
    .getByTestId('drill-project')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project') ?? ''));
  expect(names).toContain('重庆站铁路综合枢纽改造');
  const completed = await bureau.getByTestId('drill-completed').innerText();
  await bureau.close();

  // the reporter asks for the same drill-down on the submitted basis
  await signInAs(page, 'zjw');
  const path = href!.split('?')[0]!;
  await page.goto(`${path}?basis=submitted`);
  await expect(page.getByTestId('department-drill')).toHaveAttribute('data-department', OTHER);
  await expect(page.getByTestId('drill-projects-hidden')).toBeVisible();
  await expect(page.getByTestId('drill-project')).toHaveCount(0);
  // the official (approved) total, the same as the bureau's, and no way to switch to the submitted basis
  await expect(page.getByTestId('drill-completed')).toHaveText(completed);
  await expect(page.getByTestId('dashboard-basis')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-basis-note')).toHaveCount(0);
  const text = await page.locator('main').innerText();
  for (const name of names) expect(text).not.toContain(name);
});

test('a department reporter sees its own drill-down with projects, on either basis, and only its own projects in the district lists', async ({
  page,
}) => {
  await signInAs(page, 'zjw');
  await page.goto('/dashboard?basis=submitted');
  // district figures stay official: the submitted basis is not offered district-wide
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-basis', 'approved');
  await expect(page.getByTestId('dashboard-basis')).toHaveCount(0);
  // the red list names only the reporter's own projects, and says so
  await expect(page.getByTestId('warning-list-own')).toBeVisible();
  const departments = await page.getByTestId('warning-project-department').allInnerTexts();
  expect(departments.length).toBeGreaterThan(0);
  expect(new Set(departments)).toEqual(new Set([OWN]));

  const href = await page.locator(`[data-department="${OWN}"]`).getByTestId('department-link').getAttribute('href');
  await page.goto(`${href!.split('?')[0]}?basis=submitted`);
  await expect(page.getByTestId('dashboard-basis-note')).toBeVisible();
  await expect(page.getByTestId('drill-project').first()).toBeVisible();
  await expect(page.getByTestId('drill-projects-hidden')).toHaveCount(0);
});
