import { expect, test } from '@playwright/test';
import { numberIn, signInAs, sql } from './helpers';

/**
 * The yearly cycle (issue 19): the bureau closes 2025, opens 2026 with the carry-over (one project's stage changed,
 * one dropped in bulk), and finds the carried projects in 2026's plan and project list. Closing 2025 is for good,
 * so this spec runs last, in a Playwright project of its own (playwright.config.ts).
 */
test.beforeAll(async ({ request }) => {
  await request.get('/login');
});

test('the bureau closes 2025 and opens 2026 with its carry-over', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  // December approved for every 2025 project, as the bureau's approvals leave it (the review UI is another spec's)
  await sql(
    baseURL,
    `UPDATE "MonthlyReport" r SET status = 'APPROVED', "approvedInvested" = r."investedThisMonth"
       FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE pp.id = r."planId" AND y.year = 2025 AND r.month = 12 AND r.status <> 'APPROVED'`,
  );
  await sql(
    baseURL,
    `INSERT INTO "MonthlyReport" ("planId", month, status, "approvedInvested", "updatedAt")
     SELECT pp.id, 12, 'APPROVED', 0, now() FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE y.year = 2025 AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.month = 12)`,
  );
  const [planned] = await sql<{ n: number }>(
    baseURL,
    `SELECT count(*)::int AS n FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2025`,
  );
  const projects = planned!.n;

  // the close, as e2e/year-end-close.spec.ts starts it, this time through to the end
  await signInAs(page, 'bureau');
  await page.goto('/plan?year=2025');
  await page.getByRole('link', { name: '年终关闭' }).click();
  await expect(page.getByTestId('close-items')).toContainText('12月报表已全部审核通过，可以关闭。');
  await page.getByLabel('请输入年度（2025）以确认关闭').fill('2025');
  await page.getByRole('button', { name: '关闭2025年度' }).click();
  await expect(page.getByText('2025年度已关闭。')).toBeVisible();

  // the wizard, from the close page
  await page.getByRole('link', { name: '结转至2026年度' }).click();
  await expect(page.getByRole('heading', { name: '2025年度项目结转至2026年度' })).toBeVisible();
  await expect(page.getByTestId('carry-amounts-later')).toContainText('计划导入或计划页面填写');
  const rows = page.getByTestId('carry-row');
  await expect(rows).toHaveCount(projects);
  const summary = page.getByTestId('carry-summary');
  const count = async (id: string) => numberIn(await summary.getByTestId(id).textContent());
  const ongoing = await count('carry-count-ONGOING');
  const completion = await count('carry-count-COMPLETION');
  const dropped = await count('carry-count-dropped');

  // the flagged projects to check, highlighted with their reason in words
  await page.getByTestId('carry-filter').selectOption({ label: '需核实' });
  const flagged = await rows.count();
  expect(flagged).toBeGreaterThan(0);
  await expect(rows.first()).toHaveClass(/bg-amber-50/);
  await expect(rows.first()).toContainText('请核实');
  await page.getByTestId('carry-filter').selectOption({ label: '全部项目' });

  // one project planned to complete in 2026 instead of continuing; another dropped through the bulk choice
  const continuing = page.locator('[data-testid="carry-row"][data-reason="constructionContinues"]');
  const changed = continuing.nth(0);
  const changedCode = await changed.getAttribute('data-code');
  const changedName = (await changed.getByRole('link').textContent())!;
  await changed.getByTestId('carry-decision').selectOption({ label: '完工' });
  const droppedCode = await continuing.nth(1).getAttribute('data-code');
  await continuing.nth(1).getByTestId('carry-select').check();
  await page.getByTestId('carry-bulk-decision').selectOption({ label: '不结转' });
  await page.getByTestId('carry-bulk').getByRole('button', { name: '应用' }).click();
  await expect(summary.getByTestId('carry-count-ONGOING')).toHaveText(`续建：${ongoing - 2}个`);
  await expect(summary.getByTestId('carry-count-COMPLETION')).toHaveText(`完工：${completion + 1}个`);
  await expect(summary.getByTestId('carry-count-dropped')).toHaveText(`不结转：${dropped + 1}个`);
  const carried = projects - dropped - 1;
  await expect(page.getByTestId('carry-total')).toContainText(`结转${carried}个项目`);

  // 2026 may hold new projects already (e2e/project-import.spec.ts imports next year's into it before this spec)
  const count2026 = async () =>
    (
      await sql<{ n: number }>(
        baseURL,
        `SELECT count(*)::int AS n FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2026`,
      )
    )[0]!.n;
  const before = await count2026();

  await page.getByTestId('carry-confirm').click();
  await expect(page.getByTestId('carry-done')).toContainText(`2026年度已结转（${carried}个项目）`);
  expect(await count2026()).toBe(before + carried);
  await page.getByRole('link', { name: '查看2026年度计划' }).click();
  await expect(page.getByRole('heading', { name: /2026年计划总览/ })).toBeVisible();
  await expect(page.getByText(`${before + carried}个`, { exact: true })).toBeVisible();

  // 2026's plans of 2025's projects: the carried ones, the changed one as 完工, the dropped one absent
  const stages = await sql<{ code: string; stage: string }>(
    baseURL,
    `SELECT p.code, pp.stage FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId"
       JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE y.year = 2026 AND EXISTS (SELECT 1 FROM "ProjectPlan" p25 JOIN "PlanYear" y25 ON y25.id = p25."planYearId"
                                       WHERE y25.year = 2025 AND p25."projectId" = p.id)`,
  );
  expect(stages).toHaveLength(carried);
  expect(stages.find((s) => s.code === changedCode)?.stage).toBe('COMPLETION');
  expect(stages.find((s) => s.code === droppedCode)).toBeUndefined();
  await page.goto(`/projects?year=2026&q=${encodeURIComponent(changedCode!)}`);
  const list = page.getByTestId('project-list');
  await expect(list.getByText(changedName)).toBeVisible();
  await expect(list.locator('tbody td[data-column="stage"]').first()).toHaveText('完工');
});
