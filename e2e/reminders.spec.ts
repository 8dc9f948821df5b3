import { expect, test } from '@playwright/test';
import { businessDay, signedInPage, sql, untilDemoDay } from './helpers';

/**
 * Reminders that reach people (issue 15): a user chooses e-mail on the account page, and the administrator gives a
 * department a group robot, whose URL (a secret) is shown masked once saved. The 催报 itself is proven by
 * tests/integration/reminder-actions.test.ts, and here by a click once the business clock is past November's deadline.
 */
test('a user switches e-mail reminders on: an address is required, then saved', async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, 'leader');
  await page.goto('/account');
  const form = page.getByTestId('channels-form');
  await expect(form).toBeVisible();
  // the e2e server configures no SMTP: the page says e-mail is not sent for now
  await expect(form).toContainText('系统尚未配置邮件服务器');

  await page.getByTestId('channels-email-enabled').check();
  await form.getByLabel('电子邮箱').fill('');
  await form.getByRole('button', { name: '保存提醒方式' }).click();
  await expect(form.getByText('开启邮件提醒需填写电子邮箱地址。')).toBeVisible();

  await form.getByLabel('电子邮箱').fill('leader@example.gov.cn');
  await form.getByRole('button', { name: '保存提醒方式' }).click();
  await expect(page.getByTestId('channels-saved')).toHaveText('提醒方式已保存。');

  await page.reload();
  await expect(page.getByTestId('channels-email-enabled')).toBeChecked();
  await expect(page.getByTestId('channels-form').getByLabel('电子邮箱')).toHaveValue('leader@example.gov.cn');
  const [row] = await sql<{ email: string; emailEnabled: boolean }>(
    baseURL,
    `SELECT s.email, s."emailEnabled" FROM "NotificationSetting" s JOIN "User" u ON u.id = s."userId" WHERE u.username = 'leader'`,
  );
  expect(row).toEqual({ email: 'leader@example.gov.cn', emailEnabled: true });
});

test('the administrator sets a department’s 企业微信 robot, then a signed 钉钉 one, sees them masked, and removes it', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'admin');
  await page.goto('/admin/departments');
  await expect(page.getByTestId('outbox-summary')).toContainText('发送队列');
  const table = page.getByTestId('webhooks-table');

  await table.getByRole('button', { name: '设置区交通局的群机器人' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Webhook 地址').fill('ftp://example.com/hook');
  await dialog.getByRole('button', { name: '设置' }).click();
  await expect(dialog.getByText('请输入以 http:// 或 https:// 开头的机器人 Webhook 地址。')).toBeVisible();
  // a loopback port nothing listens on: the job queue's attempts fail harmlessly until the robot is removed
  await dialog.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/cgi-bin/webhook/send?key=E2E-SECRET-KEY');
  await dialog.getByRole('button', { name: '设置' }).click();
  await expect(page.getByText('已保存区交通局的群机器人。')).toBeVisible();

  const row = table.getByRole('row').filter({ hasText: '区交通局' });
  await expect(row).toContainText('企业微信');
  await expect(row).toContainText('http://127.0.0.1:9/…-KEY');
  await expect(page.getByText('E2E-SECRET')).toHaveCount(0);

  // a 钉钉 robot secured by 加签: the secret is never shown again, the table says it is signed
  await table.getByRole('button', { name: '设置区交通局的群机器人' }).click();
  await dialog.getByLabel('机器人类型').selectOption('DINGTALK');
  await dialog.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/robot/send?access_token=E2E-SECRET-TOKEN');
  await dialog.getByLabel('加签密钥（钉钉安全设置，可选）').fill('SEC-not-a-secret');
  await dialog.getByRole('button', { name: '设置' }).click();
  await expect(dialog.getByText(/^加签密钥应为 SEC 开头/)).toBeVisible();
  await dialog.getByLabel('加签密钥（钉钉安全设置，可选）').fill(`SEC${'7e'.repeat(32)}`);
  await dialog.getByRole('button', { name: '设置' }).click();
  await expect(page.getByText('已保存区交通局的群机器人。')).toBeVisible();
  await expect(row).toContainText('钉钉（已加签）');
  await expect(page.getByText('7e7e')).toHaveCount(0);

  await table.getByRole('button', { name: '移除区交通局的群机器人' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '移除' }).click();
  await expect(page.getByText('已移除区交通局的群机器人。')).toBeVisible();
  await expect(row).toContainText('未配置');
});

test('the bureau sends a 催报 to one late department from the deadline board, and its clerk reads it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const bureau = await signedInPage(browser, 'bureau');
  try {
    // five days past November's deadline: departments with months outstanding are late
    businessDay(baseURL, '2025-12-10');
    await untilDemoDay(bureau, '/reports/board?year=2025&month=11', '2025年12月10日');
    const late = bureau.locator('[data-testid="board-row"][data-late="true"]').first();
    await expect(late).toBeVisible();
    const department = (await late.getAttribute('data-department'))!;
    const [clerk] = await sql<{ username: string; users: string }>(
      baseURL,
      `SELECT min(u.username) AS username, count(*)::text AS users FROM "User" u JOIN "Department" d ON d.id = u."departmentId"
        WHERE d.name = $1 AND u.role = 'DEPARTMENT' AND u.active`,
      [department],
    );

    await late.getByRole('button', { name: `向${department}催报` }).click();
    const dialog = bureau.getByRole('dialog');
    await expect(dialog).toContainText(`向${department}催报？`);
    await dialog.getByRole('button', { name: '发送催报' }).click();
    await expect(bureau.getByText(`已向1个单位的${clerk!.users}名用户发送催报。`)).toBeVisible();

    const page = await signedInPage(browser, clerk!.username);
    await page.goto('/notifications');
    await expect(page.getByTestId('notification-list')).toContainText(`催报：${department}2025年11月`);
    await page.context().close();
  } finally {
    businessDay(baseURL, '2025-12-03');
    await untilDemoDay(bureau, '/reports/board', '2025年12月3日');
    await bureau.context().close();
  }
});
