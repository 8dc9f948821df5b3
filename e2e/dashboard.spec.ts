import { expect, test, type Page } from '@playwright/test';
import { numberIn, signInAs, sql } from './helpers';

/**
 * The leader's dashboard: every headline figure equals the API's rollup and a direct SQL sum over the same
 * tables; drilling down from the district to a department to a project keeps the figures consistent.
 */

/** A headline as the page shows it, e.g. "216.30亿元". */
const yiText = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())!.trim();

test('the leader’s headline figures equal the API rollup and a direct SQL sum, and drill-down keeps them', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // An administrator issues an API token for the city's platform.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, 'admin');
  await admin.goto('/admin/api-tokens');
  await admin.getByRole('button', { name: '签发令牌' }).click();
  await admin.getByLabel('名称').fill('市级平台');
  await admin.getByRole('button', { name: '签发', exact: true }).click();
  const token = (await admin.getByTestId('issued-api-token').inputValue()).trim();
  expect(token).toMatch(/^ks_/);
  await adminContext.close();

  await signInAs(page, 'leader');
  await page.goto('/dashboard?year=2025&month=10');
  await expect(page.getByTestId('dashboard-title')).toContainText('2025年1-10月');

  const api = await page.request.get('/api/v1/plan-years/2025/rollup?month=10', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(api.status()).toBe(200);
  const rollup = (await api.json()) as {
    data?: { completed: string; annualPlan: string; percentOfPlan: string };
    completed?: string;
  };
  const figures = (rollup.data ?? rollup) as { completed: string; annualPlan: string; percentOfPlan: string };
  const [direct] = await sql<{ completed: string; plan: string }>(
    baseURL,
    `SELECT (SELECT sum(r."approvedInvested") FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
              JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2025 AND r.month <= 10)::numeric(18,2)::text AS completed,
            (SELECT sum(pp."annualPlan") FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId" WHERE y.year = 2025)::numeric(18,2)::text AS plan`,
  );
  expect(figures.completed).toBe(direct!.completed);
  expect(figures.annualPlan).toBe(direct!.plan);

  // the page shows the same sum in 亿元 (two decimals) and the same % of plan (one decimal)
  const completedYi = (Number(direct!.completed) / 10000).toFixed(2);
  expect(await yiText(page, 'headline-completed')).toBe(
    `${Number(completedYi).toLocaleString('en-US', { minimumFractionDigits: 2 })}亿元`,
  );
  const percent = ((Number(direct!.completed) * 100) / Number(direct!.plan)).toFixed(1);
  await expect(page.getByTestId('headline-percent')).toHaveText(`${percent}%`);
  await expect(page.getByTestId('headline-pace')).toHaveText('83.3%');
  // the gap from the unrounded figures, rounded once, as bulletins print it (not 87.4 − 83.3 of the rounded ones)
  const gapValue = (Number(direct!.completed) * 100) / Number(direct!.plan) - 1000 / 12;
  const gap = Math.abs(gapValue).toFixed(1);
  await expect(page.getByTestId('headline-gap')).toHaveText(
    gapValue >= 0 ? `超序时进度${gap}个百分点` : `低于序时进度${gap}个百分点`,
  );
  await expect(page.getByTestId('forecast-method')).toContainText('年底预计完成投资');
  await expect(page.getByTestId('s-curve')).toHaveAttribute('data-rendered', 'true');

  // District → department: the department's line, its projects adding up to it.
  const row = page.getByTestId('cut-department').locator('tr[data-department="区交通局"]');
  const departmentCompleted = numberIn(await row.getByTestId('department-completed').textContent());
  await row.getByTestId('department-link').click();
  await expect(page.getByTestId('department-drill')).toHaveAttribute('data-department', '区交通局');
  expect(numberIn(await page.getByTestId('drill-completed').textContent())).toBe(departmentCompleted);
  expect(numberIn(await page.getByTestId('drill-sum').textContent())).toBe(departmentCompleted);
  const [jtj] = await sql<{ completed: string }>(
    baseURL,
    `SELECT sum(r."approvedInvested")::numeric(18,2)::text AS completed FROM "MonthlyReport" r
       JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "Project" p ON p.id = pp."projectId" JOIN "Department" d ON d.id = p."departmentId"
       JOIN "PlanYear" y ON y.id = pp."planYearId"
      WHERE d.name = '区交通局' AND r.month <= 10 AND y.year = 2025`,
  );
  expect(departmentCompleted).toBe(Number(jtj!.completed));

  // Department → project → its monthly history: the project's figure is the sum of its approved months.
  const first = page.getByTestId('drill-project').first();
  const projectCompleted = numberIn(await first.getByTestId('drill-project-completed').textContent());
  await first.getByRole('link').first().click();
  await expect(page.getByTestId('project-plan')).toBeVisible();
  let months = 0;
  for (let m = 1; m <= 10; m++) months += numberIn(await page.getByTestId(`monthly-reported-${m}`).textContent()) || 0;
  expect(months).toBeCloseTo(projectCompleted, 2);

  // The switch to include submitted reports is labelled.
  await page.goto('/dashboard?year=2025&month=11&basis=submitted');
  await expect(page.getByTestId('dashboard-basis-note')).toBeVisible();
});
