import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// The e2e database is shared by every spec of a run, so this spec never closes 2025 (the whole close, snapshot
// and freeze are tests/integration/year-end-close.test.ts): it shows the checklist and the close's two refusals.
test.describe('the bureau’s year-end close', () => {
  test('lists what is still open in 2025 and refuses to close while December is not approved', async ({ page }) => {
    await signInAs(page, 'bureau');
    await page.goto('/plan?year=2025');
    await page.getByRole('link', { name: '年终关闭' }).click();
    await expect(page.getByRole('heading', { name: '2025年度年终关闭' })).toBeVisible();
    await expect(page.getByTestId('close-months').locator('tbody tr')).toHaveCount(12);
    const items = page.getByTestId('close-items');
    await expect(items).toContainText(/12月报表还有\d+个项目未审核通过/);
    await expect(items).toContainText(/未办结的协调问题：\d+个/);
    await expect(items).toContainText(/计划完工但未填实际完工日期的项目：\d+个/);

    const confirm = page.getByLabel('请输入年度（2025）以确认关闭');
    await confirm.fill('2024');
    await page.getByRole('button', { name: '关闭2025年度' }).click();
    await expect(page.getByText('请输入要关闭的年度（2025）以确认')).toBeVisible();

    await confirm.fill('2025');
    await page.getByRole('button', { name: '关闭2025年度' }).click();
    await expect(page.getByText(/2025年度12月报表尚未全部审核通过（还有\d+个项目），不能关闭该年度/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: '关闭2025年度' })).toBeVisible();
  });

  test('is not offered to a leader', async ({ page }) => {
    await signInAs(page, 'leader');
    await page.goto('/plan?year=2025');
    await expect(page.getByRole('heading', { name: '2025年计划总览' })).toBeVisible();
    await expect(page.getByRole('link', { name: '年终关闭' })).toHaveCount(0);
    const response = await page.goto('/plan/close?year=2025');
    expect(response?.status()).toBe(404);
  });
});
