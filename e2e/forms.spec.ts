import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The forms on the shared plumbing (components/forms): a mistake is named under its field in the user's words,
 * whether the form's own schema found it or the server did, and nothing is written until it is right. Nothing here
 * saves a change, so the specs after it see the data as seeded.
 */
test('admin dialogs: a taken username from the server, a token without a name, an edit that changes nothing', async ({
  page,
}) => {
  await signInAs(page, 'admin');

  // the server refuses the username; the dialog says so under the field and stays open
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const create = page.getByRole('dialog', { name: '新建用户' });
  await create.getByLabel('用户名').fill('zjw');
  await create.getByLabel('姓名').fill('重名测试');
  await create.getByLabel('角色').selectOption('DEPARTMENT');
  await create.getByLabel('所属单位').selectOption({ label: '区教委' });
  await create.getByLabel('初始密码').fill('Initial#Pass2026');
  await create.getByRole('button', { name: '创建用户' }).click();
  await expect(create.getByRole('alert')).toHaveText('输入有误，请按提示修改后重试');
  await expect(create.getByLabel('用户名')).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toContainText('该用户名已被使用，请换一个');
  await expect(create.getByLabel('用户名')).toBeFocused();
  await create.getByRole('button', { name: '取消' }).click();
  await expect(create).toBeHidden();

  // a token's own messages live under apiTokens.validation
  await page.goto('/admin/api-tokens');
  await page.getByRole('button', { name: '签发令牌' }).click();
  const issue = page.getByRole('dialog', { name: '签发 API 令牌' });
  await issue.getByRole('button', { name: '签发', exact: true }).click();
  await expect(issue).toContainText('请输入令牌名称');
  await expect(issue.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');
  await issue.getByRole('button', { name: '取消' }).click();
  await expect(issue).toBeHidden();

  // saved as it was: the dialog closes and the page says there was nothing to save
  await page.goto('/admin/departments');
  await page.getByRole('button', { name: '编辑单位 区教委' }).click();
  const edit = page.getByRole('dialog', { name: '编辑单位 区教委' });
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '没有需要保存的修改' })).toBeVisible();
});

test('the bureau’s inline forms: thresholds out of order, a reopening without a reason', async ({ page }) => {
  await signInAs(page, 'bureau');

  await page.goto('/dashboard');
  const thresholds = page.getByTestId('threshold-form');
  // The save button is enabled once React has hydrated the form; a value typed before would be reset to its default.
  await expect(thresholds.getByTestId('threshold-save')).toBeEnabled();
  await thresholds.getByTestId('threshold-yellowPoints').fill('20');
  await thresholds.getByTestId('threshold-redPoints').fill('10');
  await thresholds.getByTestId('threshold-save').click();
  await expect(thresholds).toContainText('红色预警线不能低于黄色预警线');
  await expect(thresholds).not.toContainText('预警线已保存。');

  await page.goto('/projects/1');
  await page.getByTestId('report-reopen-10').click();
  const reopen = page.getByTestId('report-reopen-form-10');
  await reopen.getByTestId('report-reopen-confirm-10').click();
  await expect(reopen.getByRole('alert')).toHaveText('重新打开已审核月报时请填写原因');
  await reopen.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('report-reopen-10')).toBeVisible();
});
