import Decimal from 'decimal.js';
import { expect, test } from '@playwright/test';
import { signInAs, sql } from './helpers';

/**
 * 同比 and the multi-year project page on the demo data, whose closed 2024 carries into 2025: a leader sees 1-10月
 * against the same months of 2024 on the dashboard and in a department's drill-down, each equal to a direct sum
 * over the tables, and a project that was under way in 2024 shows both years.
 */

/** Approved months 1…N of a year, summed by the database; optionally one department's projects. */
async function approved(baseURL: string | undefined, year: number, month: number, departmentId?: number) {
  const [row] = await sql<{ s: string }>(
    baseURL,
    `SELECT COALESCE(sum(r."approvedInvested"), 0)::numeric(18,2)::text AS s
       FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "PlanYear" y ON y.id = pp."planYearId"
       JOIN "Project" p ON p.id = pp."projectId"
      WHERE y.year = $1 AND r.month <= $2 AND ($3::int IS NULL OR p."departmentId" = $3)`,
    [year, month, departmentId ?? null],
  );
  return row!.s;
}

const rate = (current: string, previous: string) =>
  new Decimal(current).minus(previous).times(100).dividedBy(previous).toFixed(1, Decimal.ROUND_HALF_UP);

test('a leader sees 同比 beside 1-10月 completed, district-wide and for a department', async ({ page, baseURL }) => {
  await signInAs(page, 'leader');
  await page.goto('/dashboard?year=2025&month=10');
  const expected = rate(await approved(baseURL, 2025, 10), await approved(baseURL, 2024, 10));
  const yoy = page.getByTestId('headline-yoy');
  await expect(yoy).toHaveAttribute('data-percent', expected);
  await expect(yoy).toContainText(
    `同比${expected.startsWith('-') ? '下降' : '增长'}${expected.replace('-', '')}%（上年同期`,
  );

  // the department with the most spending in 2024: its drill-down compares its own projects
  const [dept] = await sql<{ id: number }>(
    baseURL,
    `SELECT p."departmentId" AS id FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
       JOIN "PlanYear" y ON y.id = pp."planYearId" JOIN "Project" p ON p.id = pp."projectId"
      WHERE y.year = 2024 GROUP BY p."departmentId" ORDER BY sum(r."approvedInvested") DESC, 1 LIMIT 1`,
  );
  await page.goto(`/dashboard/departments/${dept!.id}?year=2025&month=10`);
  const own = rate(await approved(baseURL, 2025, 10, dept!.id), await approved(baseURL, 2024, 10, dept!.id));
  await expect(page.getByTestId('drill-yoy')).toHaveAttribute('data-percent', own);
});

test('a project under way in 2024 shows both its years: the chart against the total and each year’s line', async ({
  page,
  baseURL,
}) => {
  const [project] = await sql<{ id: number; before2025: string }>(
    baseURL,
    `SELECT pp."projectId" AS id, p25."cumulativeBeforeYear"::text AS before2025
       FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.year = 2024
       JOIN "ProjectPlan" p25 ON p25."projectId" = pp."projectId"
       JOIN "PlanYear" y25 ON y25.id = p25."planYearId" AND y25.year = 2025
      ORDER BY pp.id LIMIT 1`,
  );
  await signInAs(page, 'leader');
  await page.goto(`/projects/${project!.id}?year=2025`);
  const years = page.getByTestId('project-years');
  await expect(years.getByTestId('project-years-chart')).toHaveAttribute('data-rendered', 'true');
  const table = years.getByTestId('project-years-table');
  await expect(table.getByRole('row')).toHaveCount(3); // the heading and two years
  const y2024 = table.getByRole('row').filter({ hasText: '2024（已关闭）' });
  const y2025 = table.getByRole('row').filter({ hasText: /^2025/ });
  await expect(y2024).toHaveCount(1);
  await expect(y2025).toHaveCount(1);
  // 2024 ends where 2025 begins: its year-end cumulative is 2025's 截至上年底累计
  const grouped = new Decimal(project!.before2025).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  await expect(y2024.getByRole('cell').nth(5)).toHaveText(grouped);
  await expect(y2025.getByRole('cell').nth(1)).toHaveText(grouped);
});
