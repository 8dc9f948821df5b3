import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test.describe('the monthly bulletin', () => {
  test('the bureau publishes the October bulletin and prints it; the leader reads it published', async ({ page }) => {
    await signInAs(page, 'bureau');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '月度通报' }).click();
    await expect(page.getByRole('heading', { name: '2025年月度通报' })).toBeVisible();

    // draft October from the approved reports
    await page.getByLabel('通报月份').selectOption('10');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await expect(page).toHaveURL(/\/bulletins\/2025\/10\/edit$/);
    const body = page.getByLabel('正文');
    await expect(body).toHaveValue(
      // the demo's 2024 is in Keystone, so the amount carries its 同比 clause
      /1-10月，全区重点项目累计完成投资[\d.]+亿元，同比(增长|下降)[\d.]+%，占年度计划的[\d.]+%，(超|低于)序时进度[\d.]+个百分点/,
    );

    // edit a word and save
    const text = await body.inputValue();
    expect(text).toContain('从责任单位看');
    await body.fill(text.replace('从责任单位看', '分责任单位看'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('已保存（第2版）。')).toBeVisible();

    // publish, after confirming
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '发布2025年10月通报？' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await expect(page).toHaveURL(/\/bulletins\/2025\/10$/);
    await expect(page.getByTestId('bulletin-status')).toHaveText('已发布');
    await expect(page.getByTestId('bulletin-body')).toContainText('分责任单位看');
    await expect(page.getByTestId('bulletin-by-stage')).toContainText('新开工');
    await expect(page.getByTestId('bulletin-by-stage')).toContainText('2,478,000.00');
    await expect(page.getByRole('link', { name: '编辑草稿' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '导出 Excel' })).toHaveAttribute('href', '/api/bulletins/2025/10/xlsx');

    // the print view: no frame, no buttons, the text and the tables
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeHidden();
    await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
    await expect(page.getByTestId('bulletin-body')).toBeVisible();
    await expect(page.getByTestId('bulletin-body')).toContainText('1-10月，全区重点项目累计完成投资');
    await expect(page.getByTestId('bulletin-by-direction')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // the leader reads it, published
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInAs(page, 'leader');
    await page.goto('/bulletins');
    const row = page.getByTestId('bulletin-row-10');
    await expect(row).toContainText('已发布');
    await row.getByRole('link', { name: '查看' }).click();
    await expect(page).toHaveURL(/\/bulletins\/2025\/10$/);
    await expect(page.getByTestId('bulletin-body')).toContainText('分责任单位看');
    await expect(page.getByRole('link', { name: '编辑草稿' })).toHaveCount(0);
    // the editor is the bureau's only
    const edit = await page.goto('/bulletins/2025/10/edit');
    expect(edit?.status()).toBe(404);
  });
});
