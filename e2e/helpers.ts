import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Keystone@2025';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in and waits until the signed-in area shows. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
