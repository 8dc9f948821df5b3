import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * The demo opens on its demo date, 3 December 2025 (November's round in flight, two days before the 5 December
 * deadline), whatever the calendar says: a newcomer sees an ordinary reporting week, not every department
 * "逾期365天". The browser's clock is set to two different years; the page is the server's business clock's.
 */
for (const calendar of ['2026-12-20T10:00:00+08:00', '2031-03-15T10:00:00+08:00']) {
  const year = calendar.slice(0, 4);

  test(`in ${year} the demo still shows the week of 3 December 2025, with its banner on every page`, async ({
    page,
    context,
  }) => {
    await page.clock.install({ time: new Date(calendar) });

    await page.goto('/login');
    await expect(page.getByTestId('demo-banner')).toHaveText('演示数据 · 演示日期 2025年12月3日');
    await signInAs(page, 'bureau');

    // The deadline board: November is due on 5 December and it is the 3rd, so nobody is late yet.
    await page.goto('/reports/board');
    await expect(page.getByTestId('demo-banner')).toHaveText('演示数据 · 演示日期 2025年12月3日');
    await expect(page.getByTestId('board-deadline')).toHaveAttribute('data-deadline', '2025-12-05');
    await expect(page.getByTestId('board-today')).toContainText('2025-12-03');
    await expect(page.getByTestId('board-late-count')).toHaveText('没有逾期单位');
    await expect(page.getByText(/逾期\d+天/)).toHaveCount(0);

    // The November dashboard's warnings: no project past a reporting deadline.
    await page.goto('/dashboard?year=2025&month=11');
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.getByText('已超过报送截止日')).toHaveCount(0);

    // The same banner in English.
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
    await page.goto('/projects');
    await expect(page.getByTestId('demo-banner')).toHaveText('Demo data · demo date 3 December 2025');
  });
}
