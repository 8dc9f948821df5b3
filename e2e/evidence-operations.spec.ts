import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test('the administrator sees the storage used per department, the demo photos counted', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name: '存储用量' }).click();
  await expect(page).toHaveURL(/\/admin\/storage$/);
  const table = page.getByTestId('storage-usage-table');
  const total = table.getByRole('row').filter({ hasText: '全区合计' });
  // the demo seed's eight generated site photos (other specs may add more)
  const text = (await total.textContent()) ?? '';
  expect(Number(/全区合计\s*(\d+) 个/.exec(text)?.[1])).toBeGreaterThanOrEqual(8);
  await expect(total).toContainText(/\d+ 个 · [\d.]+ (KB|MB)/);
  await expect(page.getByTestId('storage-location')).toContainText('存储位置：');
});

test('the bureau turns keeping photo locations on, and off again', async ({ page }) => {
  await signInAs(page, 'bureau');
  await page.goto('/problems/settings');
  const form = page.getByTestId('keep-location-form');
  await expect(form.getByRole('button', { name: '保存' })).toBeEnabled();
  const box = form.getByLabel('保存照片的拍摄位置（GPS）作为佐证');
  await expect(box).not.toBeChecked();
  await box.check();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已开启：此后上传的照片将保存拍摄位置。');
  await page.reload();
  await expect(box).toBeChecked();
  await expect(form.getByRole('button', { name: '保存' })).toBeEnabled();
  await box.uncheck();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已关闭');
});
