/**
 * Issue 19, item 5: the annual report drafted as a .docx. For the seeded 2025, closing and then closed, the
 * bureau's document is unzipped and its text read back; every number in it is checked against SQL of its own over
 * the plans, reports, problems and indicators (never against the report's own functions).
 */
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { approveDecember } from '../helpers/closed-year-story';
import { docxParagraphs as readDocx } from '../helpers/docx-text';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let y2025: number;
const AS_OF = '2026-01-10';

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  y2025 = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id;
  setClock(AS_OF);
});

afterAll(async () => {
  resetClock();
  await t?.drop();
});

async function download(username: string, year = 2025) {
  const { exportAnnualReport } = await import('@/lib/server/plan/annual-report-docx');
  return exportAnnualReport(t.db, await actorOf(t.db, username), year);
}

const yi = (wan: string) => new Decimal(wan).dividedBy(10_000).toFixed(1, Decimal.ROUND_HALF_UP);
const rate = (part: string | number, whole: string | number) =>
  new Decimal(part).times(100).dividedBy(whole).toFixed(1, Decimal.ROUND_HALF_UP);

/** 2025's figures at December by SQL of this test's own. */
async function expected2025() {
  const stages = await t.db.$queryRaw<{ stage: string; n: number; plan: string; done: string }[]>`
    SELECT pp.stage::text AS stage, count(*)::int AS n, sum(pp."annualPlan")::numeric(18, 2)::text AS plan,
           COALESCE(sum((SELECT sum(r."approvedInvested") FROM "MonthlyReport" r WHERE r."planId" = pp.id)), 0)::numeric(18, 2)::text AS done
      FROM "ProjectPlan" pp WHERE pp."planYearId" = ${y2025} GROUP BY pp.stage`;
  const [counts] = await t.db.$queryRaw<{ started: number; completed: number; ready: number }[]>`
    SELECT count(*) FILTER (WHERE pp.stage = 'NEW_START' AND p."actualStart" <= '2025-12-31')::int AS started,
           count(*) FILTER (WHERE pp.stage = 'COMPLETION' AND p."actualCompletion" <= '2025-12-31')::int AS completed,
           count(*) FILTER (WHERE pp.stage = 'PRELIMINARY' AND (
             EXISTS (SELECT 1 FROM "PreliminaryMilestone" pm WHERE pm."projectId" = p.id AND pm.kind = 'CONSTRUCTION_PERMIT'
                      AND pm.status = 'DONE' AND pm."actualDate" <= '2025-12-31')
             OR (SELECT r."readyToStart" FROM "MonthlyReport" r WHERE r."planId" = pp.id ORDER BY r.month DESC LIMIT 1) IS TRUE))::int AS ready
      FROM "ProjectPlan" pp JOIN "Project" p ON p.id = pp."projectId" WHERE pp."planYearId" = ${y2025}`;
  const [problems] = await t.db.$queryRaw<{ total: number; closed: number; overdue: number; supervised: number }[]>`
    WITH p AS (
      SELECT p.*, (p.status = 'CLOSED' AND (p."closedAt" AT TIME ZONE 'Asia/Shanghai')::date <= '2025-12-31') AS done
        FROM "Problem" p WHERE p."planYearId" = ${y2025})
    SELECT count(*)::int AS total, count(*) FILTER (WHERE done)::int AS closed,
           count(*) FILTER (WHERE NOT done AND "dueDate" < '2025-12-31')::int AS overdue,
           count(*) FILTER (WHERE NOT done AND "dueDate" < '2025-12-31' AND level = 'SUPERVISED')::int AS supervised
      FROM p`;
  const indicators = await t.db.$queryRaw<
    { seq: number; name: string; target: string; value: string | null; period: number | null; frequency: string }[]
  >`
    SELECT i.seq, i.name, i."targetText" AS target, i.frequency::text AS frequency, a.value, a.period
      FROM "Indicator" i
      LEFT JOIN LATERAL (SELECT value, period FROM "IndicatorActual" x WHERE x."indicatorId" = i.id AND x.status = 'APPROVED'
                          ORDER BY period DESC LIMIT 1) a ON true
     WHERE i."planYearId" = ${y2025} ORDER BY i.seq`;
  const stage = (s: string) => stages.find((r) => r.stage === s)!;
  const construction = stages.filter((s) => s.stage !== 'PRELIMINARY');
  const sum = (k: 'plan' | 'done') => construction.reduce((n, s) => n.plus(s[k]), new Decimal(0)).toFixed(2);
  return { stage, counts: counts!, problems: problems!, indicators, plan: sum('plan'), done: sum('done'), stages };
}

/** Every figure of the sections' paragraphs, with the indicators' quoted names (which hold digits) left out. */
const numbersIn = (text: string) => [...text.replace(/“[^”]*”/g, '').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);

async function checkEveryNumber(paragraphs: string[]) {
  const e = await expected2025();
  const body = paragraphs.join('\n');
  const total = e.stages.reduce((n, s) => n + s.n, 0);
  const [c, o, n, p] = ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'].map(e.stage) as [
    (typeof e.stages)[number],
    (typeof e.stages)[number],
    (typeof e.stages)[number],
    (typeof e.stages)[number],
  ];
  const sentences = [
    `2025年，全区共安排重点项目${total}个，包含完工项目${c.n}个、续建项目${o.n}个、新开工项目${n.n}个、前期项目${p.n}个，` +
      `建设项目年度计划投资${yi(e.plan)}亿元，全年累计完成投资${yi(e.done)}亿元，占年度计划的${rate(e.done, e.plan)}%。`,
    `完工项目${c.n}个，完成投资${yi(c.done)}亿元，占年度计划的${rate(c.done, c.plan)}%，已竣工${e.counts.completed}个，竣工率${rate(e.counts.completed, c.n)}%`,
    `续建项目${o.n}个，完成投资${yi(o.done)}亿元，占年度计划的${rate(o.done, o.plan)}%`,
    `新开工项目${n.n}个，完成投资${yi(n.done)}亿元，占年度计划的${rate(n.done, n.plan)}%，已开工${e.counts.started}个，开工率${rate(e.counts.started, n.n)}%`,
    `前期项目${p.n}个，已具备开工条件${e.counts.ready}个。`,
    `问题协调方面，截至12月底，累计梳理协调问题${e.problems.total}个，已办结${e.problems.closed}个，办结率${rate(e.problems.closed, e.problems.total)}%`,
    `年度${e.indicators.length}项计划指标中`,
  ];
  for (const s of sentences) expect(body).toContain(s);
  expect(body).toContain(e.problems.overdue === 0 ? '无逾期未办结问题' : `逾期未办结${e.problems.overdue}个`);
  // the figures checked above, and the fixed ones of the wording: years, 12月底
  const known = new Set([
    ...sentences.flatMap(numbersIn),
    String(e.problems.overdue),
    String(e.problems.supervised),
    '2025',
    '2026',
    '12',
  ]);
  // the sections, up to the list of annexes (whose "1.2025年…" is wording, checked as such)
  const annexList = paragraphs.findIndex((x) => x.startsWith('附件：'));
  expect(paragraphs.slice(annexList, annexList + 2)).toEqual([
    '附件：1.2025年经济社会发展主要目标完成情况表',
    '\u3000\u3000\u30002.2026年经济社会发展主要目标预期建议表',
  ]);
  const sections = paragraphs.slice(0, annexList);
  const counted = body.match(/“[^”]*”(?:等)?(\d+)项指标/g) ?? [];
  for (const m of counted) known.add(/(\d+)项指标$/.exec(m)![1]!);
  const unknown = sections.flatMap(numbersIn).filter((x) => !known.has(x));
  expect(unknown).toEqual([]);
  // the per-status counts add up to the indicators
  const byStatus = counted.map((m) => Number(/(\d+)项指标$/.exec(m)![1]));
  expect(byStatus.reduce((a, b) => a + b, 0)).toBe(e.indicators.length);

  // 附件1: each indicator's row with its target and its latest approved figure
  const annex1 = paragraphs.slice(paragraphs.indexOf('附件1'), paragraphs.indexOf('附件2'));
  for (const i of e.indicators) {
    const at = annex1.indexOf(i.name);
    expect(at, i.name).toBeGreaterThan(0);
    expect(annex1[at - 2]).toBe(String(i.seq));
    expect(annex1[at + 3]).toBe(i.target);
    const periods = i.frequency === 'MONTHLY' ? 12 : i.frequency === 'QUARTERLY' ? 4 : 1;
    if (i.value === null) expect(annex1[at + 4]).toBe('暂无数据');
    else if (i.period === periods) expect(annex1[at + 4]).toBe(i.value);
    else expect(annex1[at + 4]).toMatch(new RegExp(`^${i.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（截至`));
  }
  return e;
}

describe('the annual report of 2025', () => {
  it('while 2025 is closing: a draft, every number from the database', async () => {
    const { buffer, fileName, final } = await download('bureau');
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(final).toBe(false);
    expect(fileName).toContain('（草稿）');
    const paragraphs = await readDocx(buffer);
    expect(paragraphs.slice(0, 2).join('')).toContain('（草稿）');
    expect(paragraphs.some((x) => x.startsWith('说明：2025年度尚未关闭'))).toBe(true);
    const e = await checkEveryNumber(paragraphs);
    expect(e.indicators.some((i) => i.value !== null)).toBe(true); // the check of 附件1 is not vacuous
    // no 2026 in the seed: 重点项目安排 is a marked placeholder, 附件2 lists 2025's indicators with targets to fill
    expect(paragraphs).toContain('（三）重点项目安排');
    expect(paragraphs.some((x) => x.startsWith('【待补充：2026年重点项目计划尚未录入'))).toBe(true);
    expect(paragraphs).toContain('2026年经济社会发展主要目标预期建议表');
    expect(paragraphs.filter((x) => x === '待填写')).toHaveLength(e.indicators.length);
  });

  it('once closed: from the kept snapshot, final, the same numbers', async () => {
    await approveDecember(t.db, y2025);
    await signIn(t.db, 'bureau');
    const admin = await import('@/lib/actions/admin');
    expect(await admin.closePlanYear({ id: y2025, confirmYear: 2025 })).toMatchObject({ ok: true });
    const { buffer, fileName, final } = await download('bureau');
    expect(final).toBe(true);
    expect(fileName).not.toContain('草稿');
    const paragraphs = await readDocx(buffer);
    expect(paragraphs.join('')).not.toContain('草稿');
    await checkEveryNumber(paragraphs);
  });

  it('with 2026’s plan in Keystone: its 重点项目安排 counted from 2026’s plans', async () => {
    const y2026 = await t.db.planYear.create({
      data: { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: 0 },
    });
    await t.db.$executeRaw`
      INSERT INTO "ProjectPlan" ("planYearId", "projectId", stage, "investorType", direction, "annualPlan", "cumulativeBeforeYear", "updatedAt")
      SELECT ${y2026.id}, pp."projectId", 'ONGOING', pp."investorType", pp.direction, pp."annualPlan", 0, now()
        FROM "ProjectPlan" pp WHERE pp."planYearId" = ${y2025} AND pp.stage = 'NEW_START' ORDER BY pp.id LIMIT 7`;
    const [row] = await t.db.$queryRaw<{ n: number; plan: string }[]>`
      SELECT count(*)::int AS n, sum("annualPlan")::numeric(18, 2)::text AS plan FROM "ProjectPlan" WHERE "planYearId" = ${y2026.id}`;
    const paragraphs = await readDocx((await download('admin')).buffer);
    const plan = yi(row!.plan).replace(/\.0$/, '');
    const text = paragraphs.find((x) => x.startsWith('2026年全区共计划安排项目'));
    expect(text, '重点项目安排 from 2026’s plans').toBeDefined();
    expect(text!).toContain(
      `2026年全区共计划安排项目${row!.n}个，包含在建项目${row!.n}个，建设项目年度计划投资约${plan}亿元。`,
    );
    expect(text!).toContain(`从投资时序分，在建项目${row!.n}个，年度计划投资约${plan}亿元。`);
  });

  it('is the bureau’s and the admin’s; a year not in Keystone is not found', async () => {
    await expect(download('leader')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(download('zjw')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(download('bureau', 1999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
