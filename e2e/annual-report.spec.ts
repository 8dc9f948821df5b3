import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Decimal from 'decimal.js';
import { docxParagraphs } from '../tests/helpers/docx-text';
import { signInAs, sql } from './helpers';

const yi = (wan: string) => new Decimal(wan).dividedBy(10_000).toFixed(1, Decimal.ROUND_HALF_UP);
const rate = (part: string | number, whole: string | number) =>
  new Decimal(part).times(100).dividedBy(whole).toFixed(1, Decimal.ROUND_HALF_UP);

// The e2e database is shared by every spec of a run, so 2025 stays open: the bureau downloads the closing year's
// draft (the closed year's report is tests/integration/annual-report.test.ts).
test.describe('the annual report', () => {
  test('the bureau downloads 2025’s draft as Word and finds the year’s figures in it', async ({ page, baseURL }) => {
    await signInAs(page, 'bureau');
    await page.goto('/plan/close?year=2025');
    const card = page.getByTestId('annual-report');
    await expect(card).toContainText('2025年度尚未关闭');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: '下载2025年度报告（Word）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年计划执行情况及2026年重点项目安排（草稿）.docx');
    const text = (await docxParagraphs(readFileSync((await download.path())!))).join('\n');

    const [figures] = await sql<{ n: number; plan: string; done: string; started: number; completed: number }>(
      baseURL,
      `SELECT count(*)::int AS n,
              sum(pp."annualPlan") FILTER (WHERE pp.stage <> 'PRELIMINARY')::numeric(18, 2)::text AS plan,
              COALESCE(sum((SELECT sum(r."approvedInvested") FROM "MonthlyReport" r WHERE r."planId" = pp.id))
                       FILTER (WHERE pp.stage <> 'PRELIMINARY'), 0)::numeric(18, 2)::text AS done,
              count(*) FILTER (WHERE pp.stage = 'NEW_START' AND p."actualStart" <= '2025-12-31')::int AS started,
              count(*) FILTER (WHERE pp.stage = 'COMPLETION' AND p."actualCompletion" <= '2025-12-31')::int AS completed
         FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" JOIN "PlanYear" y ON y.id = pp."planYearId"
        WHERE y.year = 2025`,
    );
    const stages = await sql<{ stage: string; n: number }>(
      baseURL,
      `SELECT pp.stage::text AS stage, count(*)::int AS n FROM "ProjectPlan" pp JOIN "PlanYear" y ON y.id = pp."planYearId"
        WHERE y.year = 2025 GROUP BY pp.stage`,
    );
    const n = (stage: string) => stages.find((s) => s.stage === stage)!.n;
    const [problems] = await sql<{ total: number }>(
      baseURL,
      `SELECT count(*)::int AS total FROM "Problem" p JOIN "PlanYear" y ON y.id = p."planYearId" WHERE y.year = 2025`,
    );
    const [indicators] = await sql<{ total: number }>(
      baseURL,
      `SELECT count(*)::int AS total FROM "Indicator" i JOIN "PlanYear" y ON y.id = i."planYearId" WHERE y.year = 2025`,
    );

    expect(text).toContain('（草稿）');
    expect(text).toContain(
      `2025年，全区共安排重点项目${figures!.n}个，包含完工项目${n('COMPLETION')}个、续建项目${n('ONGOING')}个、` +
        `新开工项目${n('NEW_START')}个、前期项目${n('PRELIMINARY')}个，建设项目年度计划投资${yi(figures!.plan)}亿元，` +
        `全年累计完成投资${yi(figures!.done)}亿元，占年度计划的${rate(figures!.done, figures!.plan)}%。`,
    );
    expect(text).toContain(`已竣工${figures!.completed}个，竣工率${rate(figures!.completed, n('COMPLETION'))}%`);
    expect(text).toContain(`已开工${figures!.started}个，开工率${rate(figures!.started, n('NEW_START'))}%`);
    expect(text).toContain(`累计梳理协调问题${problems!.total}个`);
    expect(text).toContain(`年度${indicators!.total}项计划指标中`);
    expect(text).toContain('2025年经济社会发展主要目标完成情况表');
    expect(text).toContain('【待补充：2026年重点项目计划尚未录入');
  });

  test('refuses a department (403 from the route)', async ({ page }) => {
    await signInAs(page, 'zjw');
    const response = await page.request.get('/api/plan-years/2025/annual-report');
    expect(response.status()).toBe(403);
  });
});
