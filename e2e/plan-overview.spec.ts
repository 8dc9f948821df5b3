import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('signing in and the plan overview', () => {
  test('an anonymous visitor is sent to the sign-in page', async ({ page }) => {
    await page.goto('/plan');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await signIn(page, 'leader', 'not-the-password');
    await expect(page.getByText('用户名或密码错误')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('the leader sees the reconciled 2025 plan: 247.8亿元 and the four stage counts', async ({ page }) => {
    await signIn(page, 'leader');
    // a leader starts on the dashboard; the plan overview is one click away
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole('link', { name: '计划总览' }).click();
    await expect(page).toHaveURL(/\/plan/);
    await expect(page.getByRole('heading', { name: '2025年计划总览' })).toBeVisible();

    const headline = page.getByTestId('plan-headline');
    await expect(headline).toContainText('421');
    await expect(headline).toContainText(/247\.80?亿元/);
    for (const [stage, label, count] of [
      ['COMPLETION', '完工', 86],
      ['ONGOING', '续建', 54],
      ['NEW_START', '新开工', 126],
      ['PRELIMINARY', '前期', 155],
    ] as const) {
      await expect(page.getByTestId(`stage-count-${stage}`)).toContainText(label);
      await expect(page.getByTestId(`stage-count-${stage}`)).toContainText(String(count));
    }
    // every published figure is reproduced by the database
    await expect(page.getByTestId('reconciliation-status')).toHaveAttribute('data-matches', 'true');
    await expect(page.getByTestId('reconciliation-table').getByText('不一致')).toHaveCount(0);
    await expect(page.getByTestId('reconciliation-table')).toContainText('非房地产的产业');
  });

  test('the language switch shows the plan in English without translating 亿 as billion', async ({ page }) => {
    await signIn(page, 'leader');
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto('/plan');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('plan-headline')).toContainText('¥24.78 bn');
    await expect(page.getByTestId('plan-headline')).not.toContainText('247.8 billion');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('plan-headline')).toContainText(/247\.80?亿元/);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'leader');
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/plan');
    await expect(page).toHaveURL(/\/login/);
  });
});
