import { expect, test, type Page } from '@playwright/test';
import Decimal from 'decimal.js';
import { businessDay, signedInPage, sql, untilDemoDay } from './helpers';

/**
 * 协调问题 as the people who use them: a department raises a problem on its project, the bureau assigns it to
 * another department with a leader and a due date, the lead unit replies and proposes closure, the bureau closes it;
 * the bureau turns a report's 需协调事项 into a problem in one click; an overdue problem is escalated by the daily
 * check once the business clock has moved past its due date, and its 督办单 prints.
 *
 * Data: adds problems of its own (titles carry the run's stamp); the escalation story moves the demo date forward
 * and back (the app reads it within 10 seconds) and escalates whatever else is overdue on that day.
 */
test.describe.configure({ mode: 'serial' });

const DEMO_DATE = '2025-12-03';
const stamp = Date.now().toString(36);

async function firstProjectOf(baseURL: string | undefined, department: string) {
  const [project] = await sql<{ id: number; name: string }>(
    baseURL,
    `SELECT p.id, p.name FROM "Project" p JOIN "Department" d ON d.id = p."departmentId"
      WHERE d.name = $1 ORDER BY p.id LIMIT 1`,
    [department],
  );
  return project!;
}

/** The 办结率 of 2025 as the problems give it, one decimal (the dashboard's rule). */
async function closureRatePercent(baseURL: string | undefined) {
  const [c] = await sql<{ total: number; closed: number }>(
    baseURL,
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status = 'CLOSED')::int AS closed
       FROM "Problem" p JOIN "PlanYear" py ON py.id = p."planYearId" WHERE py.year = 2025`,
  );
  return new Decimal(c!.closed).times(100).dividedBy(c!.total).toFixed(1, Decimal.ROUND_HALF_UP);
}

/** Raises a problem on the project as the signed-in user; returns its page's path. */
async function raise(page: Page, projectId: number, title: string, description: string) {
  await page.goto(`/problems/new?project=${projectId}`);
  await page.getByLabel('问题类别').selectOption({ label: '征地拆迁' });
  await page.getByLabel('问题标题').fill(title);
  await page.getByLabel('问题描述').fill(description);
  await page.getByRole('button', { name: '提出问题' }).click();
  await expect(page).toHaveURL(/\/problems\/2025-\d+$/);
  await expect(page.getByTestId('problem-status')).toHaveText('待交办');
  return new URL(page.url()).pathname;
}

/** The bureau's 交办: lead unit, the first leader offered, the due date; returns the leader's name. */
async function assign(page: Page, path: string, lead: string, dueDate: string) {
  await page.goto(path);
  const form = page.getByTestId('problem-assign-form');
  await form.getByLabel('牵头单位').selectOption({ label: lead });
  await form.getByLabel('联系区领导').selectOption({ index: 1 });
  const leader = (await form.getByLabel('联系区领导').locator('option:checked').innerText()).trim();
  await form.getByLabel('办结时限').fill(dueDate);
  await form.getByRole('button', { name: '交办' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('办理中');
  return leader;
}

test('a department raises a problem, the bureau assigns it to another unit, which replies and proposes closure, and the bureau closes it', async ({
  browser,
  baseURL,
}) => {
  const project = await firstProjectOf(baseURL, '区交通局');
  const title = `站点周边道路征地需协调（${stamp}）`;

  const jtj = await signedInPage(browser, 'jtj');
  const path = await raise(jtj, project.id, title, '红线范围内3户房屋尚未完成征收，影响道路施工。');
  await expect(jtj.getByRole('heading', { name: title })).toBeVisible();
  await expect(jtj.getByText(project.name).first()).toBeVisible();

  const bureau = await signedInPage(browser, 'bureau');
  // the dashboard's 办结率 (closed ÷ all problems of the year) with this problem open
  await bureau.goto('/dashboard');
  const closureRate = bureau.getByTestId('problem-card').getByTestId('problem-stat-closureRate');
  const rateBefore = await closureRatePercent(baseURL);
  await expect(closureRate).toContainText(`${rateBefore}%`);
  await assign(bureau, path, '区住房城乡建委', '2025-12-20');
  await expect(bureau.getByText('区住房城乡建委').first()).toBeVisible();

  // the lead unit, another department than the raiser, works it
  const zjw = await signedInPage(browser, 'zjw');
  await zjw.goto(path);
  await expect(zjw.getByTestId('problem-status')).toHaveText('办理中');
  await zjw.getByTestId('problem-reply-form').getByLabel('进展回复').fill('已约谈3户业主，征收补偿方案已报审。');
  await zjw.getByTestId('problem-reply-form').getByRole('button', { name: '回复' }).click();
  await expect(zjw.getByText('已约谈3户业主，征收补偿方案已报审。')).toBeVisible();
  await zjw
    .getByTestId('problem-proposeClose-form')
    .getByLabel(/办理情况/)
    .fill('3户均已签约腾房，施工已恢复。');
  await zjw.getByTestId('problem-proposeClose-form').getByRole('button', { name: '申请办结' }).click();
  await expect(zjw.getByTestId('problem-status')).toHaveText('待确认办结');

  await bureau.goto(path);
  await expect(bureau.getByTestId('problem-status')).toHaveText('待确认办结');
  const close = bureau.getByTestId('problem-close-form');
  await close.getByLabel('办结情况').fill('3户均已签约腾房，施工已恢复，同意办结。');
  await close.getByRole('button', { name: '确认办结' }).click();
  await expect(bureau.getByTestId('problem-status')).toHaveText('已办结');
  await expect(bureau.getByTestId('problem-closure')).toContainText('同意办结');

  // one more closed problem: the 办结率 rises to what the problems give
  await bureau.goto('/dashboard');
  const rateAfter = await closureRatePercent(baseURL);
  expect(Number(rateAfter)).toBeGreaterThan(Number(rateBefore));
  await expect(closureRate).toContainText(`${rateAfter}%`);

  // the raiser sees the outcome
  await jtj.goto(path);
  await expect(jtj.getByTestId('problem-status')).toHaveText('已办结');
  for (const p of [jtj, bureau, zjw]) await p.context().close();
});

test('the bureau turns a report’s 需协调事项 into a problem in one click, and the queue links to it afterwards', async ({
  browser,
  baseURL,
}) => {
  const [report] = await sql<{ month: number; status: string; name: string; departmentId: number; text: string }>(
    baseURL,
    `SELECT r.month, r.status, p.name, p."departmentId", r."coordinationNeeded" AS text
       FROM "MonthlyReport" r JOIN "ProjectPlan" pp ON pp.id = r."planId"
       JOIN "PlanYear" y ON y.id = pp."planYearId" JOIN "Project" p ON p.id = pp."projectId"
      WHERE y.year = 2025 AND r.status <> 'DRAFT' AND btrim(r."coordinationNeeded") <> ''
        AND NOT EXISTS (SELECT 1 FROM "Problem" pr WHERE pr."sourceReportId" = r.id)
      ORDER BY r.month DESC, r.id LIMIT 1`,
  );
  expect(report, 'a sent report with 需协调事项 not yet raised').toBeTruthy();
  const queue = `/reports/review?year=2025&month=${report!.month}&department=${report!.departmentId}&status=${report!.status}`;

  const bureau = await signedInPage(browser, 'bureau');
  await bureau.goto(queue);
  const row = bureau.locator(`[data-testid="review-row"][data-project="${report!.name}"]`);
  await expect(row.getByTestId('review-coordination')).toBeVisible();
  await row.locator('[data-testid="review-raise-button"][data-field="COORDINATION"]').click();
  const link = row.locator('[data-testid="review-raised-problem"][data-field="COORDINATION"]');
  await expect(link).toHaveText(/^已转为问题 渝中协〔2025〕\d+号$/);
  await expect(row.locator('[data-testid="review-raise-button"][data-field="COORDINATION"]')).toHaveCount(0);

  // the server remembers it: the queue shows the link again, and it opens the problem from the report's text
  await bureau.goto(queue);
  await expect(link).toBeVisible();
  await link.click();
  await expect(bureau).toHaveURL(/\/problems\/2025-\d+$/);
  await expect(bureau.getByTestId('problem-status')).toHaveText('待交办');
  await expect(bureau.getByText(report!.text.trim().split('\n')[0]!).first()).toBeVisible();

  // a department's reporter has no such button (the queue is the bureau's): the page does not exist for them
  const zjw = await signedInPage(browser, 'zjw');
  expect((await zjw.goto(queue))?.status()).toBe(404);
  for (const p of [bureau, zjw]) await p.context().close();
});

test('an overdue problem is escalated by the daily check once the clock passes its due date, and its 督办单 prints', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const project = await firstProjectOf(baseURL, '区住房城乡建委');
  const title = `老旧小区改造管线迁改滞后（${stamp}）`;
  const bureau = await signedInPage(browser, 'bureau');
  const path = await raise(bureau, project.id, title, '燃气管线迁改方案未确定，影响施工。');
  const leader = await assign(bureau, path, '区交通局', '2025-12-10');
  const number = (await bureau.getByTestId('problem-number').innerText()).trim();

  try {
    // nine days past due (the setting is 7): the daily check of 19 December escalates it
    const { result } = businessDay(baseURL, '2025-12-19', true);
    expect(result!.escalated).toBeGreaterThanOrEqual(1);
    await untilDemoDay(bureau, path, '2025年12月19日');
    await expect(bureau.getByTestId('problem-overdue')).toHaveText('已逾期9天');
    const notice = bureau.getByRole('link', { name: /^渝中督〔2025〕\d+号$/ });
    const supervisionNumber = await notice.innerText();
    await notice.click();
    await expect(bureau).toHaveURL(new RegExp(`${path}/notice$`));

    const sheet = bureau.getByTestId('supervision-notice');
    await expect(sheet.getByRole('heading', { name: '重点项目问题督办单' })).toBeVisible();
    await expect(sheet).toContainText(supervisionNumber);
    const cell = (label: string) =>
      sheet.locator('tr', { has: bureau.locator('th', { hasText: label }) }).locator('td');
    await expect(cell('项目名称')).toHaveText(project.name);
    await expect(cell('督办问题')).toHaveText(`${number} ${title}`);
    await expect(cell('牵头单位')).toHaveText('区交通局');
    await expect(cell('联系区领导')).toHaveText(leader);
    await expect(cell('办结时限')).toHaveText('2025-12-10');
    await expect(cell('督办要求')).toHaveText(/^逾期9天未办结，列为挂牌督办/);
    await expect(bureau.getByRole('button', { name: '打印督办单' })).toBeVisible();
  } finally {
    // back to the demo date, and wait until the app shows it, so the specs after this one see the demo's week
    businessDay(baseURL, DEMO_DATE);
    await untilDemoDay(bureau, '/problems/new', '2025年12月3日');
    await bureau.context().close();
  }
});

test('the bureau keeps the category list and the escalation setting on /problems/settings', async ({ browser }) => {
  const bureau = await signedInPage(browser, 'bureau');
  await bureau.goto('/problems/settings');
  await expect(bureau.getByRole('heading', { name: '问题协调设置' })).toBeVisible();
  const rows = bureau.getByTestId('problem-category-row');
  const names = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-category')));
  // a category in use can be deactivated, never deleted
  const inUse = bureau.locator('[data-testid="problem-category-row"][data-category="征地拆迁"]');
  await expect(inUse.getByRole('button', { name: '停用类别征地拆迁' })).toBeVisible();
  await expect(inUse.getByRole('button', { name: /删除/ })).toHaveCount(0);

  // add: it comes last, and the raise form offers it
  const name = `E2E类别${stamp}`;
  await bureau.getByRole('button', { name: '新增类别' }).click();
  await bureau.getByRole('dialog').getByLabel('类别名称').fill(name);
  await bureau.getByRole('dialog').getByRole('button', { name: '新增', exact: true }).click();
  await expect(bureau.getByRole('status')).toContainText(`已新增类别“${name}”`);
  await expect.poll(async () => (await names()).at(-1)).toBe(name);

  // a taken name is refused on the field
  await bureau.getByRole('button', { name: '新增类别' }).click();
  await bureau.getByRole('dialog').getByLabel('类别名称').fill('征地拆迁');
  await bureau.getByRole('dialog').getByRole('button', { name: '新增', exact: true }).click();
  await expect(bureau.getByRole('dialog')).toContainText('已有同名类别');
  await bureau.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  // rename, move up one place, deactivate: the raise form no longer offers it
  const renamed = `${name}改`;
  await bureau.getByRole('button', { name: `修改类别${name}的名称` }).click();
  await bureau.getByRole('dialog').getByLabel('类别名称').fill(renamed);
  await bureau.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(bureau.getByRole('status')).toContainText(`类别已改名为“${renamed}”`);
  const before = await names();
  await bureau.getByRole('button', { name: `上移类别${renamed}` }).click();
  await expect.poll(names).toEqual([...before.slice(0, -2), renamed, before.at(-2)]);
  await bureau.goto('/problems/new');
  await expect(bureau.getByLabel('问题类别').locator('option', { hasText: renamed })).toHaveCount(1);
  await bureau.goto('/problems/settings');
  await bureau.getByRole('button', { name: `停用类别${renamed}` }).click();
  await bureau.getByRole('dialog').getByRole('button', { name: '停用', exact: true }).click();
  await expect(bureau.getByRole('status')).toContainText(`已停用类别“${renamed}”`);
  await expect(bureau.getByRole('button', { name: `启用类别${renamed}` })).toBeVisible();
  await bureau.goto('/problems/new');
  await expect(bureau.getByLabel('问题类别').locator('option', { hasText: renamed })).toHaveCount(0);

  // the escalation days: out of range refused with the reason, in range saved (then back to the demo's 7)
  await bureau.goto('/problems/settings');
  const days = bureau.getByTestId('escalation-days-form');
  // typed only once the form is hydrated (its button waits for it): a value typed before is reset by hydration
  await expect(days.getByRole('button', { name: '保存' })).toBeEnabled();
  for (const bad of ['0', '91']) {
    await days.getByLabel('逾期天数').fill(bad);
    await days.getByRole('button', { name: '保存' }).click();
    await expect(days).toContainText('请填写1至90之间的整数');
  }
  await days.getByLabel('逾期天数').fill('10');
  await days.getByRole('button', { name: '保存' }).click();
  await expect(bureau.getByRole('status')).toContainText('已保存：逾期10天自动挂牌督办');
  await bureau.reload();
  await expect(days.getByLabel('逾期天数')).toHaveValue('10');
  await expect(days.getByRole('button', { name: '保存' })).toBeEnabled();
  await days.getByLabel('逾期天数').fill('7');
  await days.getByRole('button', { name: '保存' }).click();
  await expect(bureau.getByRole('status')).toContainText('已保存：逾期7天自动挂牌督办');

  // a department has no such page
  const zjw = await signedInPage(browser, 'zjw');
  expect((await zjw.goto('/problems/settings'))?.status()).toBe(404);
  for (const p of [bureau, zjw]) await p.context().close();
});
