import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// dept27 (石油路街道's reporter) is used by no other spec: locking it out affects nobody else.
const USERNAME = 'dept27';

test('ten wrong passwords in a row are throttled with a clear message, and the account stays locked', async ({
  page,
}) => {
  const messages: string[] = [];
  for (let attempt = 1; attempt <= 10; attempt++) {
    await signIn(page, USERNAME, `wrong-password-${attempt}`);
    const alert = page.locator('#login-form-error');
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? '');
  }
  // the first attempts say the password is wrong; from the fifth on, the account is locked and says for how long
  expect(messages[0]).toContain('用户名或密码错误');
  expect(messages[4]).toMatch(/登录失败次数过多.*请在\s*1[45]\s*分钟后重试/);
  expect(messages[9]).toMatch(/登录失败次数过多/);

  // even the right password is refused while the lock lasts
  await signIn(page, USERNAME, 'Keystone@2025');
  await expect(page.locator('#login-form-error')).toContainText('登录失败次数过多');
  await expect(page).toHaveURL(/\/login/);
});
