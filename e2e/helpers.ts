/**
 * What the specs share: signing in as a person does, and reading the database behind the app under test to check a
 * figure another way. Every spec signs in through here, never with a copy of the form's steps.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';

export const DEMO_PASSWORD = 'Keystone@2025';

/** Fills and sends the sign-in form on the page that shows it (e.g. a /login?callbackUrl=… the spec opened). */
export async function submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Opens the sign-in page and signs in; what follows (the app, or an error) is the spec's to check. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await submitSignIn(page, username, password);
}

/** Signs in and waits until the signed-in area shows. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** A second person at their own browser (a context of its own: its own cookies), signed in. */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** On the import page: chooses the file (a .csv, else an .xlsx) and asks for the check, as the bureau does. */
export async function checkImportFile(page: Page, name: string, bytes: Buffer | Uint8Array) {
  const mimeType = name.endsWith('.csv') ? 'text/csv' : XLSX;
  await page.getByLabel('文件').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: '检查文件' }).click();
}

/** The number in a figure as the page shows it ("1,250.50万元", "216.30亿元"): separators and units dropped. */
export function numberIn(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

/**
 * Runs one query on the database of the app under test (scripts/e2e-server.ts writes its address, always a
 * loopback one, beside the build), to check what the pages show against the tables themselves.
 */
export async function sql<T>(baseURL: string | undefined, text: string, values: unknown[] = []): Promise<T[]> {
  if (!baseURL) throw new Error('no baseURL: sql() needs the app under test');
  const port = new URL(baseURL).port;
  const client = new pg.Client({ connectionString: readFileSync(`.data/e2e-db-${port}.url`, 'utf8').trim() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Sets the demo date of the app under test (and runs the daily check on it) through e2e/business-day.ts. */
export function businessDay(baseURL: string | undefined, day: string, check = false) {
  const url = readFileSync(`.data/e2e-db-${new URL(baseURL!).port}.url`, 'utf8').trim();
  const out = execFileSync(
    'npx',
    [
      '--no-install',
      'tsx',
      '--conditions=react-server',
      'e2e/business-day.ts',
      url,
      day,
      ...(check ? ['--check'] : []),
    ],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as { day: string; result: { escalated: number } | null };
}

/** Waits until the app's banner shows the day (the app keeps the setting up to 10 seconds). */
export async function untilDemoDay(page: Page, path: string, label: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByTestId('demo-banner')).toContainText(label, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
