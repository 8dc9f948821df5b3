import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The bureau edits a project: the form refuses a monthly split that does not add up to the annual plan and a
 * 前期 project with a plan, each with its message; fixed, the change saves and shows on the project page.
 * Only non-money fields are finally changed, so the 2025 plan still reconciles for the specs that follow.
 */

/** The first listed construction project (a 前期 one has no split to get wrong): its page. */
async function openConstructionProject(page: Page) {
  await page.goto('/projects');
  const hrefs = await page
    .locator('a[href^="/projects/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '').filter((h) => /^\/projects\/\d+/.test(h)));
  for (const href of hrefs.slice(0, 10)) {
    await page.goto(href);
    if ((await page.getByTestId('plan-stage').textContent())?.trim() !== '前期') return;
  }
  throw new Error('no construction project among the first listed');
}

test('the bureau edits a project, sees the plan invariants refused, fixes them and saves', async ({ page }) => {
  await signInAs(page, 'bureau');
  await openConstructionProject(page);
  const projectUrl = page.url();

  await page.getByTestId('project-edit-link').click();
  await expect(page.getByTestId('project-form')).toBeVisible();
  const submit = page.getByTestId('project-form-submit');
  await expect(submit).toBeEnabled();

  // 1. a month changed: the split no longer adds up, and the form says by how much
  const january = page.getByTestId('pf-month-1');
  const januaryBefore = await january.inputValue();
  await january.fill('999,999.99');
  await expect(page.getByTestId('pf-split-summary')).toContainText('差额');
  await submit.click();
  await expect(page.getByTestId('pf-monthly-error')).toHaveText('分月计划合计须等于年度计划投资');
  await january.fill(januaryBefore);
  await expect(page.getByTestId('pf-split-summary')).toContainText('一致');

  // 2. made 前期 while it still has an annual plan
  const stage = page.getByTestId('pf-stage');
  const stageBefore = await stage.inputValue();
  await stage.selectOption({ label: '前期' });
  await submit.click();
  await expect(page.locator('#pf-annualPlan-error')).toContainText('前期项目不安排年度计划投资');
  await stage.selectOption(stageBefore);

  // 3. fixed, with a change the project page shows: saved, with links to the project and the plan overview
  const contact = `联系人${Date.now() % 100000}`;
  await page.getByTestId('pf-contactName').fill(contact);
  await submit.click();
  const notice = page.getByTestId('project-form-notice');
  await expect(notice).toContainText('修改已保存');
  await expect(page.getByTestId('project-form-view-plan')).toHaveAttribute('href', /^\/plan\?year=\d{4}$/);
  await expect(page.locator('#pf-annualPlan-error')).toHaveCount(0);

  await page.getByTestId('project-form-view-project').click();
  await expect(page).toHaveURL(new RegExp(`${new URL(projectUrl).pathname}`));
  await expect(page.getByTestId('project-attributes')).toContainText(contact);
});
