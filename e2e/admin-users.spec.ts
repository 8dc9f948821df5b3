import { expect, test } from '@playwright/test';
import { signIn, signInAs } from './helpers';

test('an admin creates a reporter, who must change the password at first sign-in', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('e2e_reporter');
  await dialog.getByLabel('姓名').fill('端到端填报员');
  await dialog.getByLabel('角色').selectOption('DEPARTMENT');
  await dialog.getByLabel('所属单位').selectOption({ label: '区教委' });

  // the password policy speaks first
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(dialog).toContainText('密码至少需要10个字符');

  await dialog.getByLabel('初始密码').fill('Initial#Pass2026');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('已创建用户 e2e_reporter，首次登录时须修改密码')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'e2e_reporter' })).toContainText('区教委');

  // the new user signs in and is held at the password change until it is done
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, 'e2e_reporter', 'Initial#Pass2026');
  await expect(page).toHaveURL(/\/change-password/);
  await page.goto('/plan');
  await expect(page).toHaveURL(/\/change-password/);
  await expect(page.getByText('您的密码由管理员设置，请先修改密码再继续使用系统。')).toBeVisible();

  await page.getByLabel('当前密码').fill('Initial#Pass2026');
  await page.getByLabel('新密码', { exact: true }).fill('Chosen#Pass2026');
  await page.getByLabel('确认新密码').fill('Chosen#Pass2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  // a department's user starts at the month's batch entry
  await expect(page).toHaveURL(/\/reports/);
  await expect(page.getByTestId('batch-title')).toContainText('2025年11月月报填报');
});

test('a deactivated user is refused at the next request, not only at the next sign-in', async ({ browser }) => {
  const reporter = await browser.newPage();
  await signInAs(reporter, 'dept19');
  await reporter.goto('/projects');
  await expect(reporter.getByTestId('project-list')).toBeVisible();

  const admin = await browser.newPage();
  await signInAs(admin, 'admin');
  await admin.goto('/admin/users');
  const row = admin.getByRole('row').filter({ hasText: 'dept19' });
  await row.getByRole('button', { name: '停用用户 dept19' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: '停用', exact: true }).click();
  await expect(row).toContainText('已停用');

  await reporter.reload();
  await expect(reporter).toHaveURL(/\/login/);
});
