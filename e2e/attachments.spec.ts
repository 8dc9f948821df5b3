import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signedInPage, sql } from './helpers';

/**
 * Evidence on a month, as the department adds it: a department's reporter saves the month's figures on a project's report
 * form, attaches two site photos (one turned by its EXIF orientation) and sees each file's progress and result
 * and the thumbnails; an HTML page named .jpg is refused with the rule. Once the report is submitted nothing can
 * be removed any more, the bureau's reviewer sees the photos in the review queue, and another department's reporter asking for the photo by its URL gets a 404.
 */

/** The demo's department reporters, in the order they are tried. */
const REPORTERS: Record<string, string> = {
  区教委: 'jw',
  解放碑街道: 'jfb',
  区交通局: 'jtj',
  区文化旅游委: 'wlw',
  区住房城乡建委: 'zjw',
};

/** A site-photo-like JPEG made here (no binary in the repository); `orientation` sets its EXIF orientation. */
async function jpeg(color: string, orientation?: number): Promise<Buffer> {
  let image = sharp({ create: { width: 120, height: 80, channels: 3, background: color } });
  if (orientation) image = image.withMetadata({ orientation });
  return image.jpeg().toBuffer();
}

test('a reporter attaches photos to a month, a hostile file is refused, and submitting locks them', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // a project whose current month nobody has started yet, of a department whose reporter no other spec signs in as
  // first (the demo leaves a few months open); the reporter of another department asks for its photo at the end
  const [target] = await sql<{ id: number; name: string; department: string; year: number; month: number }>(
    baseURL,
    `SELECT p.id, p.name, d.name AS department, y.year, y."currentMonth" AS month FROM "Project" p
       JOIN "Department" d ON d.id = p."departmentId"
       JOIN "ProjectPlan" pp ON pp."projectId" = p.id
       JOIN "PlanYear" y ON y.id = pp."planYearId" AND y.status = 'ACTIVE'
      WHERE d.name = ANY($1) AND pp.stage <> 'PRELIMINARY'
        AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = pp.id AND r.month = y."currentMonth")
      ORDER BY array_position($1, d.name), p.id LIMIT 1`,
    [Object.keys(REPORTERS)],
  );
  expect(target, 'a project with its current month not started').toBeDefined();
  const user = REPORTERS[target!.department]!;

  const reporter = await signedInPage(browser, user);
  await reporter.goto(`/projects/${target!.id}`);
  const form = reporter.getByTestId('report-form');
  // nothing saved yet: no report to attach to, and none is made behind the user's back
  await expect(form.getByTestId('report-photos-save-first')).toHaveText('先保存本月数据再添加照片');
  await form.getByTestId('report-invested').fill('12.5');
  await form.getByTestId('report-progress').fill('主体结构施工中');
  await form.getByTestId('report-save').click();
  await expect(form.getByTestId('report-form-message')).toBeVisible();

  const upload = form.getByTestId('attachment-upload');
  await expect(upload.getByTestId('attachment-limits')).toContainText('每张不超过 10 MB');
  await expect(upload.getByTestId('attachment-pick')).toHaveAttribute(
    'accept',
    'image/jpeg,image/png,image/webp,application/pdf',
  );
  await upload.getByTestId('attachment-pick').setInputFiles([
    { name: '主体结构.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#c33') },
    { name: '塔吊.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#33c', 6) },
  ]);
  await expect(upload.locator('[data-testid="attachment-item"][data-state="done"]')).toHaveCount(2);
  await expect(upload.getByTestId('attachment-item').first()).toContainText('已上传');
  const thumbs = upload.getByTestId('attachment-thumb');
  await expect(thumbs).toHaveCount(2);
  // the thumbnail is served (and decodes): the EXIF-rotated one stands upright, taller than wide
  const rotated = thumbs.filter({ has: reporter.locator('img[alt="塔吊.jpg"]') }).locator('img');
  await expect.poll(() => rotated.evaluate((img: HTMLImageElement) => img.naturalHeight > img.naturalWidth)).toBe(true);

  await upload.getByTestId('attachment-pick').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
  });
  await expect(upload.getByTestId('attachment-error')).toContainText('“photo.jpg”不是可接受的文件');
  await expect(thumbs).toHaveCount(2);

  // while the report is a draft, a photo can be removed; the first one's address is kept for the last check
  await expect(upload.getByTestId('attachment-remove')).toHaveCount(2);
  const src = await thumbs.first().locator('img').getAttribute('src');
  expect(src).toMatch(/^\/api\/attachments\/\d+\/thumbnail$/);

  // submitted: what was reviewed stays, shown without a remove button
  await form.getByTestId('report-submit').click();
  await expect(reporter.getByTestId('current-report-locked')).toBeVisible();
  await expect(reporter.getByTestId('attachment-thumb')).toHaveCount(2);
  await expect(reporter.getByTestId('attachment-remove')).toHaveCount(0);

  // the batch entry shows the month's count under the project's name; opened, the photos, no longer removable
  await reporter.goto('/reports');
  const row = reporter.locator(`[data-testid="batch-row"][data-project="${target!.name}"]`);
  await expect(row.getByTestId('batch-photos')).toHaveText('📷 2');
  await row.getByTestId('batch-photos').click();
  await expect(row.getByTestId('batch-photos-row').getByTestId('attachment-thumb')).toHaveCount(2);
  await expect(row.getByTestId('attachment-remove')).toHaveCount(0);
  await expect(row.getByTestId('attachment-pick')).toHaveCount(0);

  // the bureau's reviewer sees the same two photos beside the figures in the review queue
  const reviewer = await signedInPage(browser, 'bureau');
  await reviewer.goto(`/reports/review?year=${target!.year}&month=${target!.month}&status=SUBMITTED`);
  const queued = reviewer.locator(`[data-testid="review-row"][data-project="${target!.name}"]`);
  await expect(queued.getByTestId('evidence-thumbnail')).toHaveCount(2);
  await expect(queued.locator(`[data-testid="evidence-thumbnail"] img[src="${src}"]`)).toHaveCount(1);

  // another department's reporter asking for the photo by its address: a 404, like a file that does not exist
  const other = await signedInPage(browser, user === 'jfb' ? 'jw' : 'jfb');
  for (const variant of ['thumbnail', 'display']) {
    const response = await other.request.get(src!.replace('thumbnail', variant));
    expect(response.status()).toBe(404);
  }
  expect((await reporter.request.get(src!)).status()).toBe(200);
});
