import { expect, test } from '@playwright/test';
import { signedInPage, signInAs, sql } from './helpers';

/**
 * The plan indicators (附件2) as their users meet them: 区文化旅游委 enters its indicator's actual for the third
 * quarter and submits it, the bureau approves it, and the table and the dashboard's panel show the status in words.
 *
 * Data: the seeded 2025 indicators; 11 文化和旅游产业增加值增速 (target "6", quarterly, 区文化旅游委) starts with no
 * figure (any left by an earlier run is removed).
 */

const NAME = '文化和旅游产业增加值增速';

test.beforeAll(async ({ baseURL }) => {
  await sql(
    baseURL,
    `DELETE FROM "IndicatorActual" WHERE "indicatorId" IN
       (SELECT i.id FROM "Indicator" i JOIN "PlanYear" py ON py.id = i."planYearId" WHERE py.year = 2025 AND i.seq = 11)`,
  );
});

test('a department enters an actual, the bureau approves it, and the status shows', async ({ page, browser }) => {
  await signInAs(page, 'wlw');
  await page.goto('/plan/indicators?year=2025');
  const row = page.getByTestId('indicators-table').getByRole('row').filter({ hasText: NAME });
  await expect(row.getByText('不低于 6')).toBeVisible(); // the target "6" as read
  await expect(row.getByTestId('indicator-status')).toHaveText('暂无数据');

  await row.getByRole('link', { name: NAME }).click();
  const form = page.getByTestId('indicator-entry-form');
  await expect(form.getByLabel('期次')).toHaveValue('3'); // the last complete quarter of the reporting month
  await form.getByLabel('实际值').fill('6.4');
  await form.getByLabel('数据来源').fill('区统计局');
  await form.getByLabel('说明').fill('1—3季度');
  await form.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('indicator-entry-saved')).toHaveText('已提交，等待区发展改革委审核。');
  await expect(page.getByTestId('indicator-actual-status').first()).toHaveText('待审核');

  const bureau = await signedInPage(browser, 'bureau');
  await bureau.goto('/plan/indicators?year=2025');
  await bureau.getByTestId('indicators-pending').getByRole('link', { name: NAME }).click();
  await bureau.getByTestId('indicator-review').getByRole('button', { name: '审核通过' }).click();
  await expect(bureau.getByTestId('indicator-actual-status').first()).toHaveText('已审核');

  await bureau.goto('/plan/indicators?year=2025');
  const approved = bureau.getByTestId('indicators-table').getByRole('row').filter({ hasText: NAME });
  await expect(approved.getByTestId('indicator-latest')).toContainText('6.4');
  await expect(approved.getByTestId('indicator-latest')).toContainText('前3季度');
  await expect(approved.getByTestId('indicator-status')).toHaveText('达到目标');
  await expect(approved.getByTestId('indicator-status')).toHaveAttribute('data-status', 'MET');

  // the leaders' panel: the counts, and the ones off target (社会消费品零售总额增速 in the demo) with their figure
  const leader = await signedInPage(browser, 'leader');
  await leader.goto('/dashboard');
  const card = leader.getByTestId('indicator-card');
  await expect(card.getByTestId('indicator-off-target')).toContainText('社会消费品零售总额增速');
  await expect(card.getByTestId('indicator-off-target')).not.toContainText(NAME);
});
