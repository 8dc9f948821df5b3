import { expect, test, type Page } from '@playwright/test';
import { numberIn, signedInPage } from './helpers';

/**
 * A month's reporting end to end, across roles: 区文化旅游委 (nothing reported for November yet) fills the
 * month in batch entry with the keyboard and submits; the bureau returns one report with a comment; the
 * reporter is notified, fixes it and resubmits; the bureau approves; the report is locked for the reporter and
 * its figure is in the project's approved total.
 */
const TARGET = '燕子岩-飞机码头风貌街区';
const COMMENT = '请核实本月完成投资并补充形象进度';

test('a reporter enters and submits a month, the bureau returns one, the reporter fixes it and the bureau approves', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const reporter = await signedInPage(browser, 'wlw');
  await reporter.goto('/reports');
  await expect(reporter.getByTestId('batch-title')).toContainText('2025年11月');
  const target = reporter.locator(`[data-testid="batch-row"][data-project="${TARGET}"]`);
  await expect(target).toBeVisible();

  // Keyboard only: each open row's amount, Enter to the next row's amount.
  const amounts = reporter.locator('[data-testid="batch-invested"]:not([disabled])');
  const open = await amounts.count();
  expect(open).toBeGreaterThan(1);
  await amounts.first().focus();
  for (let i = 0; i < open; i++) {
    const row = reporter
      .locator('[data-testid="batch-row"]')
      .filter({ has: reporter.locator('[data-testid="batch-invested"]:focus') });
    const value = (await row.getAttribute('data-project')) === TARGET ? '1,250.5' : '０';
    await reporter.keyboard.press('Control+A');
    await reporter.keyboard.type(value);
    await reporter.keyboard.press('Enter');
  }
  // the year to date follows the typed amount, never typed itself
  await expect(target.getByTestId('batch-ytd')).not.toHaveText('');
  await reporter.keyboard.press('Control+S');
  await expect(reporter.getByTestId('batch-message')).toHaveText('全部修改已保存。');
  await reporter.getByTestId('batch-submit-all').click();
  await expect(reporter.getByTestId('batch-message')).toContainText(`已提交${open}份月报`);
  await expect(target.getByTestId('batch-status')).toHaveText('已提交');

  // The bureau returns the one report with a comment.
  const bureau = await signedInPage(browser, 'bureau');
  await bureau.goto('/projects?q=' + encodeURIComponent(TARGET));
  await bureau.getByRole('link', { name: TARGET }).first().click();
  await expect(bureau.getByTestId('plan-ytd-approved')).toBeVisible();
  const projectUrl = bureau.url();
  const approvedBefore = await approvedTotal(bureau);
  await bureau.goto('/reports/review');
  await bureau.getByTestId('review-filter-department').selectOption({ label: '区文化旅游委' });
  await bureau.getByTestId('review-filter-apply').click();
  const queued = bureau.locator(`[data-testid="review-row"][data-project="${TARGET}"]`);
  await expect(queued.getByTestId('review-invested')).toHaveText('1,250.50');
  await queued.getByTestId('review-return').click();
  await bureau.getByTestId('review-return-comment').fill(COMMENT);
  await bureau.getByTestId('review-return-confirm').click();
  await expect(bureau.getByTestId('review-message')).toHaveText('已退回1份月报。');

  // The reporter sees the notification, follows it, fixes the figure and resubmits.
  await reporter.goto('/reports');
  await expect(reporter.getByTestId('notification-count')).not.toHaveText('0');
  await reporter.getByTestId('notification-bell').click();
  const notice = reporter.getByTestId('notification-item').filter({ hasText: COMMENT });
  await expect(notice).toHaveCount(1);
  await notice.getByRole('link').first().click();
  await expect(reporter).toHaveURL(/\/reports\?year=2025&month=11/);
  await expect(target.getByTestId('batch-returned-comment')).toContainText(COMMENT);
  await target.getByTestId('batch-invested').fill('1300');
  await target.getByTestId('batch-progress').focus();
  await target.getByTestId('batch-submit-one').click();
  await expect(reporter.getByTestId('batch-message')).toContainText('已提交1份月报');

  // The bureau approves everything 区文化旅游委 submitted, in one step.
  await bureau.reload();
  await expect(queued.getByTestId('review-invested')).toHaveText('1,300.00');
  // what was typed here, and any of the department's reports submitted before (the demo has a few)
  const queuedCount = await bureau.getByTestId('review-row').count();
  expect(queuedCount).toBeGreaterThanOrEqual(open);
  await bureau.getByTestId('review-select-all').check();
  await bureau.getByTestId('review-approve-selected').click();
  await expect(bureau.getByTestId('review-message')).toContainText(`已审核通过${queuedCount}份月报`);
  await expect(bureau.getByTestId('review-row')).toHaveCount(0);

  // Locked for the reporter…
  await reporter.goto('/reports');
  await expect(target.getByTestId('batch-status')).toHaveText('已审核');
  await expect(target.getByTestId('batch-invested')).toBeDisabled();

  // …and counted: the project's approved total grew by exactly November's 1,300.
  await bureau.goto(projectUrl);
  expect(await approvedTotal(bureau)).toBeCloseTo(approvedBefore + 1300, 2);
});

async function approvedTotal(page: Page): Promise<number> {
  return numberIn(await page.getByTestId('plan-ytd-approved').textContent());
}
