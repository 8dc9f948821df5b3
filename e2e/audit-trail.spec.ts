import { expect, test } from '@playwright/test';
import { signIn, signInAs, signedInPage } from './helpers';

/**
 * The audit viewer as the bureau reads it: the spec makes its own changes first, as users no other spec signs in
 * as, then finds each in the viewer with who, from where and the field-level before → after. It runs alone and in
 * any order.
 */
const SAVER = 'dept28'; // 解放碑-朝天门管委会: November drafts to fill
const LOCKED_OUT = 'dept24'; // 大溪沟街道's reporter, locked out here
const NEW_USER = 'e2e_audited';

test('the bureau finds each change, sign-in failure and lock in the audit viewer, with its before and after', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);

  // A reporter saves a November figure in batch entry.
  const reporter = await signedInPage(browser, SAVER);
  await reporter.goto('/reports');
  const amount = reporter.locator('[data-testid="batch-invested"]:not([disabled])').first();
  await amount.fill('88.80');
  await reporter.keyboard.press('Control+S');
  await expect(reporter.getByTestId('batch-message')).toHaveText('全部修改已保存。');
  await reporter.context().close();

  // Six wrong passwords: five reach the password check, then the lock refuses the sixth.
  const guesser = await browser.newContext();
  const guess = await guesser.newPage();
  for (let attempt = 1; attempt <= 6; attempt++) {
    await signIn(guess, LOCKED_OUT, `wrong-password-${attempt}`);
    await expect(guess.locator('#login-form-error')).toBeVisible();
  }
  await guesser.close();

  // An administrator creates a user, who then replaces the initial password.
  const admin = await signedInPage(browser, 'admin');
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: '新建用户' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(NEW_USER);
  await dialog.getByLabel('姓名').fill('审计测试员');
  await dialog.getByLabel('角色').selectOption('DEPARTMENT');
  await dialog.getByLabel('所属单位').selectOption({ label: '区教委' });
  await dialog.getByLabel('初始密码').fill('Initial#Pass2026');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(admin.getByText(`已创建用户 ${NEW_USER}，首次登录时须修改密码`)).toBeVisible();
  await admin.context().close();

  const newcomer = await browser.newContext();
  const first = await newcomer.newPage();
  await signIn(first, NEW_USER, 'Initial#Pass2026');
  await expect(first).toHaveURL(/\/change-password/);
  await first.getByLabel('当前密码').fill('Initial#Pass2026');
  await first.getByLabel('新密码', { exact: true }).fill('Chosen#Pass2026');
  await first.getByLabel('确认新密码').fill('Chosen#Pass2026');
  await first.getByRole('button', { name: '修改密码' }).click();
  await expect(first).toHaveURL(/\/reports/);
  await newcomer.close();

  // The bureau reads it all back.
  await signInAs(page, 'bureau');

  await page.goto(`/audit?person=${SAVER}&action=report.saveDraft`);
  // the save that changed the amount (leaving the field and Ctrl+S may both save; the second changes nothing)
  const saved = page.getByTestId('audit-row').filter({ has: page.getByTestId('audit-change-investedThisMonth') });
  await expect(saved).toHaveCount(1);
  await expect(saved.getByTestId('audit-change-investedThisMonth').getByTestId('audit-after')).toContainText('88.8');
  await expect(saved).toContainText('127.0.0.1');

  await page.goto(`/audit?person=${SAVER}&action=auth.signIn`);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);

  await page.goto(`/audit?person=${LOCKED_OUT}&action=auth.signInFailed`);
  await expect(page.getByTestId('audit-row')).toHaveCount(5);
  // the lock that refused the sixth attempt is one row, not one per refusal
  await page.goto(`/audit?person=${LOCKED_OUT}&action=auth.signInThrottled`);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText('127.0.0.1');

  await page.goto('/audit?action=user.create');
  const created = page.getByTestId('audit-row').filter({ hasText: NEW_USER });
  await expect(created).toHaveCount(1);
  await expect(created.getByTestId('audit-change-role').getByTestId('audit-after')).toContainText('DEPARTMENT');
  await expect(created).not.toContainText('$argon2');

  await page.goto(`/audit?person=${NEW_USER}&action=user.changePassword`);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).not.toContainText('Chosen#Pass2026');
});
