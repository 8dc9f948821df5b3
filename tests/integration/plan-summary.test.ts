/**
 * The maintained figures ("PlanSummary", "PlanMonthSummary", kept by triggers) are exactly a recomputation from the
 * reports: randomized sequences of saves, submits, approvals, returns, reopens, imports (a batch of drafts in one
 * statement, as the month sheet writes them) and backfills run through the real actions and server functions,
 * and after each sequence every summary row is compared with `verifyPlanFigures`' own definition. Then
 * `npm run figures:verify` itself: a corrupted row is found (exit 1), repaired with --repair, and found no more.
 * KEYSTONE_PBT_RUNS sets the effort (a sequence per hundred runs, at least 3).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '@/lib/server/audit';
import { describeFiguresReport, verifyPlanFigures } from '@/lib/server/figures/verify-plan-figures';
import { saveReportDrafts } from '@/lib/server/reports/save-report-drafts';
import { createWriteContext } from '@/lib/server/write-context';
import { ZSaveReportDraft } from '@/lib/validations/report';
import { ROOT } from '../../scripts/lib/postgres';
import { actorOf, signIn } from '../helpers/actors';
import { backfillForm, dispatchFile, dispatchWorkbook, projectWithoutReports } from '../helpers/backfill-sheets';
import { PBT_RUNS } from '../helpers/property-inputs';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let client: pg.Client;
let reports: typeof import('@/lib/actions/reports');
let backfills: typeof import('@/lib/actions/report-backfill');
/** the department's plans the sequences write: two of its own without reports, one of the demo's */
let plans: { planId: number; code: string; name: string }[];
let currentMonth: number;

const SEQUENCES = Math.max(3, Math.ceil(PBT_RUNS / 100));
// 9000 twice passes the fresh projects' total investment (10000): the cumulativeAboveTotal flag
const AMOUNTS = ['0.00', '120.50', '3000.00', '9000.00'];

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  reports = await import('@/lib/actions/reports');
  backfills = await import('@/lib/actions/report-backfill');
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  const a = await projectWithoutReports(t.db, 'PS-001', '汇总测试项目甲');
  const b = await projectWithoutReports(t.db, 'PS-002', '汇总测试项目乙');
  const zjw = await actorOf(t.db, 'zjw');
  const demo = await t.db.projectPlan.findFirstOrThrow({
    where: { planYear: { year: 2025 }, project: { departmentId: zjw.departmentId! }, stage: 'ONGOING' },
    orderBy: { id: 'asc' },
    select: { id: true, project: { select: { code: true, name: true } } },
  });
  plans = [
    { planId: a.planId, code: 'PS-001', name: '汇总测试项目甲' },
    { planId: b.planId, code: 'PS-002', name: '汇总测试项目乙' },
    { planId: demo.id, ...demo.project },
  ];
  currentMonth = (await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).currentMonth;
}, 120_000);

afterAll(async () => {
  await client?.end();
  await t?.drop();
});

type Step =
  | { kind: 'save'; plan: number; month: number; amount: string }
  | { kind: 'submit' | 'approve' | 'return' | 'reopen'; plan: number; month: number }
  | { kind: 'import'; month: number; amounts: string[] }
  | { kind: 'backfill'; plan: number; month: number; amount: string };

const monthArb = () => fc.constantFrom(currentMonth - 1, currentMonth);
const stepArb = (): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 3, arbitrary: saveArb() },
    { weight: 4, arbitrary: transitionArb() },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('import' as const),
        month: monthArb(),
        amounts: fc.array(fc.constantFrom(...AMOUNTS), { minLength: 3, maxLength: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('backfill' as const),
        plan: fc.nat(1),
        month: fc.constantFrom(1, currentMonth - 1),
        amount: fc.constantFrom(...AMOUNTS),
      }),
    },
  );
const saveArb = () =>
  fc.record({
    kind: fc.constant('save' as const),
    plan: fc.nat(2),
    month: monthArb(),
    amount: fc.constantFrom(...AMOUNTS),
  });
const transitionArb = () =>
  fc.record({
    kind: fc.constantFrom('submit' as const, 'approve' as const, 'return' as const, 'reopen' as const),
    plan: fc.nat(2),
    month: monthArb(),
  });

async function reportOf(plan: number, month: number) {
  return t.db.monthlyReport.findUnique({
    where: { planId_month: { planId: plans[plan]!.planId, month } },
    select: { id: true, version: true },
  });
}

/** steps the database accepted, by kind */
const accepted = new Map<Step['kind'], number>();
const count = (kind: Step['kind'], result: { ok: boolean } | undefined) => {
  if (result?.ok) accepted.set(kind, (accepted.get(kind) ?? 0) + 1);
};

/** One step through the action a user would call; a refusal (wrong status, a closed month…) is part of the story. */
async function run(step: Step): Promise<void> {
  if (step.kind === 'save') {
    await signIn(t.db, 'zjw');
    const version = (await reportOf(step.plan, step.month))?.version ?? 0;
    const input = {
      projectPlanId: plans[step.plan]!.planId,
      month: step.month,
      version,
      investedThisMonth: step.amount,
    };
    count('save', await reports.saveReportDraft(input as never));
  } else if (step.kind === 'import') {
    const zjw = await actorOf(t.db, 'zjw');
    const rows = await Promise.all(
      plans.map(async (p, i) =>
        ZSaveReportDraft.parse({
          projectPlanId: p.planId,
          month: step.month,
          version: (await reportOf(i, step.month))?.version ?? 0,
          investedThisMonth: step.amounts[i],
        }),
      ),
    );
    const ok = await t.db
      .$transaction((tx) =>
        saveReportDrafts(
          createWriteContext(tx as Tx, { actor: zjw, ip: '127.0.0.1', input: null, permission: 'report.edit' }),
          rows,
        ),
      )
      .then(() => true)
      .catch(() => false); // all or nothing: a submitted row refuses the batch
    count('import', { ok });
  } else if (step.kind === 'backfill') {
    await signIn(t.db, 'bureau');
    const p = plans[step.plan]!;
    const file = dispatchFile(
      await dispatchWorkbook(2025, step.month, [
        { code: p.code, name: p.name, cumulative: null, thisMonth: step.amount },
      ]),
    );
    const dry = await backfills.backfillReportsDryRun(backfillForm(2025, step.month, file));
    if (dry.ok) {
      count(
        'backfill',
        await backfills.backfillReports(
          backfillForm(2025, step.month, file, { digest: dry.data.digest, reason: '系统启用前月份补录' }),
        ),
      );
    }
  } else {
    const report = await reportOf(step.plan, step.month);
    if (!report) return;
    const input = { reportId: report.id, version: report.version };
    if (step.kind === 'submit') {
      await signIn(t.db, 'zjw');
      count('submit', await reports.submitReport(input));
    } else {
      await signIn(t.db, 'bureau');
      if (step.kind === 'approve') count('approve', await reports.approveReport(input));
      if (step.kind === 'return') count('return', await reports.returnReport({ ...input, comment: '请核实' }));
      if (step.kind === 'reopen') count('reopen', await reports.reopenReport({ ...input, reason: '金额有误' }));
    }
  }
}

describe('the maintained figures', () => {
  it('equal a recomputation from the reports after any sequence of report writes', async () => {
    expect(describeFiguresReport(await verifyPlanFigures(client))).toMatch(/^Figures of \d+ plans match/);
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb(), { minLength: 1, maxLength: 16 }), async (sequence) => {
        for (const step of sequence) await run(step);
        steps += sequence.length;
        const report = await verifyPlanFigures(client);
        expect(report.differences, describeFiguresReport(report)).toEqual([]);
      }),
      { numRuns: SEQUENCES },
    );
    // the sequences did write: the fresh plans have reports now, each counted in the summary
    expect(steps).toBeGreaterThan(0);
    expect(accepted.get('save') ?? 0).toBeGreaterThan(0);
    const written = await t.db.monthlyReport.count({ where: { planId: { in: plans.map((p) => p.planId) } } });
    expect(written).toBeGreaterThan(0);
    expect(await t.db.planMonthSummary.count({ where: { planId: { in: plans.map((p) => p.planId) } } })).toBe(written);
    console.log(`[plan-summary] ${SEQUENCES} sequences, ${steps} steps; accepted:`, Object.fromEntries(accepted));
  }, 600_000);

  it('are checked and repaired by npm run figures:verify', async () => {
    const plan = plans[2]!.planId;
    const month = await t.db.planMonthSummary.findFirstOrThrow({ where: { planId: plan }, orderBy: { month: 'asc' } });
    // a stored sum off by one fen, and a month's row lost
    await client.query(`UPDATE "PlanSummary" SET "approvedYtd"[12] = "approvedYtd"[12] + 0.01 WHERE "planId" = $1`, [
      plan,
    ]);
    await client.query(`DELETE FROM "PlanMonthSummary" WHERE "planId" = $1 AND month = $2`, [plan, month.month]);

    const verify = (...args: string[]) => {
      try {
        const out = execFileSync(
          'npx',
          ['tsx', '--conditions=react-server', path.join(ROOT, 'scripts/figures-verify.ts'), ...args],
          { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8', stdio: 'pipe' },
        );
        return { code: 0, out };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const found = verify();
    expect(found.code).toBe(1);
    expect(found.out).toContain(`plan ${plan}:`);
    expect(found.out).toContain('summary approvedYtd');
    expect(found.out).toContain(`month ${month.month}: missing`);
    expect(found.out).toContain('2 rows of 1 plans differ');

    const repaired = verify('--repair');
    expect(repaired.code).toBe(0);
    expect(repaired.out).toContain('2 rows of 1 plans repaired');
    expect(
      await t.db.planMonthSummary.findUnique({ where: { planId_month: { planId: plan, month: month.month } } }),
    ).toEqual(month);

    const clean = verify();
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/Figures of \d+ plans match their reports/);
  }, 180_000);
});
