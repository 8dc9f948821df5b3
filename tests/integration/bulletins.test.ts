/**
 * The monthly bulletin (月度通报) as the bureau and its readers meet it: the actions called as the public POST
 * endpoints they are (through the mocked request context), the reads as the pages call them, against a seeded
 * throwaway database (2025 plan, reporting month 11, January–October approved).
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/bulletins');
let reads: {
  getBulletin: typeof import('@/lib/server/bulletins/get-bulletin').getBulletin;
  listBulletins: typeof import('@/lib/server/bulletins/list-bulletins').listBulletins;
  getRollup: typeof import('@/lib/server/dashboard/get-rollup').getRollup;
  exportBulletinWorkbook: typeof import('@/lib/server/bulletins/export-bulletin').exportBulletinWorkbook;
};

async function bulletinRow(id: number) {
  return t.db.bulletin.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/bulletins');
  reads = {
    getBulletin: (await import('@/lib/server/bulletins/get-bulletin')).getBulletin,
    listBulletins: (await import('@/lib/server/bulletins/list-bulletins')).listBulletins,
    getRollup: (await import('@/lib/server/dashboard/get-rollup')).getRollup,
    exportBulletinWorkbook: (await import('@/lib/server/bulletins/export-bulletin')).exportBulletinWorkbook,
  };
}, 120_000);

afterAll(async () => t?.drop());

describe('the monthly bulletin', () => {
  let id: number;
  let version: number;

  it('drafts October from the official rollup, freezing its figures, in the official wording', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.createBulletinDraft({ year: 2025, month: 10 });
    expect(result, JSON.stringify(result)).toMatchObject({
      ok: true,
      data: { year: 2025, month: 10, status: 'DRAFT', version: 1 },
    });
    if (!result.ok) return;
    ({ id, version } = result.data);

    const rollup = (await reads.getRollup(t.db, await actorOf(t.db, 'bureau'), {
      year: 2025,
      month: 10,
      basis: 'approved',
    }))!;
    const row = await bulletinRow(id);
    const figures = row.figures as unknown as { rollup: typeof rollup; redProjects: unknown[]; paceRedPoints: string };
    expect(figures.rollup.completed).toBe(rollup.completed);
    expect(figures.rollup.percentOfPlan).toBe(rollup.percentOfPlan);
    expect(figures.rollup.byStage).toEqual(rollup.byStage);
    expect(figures.paceRedPoints).toBe('30');

    // X亿元 to one decimal, Y% to one decimal, Z = Y − 83.3 points
    const yi = new Decimal(rollup.completed).dividedBy(10_000).toFixed(1, Decimal.ROUND_HALF_UP);
    const percent = new Decimal(rollup.completed)
      .times(100)
      .dividedBy(rollup.annualPlan)
      .toFixed(1, Decimal.ROUND_HALF_UP);
    const gap = new Decimal(percent).minus('83.3');
    expect(Number(percent)).toBeGreaterThan(80); // ≈ 87.3% of 247.8亿元 after October
    const pace = gap.isZero()
      ? '与序时进度持平'
      : `${gap.isNegative() ? '低于' : '超'}序时进度${gap.abs().toFixed(1)}个百分点`;
    // the seeded 2024 is in Keystone: the amount gains its 同比 clause, from an independent sum of 2024's months
    const [previous] = await t.db.$queryRaw<{ amount: string }[]>`
      SELECT sum(r."approvedInvested")::text AS amount FROM "MonthlyReport" r
        JOIN "ProjectPlan" pp ON pp.id = r."planId" JOIN "PlanYear" y ON y.id = pp."planYearId"
       WHERE y.year = 2024 AND r.month <= 10`;
    const rate = new Decimal(rollup.completed).minus(previous!.amount).times(100).dividedBy(previous!.amount);
    const yoy = `同比${rate.isNegative() ? '下降' : '增长'}${rate.abs().toFixed(1, Decimal.ROUND_HALF_UP)}%`;
    expect(row.body).toContain(`1-10月，全区重点项目累计完成投资${yi}亿元，${yoy}，占年度计划的${percent}%，${pace}。`);
    expect(row.title).toContain('2025年1-10月');

    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { entity: 'Bulletin', entityId: String(id) },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({ action: 'bulletin.create', actor: 'bureau' });
  });

  it('keeps the frozen figures when reports change, until the bureau regenerates the draft', async () => {
    await signIn(t.db, 'bureau');
    const before = await bulletinRow(id);
    const report = await t.db.monthlyReport.findFirstOrThrow({
      where: { month: 10, status: 'APPROVED', approvedInvested: { not: null }, plan: { planYear: { year: 2025 } } },
      orderBy: { id: 'asc' },
    });
    await t.db.monthlyReport.update({
      where: { id: report.id },
      data: { approvedInvested: report.approvedInvested!.plus(10_000) },
    });
    const frozen = (await reads.getBulletin(t.db, await actorOf(t.db, 'bureau'), { year: 2025, month: 10 }))!;
    expect(frozen.figures.rollup.completed).toBe(
      (before.figures as { rollup: { completed: string } }).rollup.completed,
    );

    const result = await actions.regenerateBulletin({ id, version });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { version: version + 1 } });
    if (result.ok) version = result.data.version;
    const fresh = (await reads.getBulletin(t.db, await actorOf(t.db, 'bureau'), { year: 2025, month: 10 }))!;
    expect(new Decimal(fresh.figures.rollup.completed).minus(frozen.figures.rollup.completed).toFixed(2)).toBe(
      '10000.00',
    );
  });

  it('saves the bureau’s edit of the title and text with the version it read', async () => {
    await signIn(t.db, 'bureau');
    const current = await bulletinRow(id);
    const body = `${current.body}\n\n请各单位认真对照，加快推进。`;
    const result = await actions.updateBulletin({ id, version, title: '渝中区2025年1-10月重点项目推进情况通报', body });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { version: version + 1 } });
    if (result.ok) version = result.data.version;
    const row = await bulletinRow(id);
    expect(row.title).toBe('渝中区2025年1-10月重点项目推进情况通报');
    expect(row.body).toBe(body);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { entity: 'Bulletin', entityId: String(id) },
      orderBy: { id: 'desc' },
    });
    expect(audit.action).toBe('bulletin.update');
    expect(audit.after).toMatchObject({ title: '渝中区2025年1-10月重点项目推进情况通报' });
  });

  it('refuses a change made on a stale version, naming who saved since, and writes nothing', async () => {
    await signIn(t.db, 'admin');
    const before = await bulletinRow(id);
    const audits = await t.db.auditLog.count();
    const result = await actions.updateBulletin({ id, version: version - 1, title: '过期的标题', body: '过期的正文' });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!result.ok) expect(result.message).toContain((await actorOf(t.db, 'bureau')).displayName);
    expect(await bulletinRow(id)).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(audits);
  });

  it('refuses a second draft of the same month', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.createBulletinDraft({ year: 2025, month: 10 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!result.ok) expect(result.message).toContain('已经起草');
  });

  it('refuses to draft a month whose reports are still open', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.createBulletinDraft({ year: 2025, month: 11 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('validates the text with the form’s own schema', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.updateBulletin({ id, version, title: '  ', body: '' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['body', 'title']);
  });

  it('lets neither a department nor a leader manage bulletins', async () => {
    for (const who of ['zjw', 'leader'] as const) {
      await signIn(t.db, who);
      const before = await bulletinRow(id);
      for (const result of [
        await actions.createBulletinDraft({ year: 2025, month: 9 }),
        await actions.regenerateBulletin({ id, version }),
        await actions.updateBulletin({ id, version, title: '越权修改', body: '越权修改' }),
        await actions.publishBulletin({ id, version }),
      ]) {
        expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
      expect(await bulletinRow(id)).toEqual(before);
    }
    expect(await t.db.bulletin.count()).toBe(1);
  });

  it('shows a draft to the bureau only: the leader and departments see no bulletin yet', async () => {
    expect(await reads.getBulletin(t.db, await actorOf(t.db, 'leader'), { year: 2025, month: 10 })).toBeNull();
    expect(await reads.getBulletin(t.db, await actorOf(t.db, 'zjw'), { year: 2025, month: 10 })).toBeNull();
    expect((await reads.listBulletins(t.db, await actorOf(t.db, 'leader'), { year: 2025 }))!.bulletins).toEqual([]);
    expect((await reads.listBulletins(t.db, await actorOf(t.db, 'bureau'), { year: 2025 }))!.bulletins).toHaveLength(1);
    await expect(
      reads.exportBulletinWorkbook(t.db, await actorOf(t.db, 'leader'), { year: 2025, month: 10, locale: 'zh-CN' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('publishes the draft as it stands', async () => {
    await signIn(t.db, 'bureau');
    const result = await actions.publishBulletin({ id, version });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { status: 'PUBLISHED' } });
    if (result.ok) version = result.data.version;
    const row = await bulletinRow(id);
    expect(row.status).toBe('PUBLISHED');
    expect(row.publishedById).toBe((await actorOf(t.db, 'bureau')).id);
    expect(row.publishedAt).toBeInstanceOf(Date);
  });

  it('never changes a published bulletin: every change is refused with a clear conflict', async () => {
    await signIn(t.db, 'bureau');
    const before = await bulletinRow(id);
    for (const result of [
      await actions.updateBulletin({ id, version, title: '发布后修改', body: '发布后修改' }),
      await actions.regenerateBulletin({ id, version }),
      await actions.publishBulletin({ id, version }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
      if (!result.ok) expect(result.message).toContain('已发布');
    }
    expect(await bulletinRow(id)).toEqual(before);
  });

  it('lets the leader and departments read the published bulletin, and export it with the same tables', async () => {
    const leader = (await reads.getBulletin(t.db, await actorOf(t.db, 'leader'), { year: 2025, month: 10 }))!;
    expect(leader).toMatchObject({ status: 'PUBLISHED', publishedBy: (await actorOf(t.db, 'bureau')).displayName });
    expect((await reads.getBulletin(t.db, await actorOf(t.db, 'zjw'), { year: 2025, month: 10 }))?.id).toBe(id);
    expect(
      (await reads.listBulletins(t.db, await actorOf(t.db, 'leader'), { year: 2025 }))!.bulletins.map((b) => b.month),
    ).toEqual([10]);

    const { buffer, title } = await reads.exportBulletinWorkbook(t.db, await actorOf(t.db, 'leader'), {
      year: 2025,
      month: 10,
      locale: 'zh-CN',
    });
    expect(title).toBe(leader.title);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(leader.title);
    expect(cells.some((v) => typeof v === 'string' && v.includes('1-10月，全区重点项目累计完成投资'))).toBe(true);
    for (const label of ['分项目类别', '分投资主体', '分投资方向', '完工', '市级', '基础设施', '合计'])
      expect(cells).toContain(label);
    // the total row carries the frozen total as a number in 万元, formatted '#,##0.00'
    let totalRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '合计') totalRow = row;
    });
    expect(totalRow!.getCell(4).value).toBe(Number(leader.figures.rollup.completed));
    expect(totalRow!.getCell(4).numFmt).toBe('#,##0.00');
  });
});
