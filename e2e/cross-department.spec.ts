import { expect, test, type Request } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * A department reporter (zjw, 区住房城乡建委) reaches for another department's records:
 * by URL, and by replaying a captured server-action request with another department's id.
 * In the seeded database project 1 is 重庆站铁路综合枢纽改造 of 区交通局, and plan ids follow project ids.
 */
const OTHER_PROJECT_ID = 1;
const OTHER_PLAN_ID = 1;

test('another department’s project answers exactly like one that does not exist', async ({ page, browser }) => {
  // it exists: the bureau sees it
  const bureau = await browser.newPage();
  await signInAs(bureau, 'bureau');
  await bureau.goto(`/projects/${OTHER_PROJECT_ID}`);
  await expect(bureau.getByTestId('project-name')).toHaveText('重庆站铁路综合枢纽改造');
  // its S-curve: the plan for all twelve months, approved investment through October
  await expect(bureau.getByTestId('cumulative-chart')).toBeVisible();
  expect((await bureau.getByTestId('chart-planned').getAttribute('points'))?.split(' ')).toHaveLength(12);
  expect((await bureau.getByTestId('chart-actual').getAttribute('points'))?.split(' ')).toHaveLength(10);
  await bureau.close();

  await signInAs(page, 'zjw');
  const other = await page.goto(`/projects/${OTHER_PROJECT_ID}`);
  const otherText = await page.locator('main').innerText();
  const missing = await page.goto('/projects/99999999');
  const missingText = await page.locator('main').innerText();
  expect(other?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect(otherText).toBe(missingText);
  expect(otherText).not.toContain('重庆站');
});

test('a replayed server action with another department’s plan id is rejected and changes nothing', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'zjw');
  // one of zjw's own projects with a November form open
  await page.goto('/projects');
  const hrefs = await page
    .getByTestId('project-list')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  let opened = false;
  for (const href of hrefs.slice(0, 20)) {
    await page.goto(href);
    await expect(page.getByTestId('project-name')).toBeVisible();
    if (await page.getByTestId('report-form').isVisible()) {
      opened = true;
      break;
    }
  }
  expect(opened).toBe(true);
  await expect(page.getByTestId('report-save')).toBeEnabled();

  // capture the real request the form sends
  let captured: Request | undefined;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) captured = r;
  });
  await page.getByTestId('report-invested').fill('88.80');
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-form-message')).toBeVisible();
  expect(captured).toBeDefined();
  const body = captured!.postData() ?? '';
  expect(body).toMatch(/"projectPlanId":\s*\d+/);

  // the other department's November report before the attempt, as the bureau sees it
  const bureau = await browser.newPage();
  await signInAs(bureau, 'bureau');
  await bureau.goto(`/projects/${OTHER_PROJECT_ID}`);
  const before = await bureau.getByTestId('monthly-plan-table').innerText();

  // replay it with the other department's plan id, with zjw's own session cookie
  const forged = body
    .replace(/"projectPlanId":\s*\d+/, `"projectPlanId":${OTHER_PLAN_ID}`)
    .replace(/"version":\s*\d+/, '"version":0');
  const headers = { ...captured!.headers() };
  delete headers['content-length'];
  const response = await page.request.post(captured!.url(), { headers, data: forged });
  const answer = await response.text();
  expect(answer).toContain('NOT_FOUND');
  expect(answer).toContain('记录不存在');

  await bureau.reload();
  expect(await bureau.getByTestId('monthly-plan-table').innerText()).toBe(before);
  await bureau.close();
});
