import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Issue 18, "where they show": a department's report carries site photos (seeded through the server's own upload
 * functions, e2e/seed-evidence.ts); the bureau sees them beside the figures in the review queue, opens the lightbox,
 * steps through the month with the keyboard and on into the project's other month; the project page shows them
 * as a timeline by month; another department's reporter cannot fetch them or the list by URL.
 */

interface Seeded {
  projectId: number;
  name: string;
  year: number;
  months: { month: number; reportId: number; status: string; ids: number[] }[];
}

function seedEvidence(baseURL: string | undefined, username: string): Seeded {
  const url = readFileSync(`.data/e2e-db-${new URL(baseURL!).port}.url`, 'utf8').trim();
  const out = execFileSync(
    'npx',
    ['--no-install', 'tsx', '--conditions=react-server', 'e2e/seed-evidence.ts', url, username],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Seeded;
}

/** The image has loaded from the attachment route (a broken one has no natural width). */
async function expectLoaded(image: Locator) {
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

test('the reviewer sees a report’s photos in the queue and steps through the project’s months in the lightbox', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const seeded = seedEvidence(baseURL, 'zjw');
  const [earlier, later] = seeded.months as [Seeded['months'][0], Seeded['months'][0]];

  await signInAs(page, 'bureau');
  await page.goto(`/reports/review?year=${seeded.year}&month=${later.month}&status=${later.status}`);
  const row = page.locator(`[data-testid="review-row"][data-project="${seeded.name}"]`);
  const thumbnails = row.getByTestId('evidence-thumbnail');
  await expect(thumbnails).toHaveCount(3);
  await expectLoaded(thumbnails.first().locator('img'));
  await expect(thumbnails.nth(2)).toHaveText('PDF');

  await thumbnails.first().click();
  const lightbox = page.getByTestId('lightbox');
  await expect(lightbox).toBeVisible();
  await expect(page.getByTestId('lightbox-title')).toHaveText(`${seeded.year}年${later.month}月 · 第 1/3 个`);
  await expectLoaded(page.getByTestId('lightbox-image'));
  await expect(page.getByTestId('lightbox-image')).toHaveAttribute('src', `/api/attachments/${later.ids[0]}/display`);
  await expect(page.getByTestId('lightbox-caption')).toContainText('主体结构封顶.jpg');
  await expect(page.getByTestId('lightbox-caption')).toContainText('拍摄于 2025-11-20 10:11');

  // → steps through the month: the second photo, then the PDF with a link to its original
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-caption')).toContainText('塔吊拆除.jpg');
  await expect(page.getByTestId('lightbox-caption')).toContainText('照片未记录拍摄时间');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lightbox-original')).toHaveAttribute(
    'href',
    `/api/attachments/${later.ids[2]}/original`,
  );

  // the project's other month has loaded: jump to it, and ← → cross between the months
  const earlierButton = lightbox.locator(`[data-testid="lightbox-month"][data-month="${earlier.month}"]`);
  await earlierButton.click();
  await expect(lightbox).toHaveAttribute('data-month', String(earlier.month));
  await expect(page.getByTestId('lightbox-caption')).toContainText('基础施工.jpg');
  await expectLoaded(page.getByTestId('lightbox-image'));
  await page.keyboard.press('ArrowRight');
  await expect(lightbox).toHaveAttribute('data-month', String(later.month));
  await page.keyboard.press('ArrowLeft');
  await expect(lightbox).toHaveAttribute('data-attachment-id', String(earlier.ids[0]));

  await page.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);
  await expect(thumbnails.first()).toBeFocused();

  // the project page: the 现场照片 tab, month by month, opening the same lightbox
  await page.goto(`/projects/${seeded.projectId}?year=${seeded.year}&tab=photos`);
  const months = page.getByTestId('photo-timeline-month');
  await expect(months).toHaveCount(2);
  await expect(months.nth(0)).toHaveAttribute('data-month', String(earlier.month));
  await expect(months.nth(1).getByTestId('evidence-thumbnail')).toHaveCount(3);
  await months.nth(1).getByTestId('evidence-thumbnail').nth(1).click();
  await expect(page.getByTestId('lightbox-caption')).toContainText('塔吊拆除.jpg');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('lightbox')).toHaveAttribute('data-month', String(earlier.month));

  // another department's reporter: the file and the project's list answer like missing ones
  const other = await browser.newPage();
  await signInAs(other, 'jtj');
  expect((await other.request.get(`/api/attachments/${later.ids[0]}/thumbnail`)).status()).toBe(404);
  expect((await other.request.get(`/api/projects/${seeded.projectId}/attachments?year=${seeded.year}`)).status()).toBe(
    404,
  );
  await other.close();
});
