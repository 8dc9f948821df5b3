/**
 * Two writes at the same time: two months of one project that together would pass the total, and two people
 * saving the same report on the same read version. Nothing is overwritten and the loser is told who won.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, contextOf, requestContext, signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { HUGE, openReportStories, toCents, wan, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;
beforeAll(async () => {
  s = await openReportStories({ secondUsers: true });
});
afterAll(async () => s?.close());

describe('two months of one project saved at the same time', () => {
  it('checks two months one after the other: the one that takes cumulative since start past the total is flagged', async () => {
    // November is a draft; October is reopened by the bureau. Room is left for 600.00 across the two months.
    const november = await s.reportOf('zjw', 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY' });
    const october = await s.db.monthlyReport.findUniqueOrThrow({
      where: { planId_month: { planId: november.planId, month: s.currentMonth - 1 } },
    });
    expect(october.status).toBe('APPROVED');
    s.use(october.id);
    const plan = await s.db.projectPlan.findUniqueOrThrow({ where: { id: november.planId } });
    const rest = await s.db.monthlyReport.findMany({
      where: { planId: plan.id, month: { notIn: [october.month, november.month] } },
    });
    await s.arrange(
      plan.id,
      { stage: 'ONGOING', annualPlan: null },
      { totalInvestment: HUGE, actualStart: new Date('2024-03-01T00:00:00Z') },
    );
    await signIn(s.db, 'bureau');
    const reopened = await s.actions.reopenReport({
      reportId: october.id,
      version: october.version,
      reason: '更正十月投资',
    });
    if (!reopened.ok) throw new Error(reopened.message);
    await signIn(s.db, 'zjw');
    for (const id of [november.id, october.id]) {
      const zeroed = await s.actions.saveReportDraft(await s.resave(id, { investedThisMonth: '0' }));
      if (!zeroed.ok) throw new Error(zeroed.message);
    }
    // both months at zero, the total is lowered to leave exactly 600.00 for the two of them (lowered first, the
    // total could already be passed by the month not yet zeroed, whatever its amount)
    const totalCents =
      toCents(plan.cumulativeBeforeYear) + rest.reduce((sum, r) => sum + toCents(r.investedThisMonth), 0) + 60_000;
    await s.arrange(plan.id, {}, { totalInvestment: wan(totalCents) });
    const novemberInput = await s.resave(november.id, { investedThisMonth: '400.00' });
    const octoberInput = await s.resave(october.id, { investedThisMonth: '400.00' });

    // Hold November's row so that its save has made its checks and waits to write while October is saved.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = s.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "MonthlyReport" WHERE id = ${november.id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const novemberSave = s.actions.saveReportDraft(novemberInput);
    const waitingOnLocks = async (count: number) => {
      for (let i = 0; i < 100; i++) {
        const [waiting] = await s.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if ((waiting?.n ?? 0) >= count) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitingOnLocks(1);
    // October's save starts while November's is in flight; it must wait for November, not check against its old figure
    const octoberSave = s.actions.saveReportDraft(octoberInput);
    await waitingOnLocks(2);
    release();
    await holder;
    const [novemberResult, octoberResult] = await Promise.all([novemberSave, octoberSave]);

    // Both are saved (a cumulative above the total is a flag, not a refusal), but the months are checked one after
    // the other: November, which held the plan first, is within the total; October, checked after it, sees
    // November's 400.00 and carries the flag with the 200.00 excess, so the over-run cannot slip through unflagged.
    expect(novemberResult, JSON.stringify(novemberResult)).toMatchObject({ ok: true });
    expect(octoberResult, JSON.stringify(octoberResult)).toMatchObject({ ok: true });
    const overTotal = (r: typeof octoberResult) =>
      r.ok ? r.data.flags.filter((f) => f.code === 'cumulativeAboveTotal') : [];
    expect(overTotal(novemberResult)).toEqual([]);
    expect(overTotal(octoberResult)).toEqual([
      { code: 'cumulativeAboveTotal', params: expect.objectContaining({ excess: '200.00' }) },
    ]);
    const all = await s.db.monthlyReport.findMany({ where: { planId: plan.id } });
    const cumulative =
      toCents(plan.cumulativeBeforeYear) + all.reduce((sum, r) => sum + toCents(r.investedThisMonth), 0);
    expect(cumulative).toBe(totalCents + 20_000);
    const stored = all
      .filter((r) => [october.id, november.id].includes(r.id) && r.flags.includes('cumulativeAboveTotal'))
      .map((r) => r.id);
    expect(stored).toEqual([october.id]);
  });
});

describe('two people saving the same report', () => {
  it('refuses the second save made on the same read version, naming who saved, and keeps the first’s values', async () => {
    const report = await s.reportOf('zjw', 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY' });
    // room under the total (some seeded projects have spent all of it), so only the versions decide
    await s.arrange(report.planId, {}, { totalInvestment: HUGE });
    const input = await s.resave(report.id);

    const zjw = await signIn(s.db, 'zjw');
    const first = await s.actions.saveReportDraft({ ...input, investedThisMonth: '11.11', progressText: '第一人填写' });
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, data: { version: report.version + 1 } });
    const rowAfterFirst = await s.reportRow(report.id);
    const auditBefore = await lastAuditId(s.db);

    await signIn(s.db, 'zjw2');
    const second = await s.actions.saveReportDraft({
      ...input,
      investedThisMonth: '22.22',
      progressText: '第二人填写',
    });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (second.ok) return;
    expect(second.message).toContain(zjw.displayName);
    expect(second.message).toContain('刷新');
    expect(await s.reportRow(report.id)).toEqual(rowAfterFirst);
    expect(rowAfterFirst.investedThisMonth.toFixed(2)).toBe('11.11');
    expect(await auditSince(s.db, auditBefore)).toEqual([]);
  });

  it('lets exactly one of two simultaneous saves win, and the other is told who won', async () => {
    const report = await s.reportOf('zjw', 'DRAFT', s.currentMonth, { stageNot: 'PRELIMINARY' });
    // room under the total (some seeded projects have spent all of it), so only the versions decide
    await s.arrange(report.planId, {}, { totalInvestment: HUGE });
    const input = await s.resave(report.id);
    const auditBefore = await lastAuditId(s.db);
    const zjw = await actorOf(s.db, 'zjw');
    const zjw2 = await actorOf(s.db, 'zjw2');
    requestContext
      .mockResolvedValue(contextOf(zjw))
      .mockResolvedValueOnce(contextOf(zjw))
      .mockResolvedValueOnce(contextOf(zjw2));

    const results = await Promise.all([
      s.actions.saveReportDraft({ ...input, investedThisMonth: '33.33', progressText: '张' }),
      s.actions.saveReportDraft({ ...input, investedThisMonth: '44.44', progressText: '孙' }),
    ]);

    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const loser = results[1 - winner]!;
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (loser.ok) return;
    expect(loser.message).toContain((winner === 0 ? zjw : zjw2).displayName);
    const row = await s.reportRow(report.id);
    expect(row.investedThisMonth.toFixed(2)).toBe(winner === 0 ? '33.33' : '44.44');
    expect(row.version).toBe(report.version + 1);
    expect(await auditSince(s.db, auditBefore)).toHaveLength(1);
  });
});
