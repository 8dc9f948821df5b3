import { expect, test, type Page } from '@playwright/test';
import { signedInPage, signInAs } from './helpers';
import { layoutProblems } from './layout-probe';

/**
 * Screens as leaders read them: on a projector (1280×800), a desktop (1440×900) and, for the pages a leader opens
 * on the way (dashboard, a department's drill-down, the published bulletin), a phone (390×844). Each role opens every
 * page its top bar offers, plus the detail pages behind them, and the test fails on a page that scrolls sideways,
 * content cut off, a table whose last columns need sideways scrolling on a desktop, a chart label outside its chart,
 * a top bar on two lines, or any console error or failed request, from the sign-in page on (e2e/layout-probe.ts
 * says exactly what counts). One test per role with all its pages; problems are collected and reported together,
 * so one run shows them all.
 *
 * Data: it publishes the September bulletin if no one has (bulletin.spec works on October), nothing else.
 */

const DESKTOP = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;
const PHONE = { width: 390, height: 844 } as const;
const BULLETIN = '/bulletins/2025/9';

interface Screen {
  path: string;
  /** also read on a phone */
  phone?: boolean;
}

/** Failed requests and console errors, taken page by page. */
function watchConsole(page: Page) {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // a prefetch or stream cut short by the next navigation is the browser's business, not a broken resource
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      seen.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  return { take: () => seen.splice(0) };
}

/** Signs in while watching the console (the sign-in page is the first a browser opens, favicon and all). */
async function signInWatched(page: Page, username: string) {
  const console = watchConsole(page);
  await page.setViewportSize(DESKTOP[0]);
  await signInAs(page, username);
  return { console, problems: console.take().map((p) => `sign-in: ${p}`) };
}

/** The pages of the role's top bar, as it shows them. */
async function navPaths(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  return nav
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The first link in the page's main part whose path matches, e.g. a project's page on the project list. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const paths = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const path = paths.find((p) => pattern.test(p));
  expect(path, `a link like ${pattern} on ${from}`).toBeTruthy();
  return path!;
}

async function checkScreens(
  page: Page,
  watched: Awaited<ReturnType<typeof signInWatched>>,
  screens: readonly Screen[],
  { oneLineTopBar = true } = {},
) {
  const problems = [...watched.problems];
  watched.console.take(); // what the spec's own look-ups (firstLink) met is not a screen's
  for (const screen of screens) {
    await page.setViewportSize(DESKTOP[0]);
    const response = await page.goto(screen.path);
    if (!response?.ok()) problems.push(`${screen.path}: HTTP ${response?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    for (const size of screen.phone ? [...DESKTOP, PHONE] : DESKTOP) {
      await page.setViewportSize(size);
      const desktop = size !== PHONE;
      const found = await page.evaluate(layoutProblems, { desktop, oneLineTopBar: desktop && oneLineTopBar });
      problems.push(...found.map((p) => `${screen.path} at ${size.width}×${size.height}: ${p}`));
    }
    problems.push(...watched.console.take().map((p) => `${screen.path}: ${p}`));
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

/** Publishes September's bulletin once, as the bureau does, for the leader's phone. */
async function ensureBulletin(page: Page) {
  const response = await page.goto(BULLETIN);
  if (response?.ok()) return;
  await page.goto('/bulletins?year=2025');
  await page.getByLabel('通报月份').selectOption('9');
  await page.getByRole('button', { name: '起草', exact: true }).click();
  await expect(page).toHaveURL(/\/bulletins\/2025\/9\/edit$/);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
  await expect(page).toHaveURL(/\/bulletins\/2025\/9$/);
}

test.beforeAll(async ({ browser }) => {
  const bureau = await signedInPage(browser, 'bureau');
  await ensureBulletin(bureau);
  await bureau.context().close();
});

test('the leader’s pages fit 1280 and 1440 px, and the dashboard, a drill-down and a bulletin a phone', async ({
  page,
}) => {
  const watched = await signInWatched(page, 'leader');
  const nav = await navPaths(page);
  const project = await firstLink(page, '/projects', /^\/projects\/\d+$/);
  const department = await firstLink(page, '/dashboard', /^\/dashboard\/departments\/\d+$/);
  const phone = new Set(['/dashboard', department, BULLETIN]);
  const paths = [
    ...new Set([
      ...nav,
      '/problems',
      department,
      BULLETIN,
      project,
      `${project}?tab=problems`,
      '/account',
      '/plan/indicators?year=2025',
    ]),
  ];
  await checkScreens(
    page,
    watched,
    paths.map((path) => ({ path, phone: phone.has(path) })),
  );
});

test('the bureau’s pages fit 1280 and 1440 px', async ({ page }) => {
  const watched = await signInWatched(page, 'bureau');
  const nav = await navPaths(page);
  const project = await firstLink(page, '/projects', /^\/projects\/\d+$/);
  const indicator = await firstLink(page, '/plan/indicators?year=2025', /^\/plan\/indicators\/\d+/);
  const paths = [
    ...nav,
    BULLETIN,
    '/plan/indicators?year=2025',
    indicator,
    `${BULLETIN}?photos=1`,
    `${BULLETIN}/edit`,
    project,
    `${project}?tab=photos`,
    `${project}/edit`,
    '/projects/import',
    '/problems/settings',
    '/reports/backfill',
  ];
  await checkScreens(
    page,
    watched,
    [...paths, '/notifications', '/account'].map((path) => ({ path })),
  );
});

test('a department reporter’s pages fit 1280 and 1440 px, the 前期 line of the batch entry in view', async ({
  page,
}) => {
  const watched = await signInWatched(page, 'zjw');
  const nav = await navPaths(page);
  const project = await firstLink(page, '/projects', /^\/projects\/\d+$/);
  await checkScreens(
    page,
    watched,
    [...new Set([...nav, '/problems', project, `${project}?tab=problems`, '/notifications', '/account'])].map(
      (path) => ({
        path,
      }),
    ),
  );

  // the batch entry scrolls sideways (data-wide-grid); a 前期 project's milestone line still ends inside the
  // table's visible edge, scrolled or not
  await page.setViewportSize(DESKTOP[1]);
  await page.goto('/reports');
  const grid = page.locator('[data-wide-grid]');
  const line = page.getByTestId('batch-preliminary').first();
  const lastField = line.getByTestId('batch-ready');
  for (const scrollLeft of [0, 10_000]) {
    await grid.evaluate((el, left) => el.scrollTo({ left }), scrollLeft);
    const [gridBox, fieldBox] = [await grid.boundingBox(), await lastField.boundingBox()];
    expect(fieldBox!.x + fieldBox!.width).toBeLessThanOrEqual(gridBox!.x + gridBox!.width);
    expect(fieldBox!.x).toBeGreaterThanOrEqual(gridBox!.x);
  }
});

test('the administrator’s pages fit 1280 and 1440 px, the top bar on one line', async ({ page }) => {
  const watched = await signInWatched(page, 'admin');
  const nav = await navPaths(page);
  // the administration pages sit under one entry (系统管理, /admin), with their own tabs
  expect(nav).toContain('/admin');
  const tabs = ['/admin/users', '/admin/departments', '/admin/plan-years', '/admin/api-tokens', '/admin/storage'];
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  const tabLinks = page.getByRole('navigation', { name: '系统管理' }).getByRole('link');
  expect(
    await tabLinks.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  ).toEqual(tabs);
  await checkScreens(
    page,
    watched,
    [...nav.filter((path) => path !== '/admin'), ...tabs].map((path) => ({ path })),
  );
});
