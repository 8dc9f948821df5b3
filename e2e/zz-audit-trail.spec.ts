import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Runs last (files run in name order, one worker): the mutations the earlier specs made must all be in the
 * audit viewer, with who, from where and the field-level before → after.
 */
test('the bureau finds every mutation of this suite in the audit viewer, with its before and after', async ({ page }) => {
  await signInAs(page, 'bureau');

  // cross-department.spec: zjw saved a draft of 88.80万元
  await page.goto('/audit?person=zjw&action=report.saveDraft');
  const saved = page.getByTestId('audit-row').first();
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId('audit-change-investedThisMonth').getByTestId('audit-after')).toContainText('88.8');
  await expect(saved).toContainText('127.0.0.1');

  // sign-in-throttling.spec: eleven sign-ins of dept27; the five that reached the password check are recorded with
  // their reason, and the lock that refused the other six is one row, not six
  await page.goto('/audit?person=dept27&action=auth.signInFailed');
  await expect(page.getByTestId('audit-row')).toHaveCount(5);
  await page.goto('/audit?person=dept27&action=auth.signInThrottled');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText('127.0.0.1');

  // admin-users.spec: the user created by the admin, and the password that user then changed
  await page.goto('/audit?action=user.create');
  const created = page.getByTestId('audit-row').filter({ hasText: 'e2e_reporter' });
  await expect(created).toHaveCount(1);
  await expect(created.getByTestId('audit-change-role').getByTestId('audit-after')).toContainText('DEPARTMENT');
  await expect(created).not.toContainText('$argon2');

  await page.goto('/audit?person=e2e_reporter&action=user.changePassword');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);

  // every sign-in is there too
  await page.goto('/audit?person=leader&action=auth.signIn');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
});
