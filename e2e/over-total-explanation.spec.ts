import { expect, test } from '@playwright/test';
import { signedInPage, signInAs, sql } from './helpers';

/**
 * Cumulative investment above the project's total is flagged, not refused (issue 14): the reporter's figure is
 * saved, submitting it asks for a 情况说明 on the field, and with one the report goes to the bureau, which reads the
 * reason beside the flag.
 */
test('a month past the total investment is saved, needs an explanation to submit, and the bureau reads it', async ({
  page,
  browser,
  baseURL,
}) => {
  // 区住房城乡建委's November drafts; the last one, so the specs that take the first drafts are not disturbed
  const [story] = await sql<{ projectId: number; name: string; reportId: number; room: string }>(
    baseURL,
    `SELECT p.id AS "projectId", p.name, r.id AS "reportId",
            (p."totalInvestment" - pp."cumulativeBeforeYear"
              - (SELECT COALESCE(sum(o."investedThisMonth"), 0) FROM "MonthlyReport" o
                  WHERE o."planId" = pp.id AND o.month <> 11))::text AS room
       FROM "MonthlyReport" r
       JOIN "ProjectPlan" pp ON pp.id = r."planId"
       JOIN "Project" p ON p.id = pp."projectId"
       JOIN "Department" d ON d.id = p."departmentId"
      WHERE d.name = '区住房城乡建委' AND r.month = 11 AND r.status = 'DRAFT' AND pp.stage <> 'PRELIMINARY'
      ORDER BY p.id DESC LIMIT 1`,
  );
  expect(story).toBeDefined();
  const over = (Number(story!.room) + 500).toFixed(2);

  await signInAs(page, 'zjw');
  await page.goto(`/projects/${story!.projectId}`);
  const form = page.getByTestId('report-form');
  await expect(form.getByTestId('report-save')).toBeEnabled();
  await form.getByTestId('report-invested').fill(over);
  await form.getByTestId('report-save').click();
  await expect(form.getByTestId('report-form-message')).toContainText('草稿已保存');
  await expect(form.getByTestId('report-flags')).toContainText('累计超过总投资 · 须填写情况说明');

  // submitting without the explanation is refused on its field, and nothing is submitted
  await form.getByTestId('report-submit').click();
  await expect(form.getByTestId('report-explanation-error')).toContainText('情况说明');
  await expect(form.getByTestId('report-explanation')).toHaveAttribute('aria-invalid', 'true');
  const [draft] = await sql<{ status: string; invested: string }>(
    baseURL,
    `SELECT status, "investedThisMonth"::text AS invested FROM "MonthlyReport" WHERE id = $1`,
    [story!.reportId],
  );
  expect(draft).toEqual({ status: 'DRAFT', invested: over });

  const reason = '设计变更增加工程量，调整概算已报区发展改革委审批';
  await form.getByTestId('report-explanation').fill(reason);
  await form.getByTestId('report-submit').click();
  // the page now shows the month as submitted, in place of the form
  await expect(page.getByText('本月月报已提交，正在等待区发展改革委审核。')).toBeVisible();
  const [submitted] = await sql<{ status: string; explanation: string }>(
    baseURL,
    `SELECT status, explanation FROM "MonthlyReport" WHERE id = $1`,
    [story!.reportId],
  );
  expect(submitted).toEqual({ status: 'SUBMITTED', explanation: reason });

  const bureau = await signedInPage(browser, 'bureau');
  await bureau.goto('/reports/review?month=11&flag=cumulativeAboveTotal');
  const row = bureau.locator(`[data-testid="review-row"][data-project="${story!.name}"]`);
  await expect(row.getByTestId('review-flags')).toContainText('累计超过总投资');
  await expect(row.getByTestId('review-explanation')).toHaveText(reason);
});
