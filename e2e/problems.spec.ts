import Decimal from 'decimal.js';
import { expect, test } from '@playwright/test';
import { signInAs, sql } from './helpers';

/**
 * The problem ledger (问题台账) and the dashboard's problem card as a leader and the bureau meet them: the overdue
 * filter through the URL and through the filter bar, the 办结率 on the dashboard as the problems give it, and a
 * drill-down from a dashboard figure to the ledger filtered the same way.
 *
 * Data: three problems of 2025 of its own (numbers 9001–9003, so the demo's problems are left alone): one overdue
 * since January, one due in 2030, one closed. The demo clock's today is in December 2025.
 */

const PROBLEMS = [
  { seq: 9001, title: '端到端逾期问题', status: 'IN_PROGRESS', due: '2025-01-15', closed: false },
  { seq: 9002, title: '端到端未到期问题', status: 'IN_PROGRESS', due: '2030-12-31', closed: false },
  { seq: 9003, title: '端到端已办结问题', status: 'CLOSED', due: '2025-02-01', closed: true },
] as const;

test.beforeAll(async ({ baseURL }) => {
  for (const p of PROBLEMS) {
    await sql(
      baseURL,
      `INSERT INTO "Problem" ("planYearId", seq, number, "categoryId", title, description, "raisedByDepartmentId",
         "leadDepartmentId", "dueDate", status, "closedAt", resolution, "updatedAt")
       SELECT py.id, $1::int, '渝中协〔2025〕' || $1::int || '号', c.id, $2, $2 || '的描述', d.id, d.id, $3::date,
              $4::"ProblemStatus", CASE WHEN $5 THEN TIMESTAMPTZ '2025-02-01 10:00+08' END,
              CASE WHEN $5 THEN '已协调解决' END, now()
         FROM "PlanYear" py, "ProblemCategory" c, "Department" d
        WHERE py.year = 2025 AND c.name = '征地拆迁' AND d.name = '区住房城乡建委'
       ON CONFLICT (number) DO NOTHING`,
      [p.seq, p.title, p.due, p.status, p.closed],
    );
  }
});

test('the ledger’s overdue filter, from the URL and from the filter bar, shows the overdue problems in red', async ({
  page,
}) => {
  await signInAs(page, 'bureau');
  await page.goto('/problems?overdue=1');
  const overdue = page.getByTestId('problem-row-2025-9001');
  await expect(overdue).toBeVisible();
  await expect(overdue).toHaveAttribute('data-overdue', 'true');
  await expect(overdue).toContainText('逾期');
  await expect(page.getByTestId('problem-row-2025-9002')).toHaveCount(0);
  await expect(page.getByTestId('problem-row-2025-9003')).toHaveCount(0);
  for (const flag of await page
    .locator('[data-testid^="problem-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-overdue')))) {
    expect(flag).toBe('true');
  }

  // the same through the filter bar: a search for the problems of this spec, then the overdue box
  await page.goto('/problems');
  await page.getByLabel('搜索').fill('端到端');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page.getByTestId('problem-row-2025-9002')).toBeVisible();
  await expect(page.locator('[data-testid^="problem-row-"]')).toHaveCount(3);
  await page.getByTestId('problem-filter-overdue').check();
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.locator('[data-testid^="problem-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('problem-row-2025-9001')).toBeVisible();

  // a row leads to the problem's own page
  await expect(page.getByTestId('problem-row-2025-9001').getByRole('link', { name: '端到端逾期问题' })).toHaveAttribute(
    'href',
    '/problems/2025-9001',
  );
});

test('the dashboard’s 办结率 is closed ÷ all of the year, and its overdue figure drills down to the same problems', async ({
  page,
  baseURL,
}) => {
  const [counts] = await sql<{ total: number; closed: number; overdue: number }>(
    baseURL,
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status = 'CLOSED')::int AS closed,
            count(*) FILTER (WHERE p.status <> 'CLOSED' AND p."dueDate" < DATE '2025-12-03')::int AS overdue
       FROM "Problem" p JOIN "PlanYear" py ON py.id = p."planYearId" WHERE py.year = 2025`,
  );
  const rate = new Decimal(counts!.closed).times(100).dividedBy(counts!.total).toFixed(1, Decimal.ROUND_HALF_UP);

  await signInAs(page, 'leader');
  await page.goto('/dashboard');
  const card = page.getByTestId('problem-card');
  await expect(card.getByTestId('problem-stat-closureRate')).toContainText(`${rate}%`);
  const overdueFigure = card.getByTestId('problem-stat-overdue');
  await expect(overdueFigure).toContainText(String(counts!.overdue));
  await expect(card.getByTestId('problem-oldest')).toContainText('端到端逾期问题');

  await overdueFigure.click();
  await expect(page).toHaveURL(/\/problems\?.*overdue=1/);
  await expect(page.getByTestId('problem-count-overdue')).toContainText(String(counts!.overdue));
  await expect(page.getByTestId('problem-row-2025-9001')).toBeVisible();
  await expect(page.getByTestId('problem-row-2025-9002')).toHaveCount(0);
});
