/**
 * The plan indicators (附件2) as their users meet them: the responsible department enters a period's actual, the
 * bureau approves or returns it, the status follows; who sees the unapproved figures; a refused call changes
 * nothing. The actions are called as the public POST endpoints they are against a seeded throwaway database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { apiClient, expectError, ok } from '../helpers/api-client';
import { auditSince, digestOf, lastAuditId } from '../helpers/audit';
import { params } from '../helpers/route-calls';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/indicators');
let listIndicators: typeof import('@/lib/server/indicators/list-indicators').listIndicators;

const TABLES = ['IndicatorActual', 'AuditLog'] as const;
/** 11 文化和旅游产业增加值增速 (target "6", quarterly, 区文化旅游委: the demo login wlw); 22 长江干流水质 (保持Ⅱ类). */
const ids = { tourism: 0, water: 0, gdp: 0 };

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/indicators');
  listIndicators = (await import('@/lib/server/indicators/list-indicators')).listIndicators;
  const bySeq = async (seq: number) =>
    (await t.db.indicator.findFirstOrThrow({ where: { seq, planYear: { year: 2025 } } })).id;
  ids.tourism = await bySeq(11);
  ids.water = await bySeq(22);
  ids.gdp = await bySeq(1);
}, 120_000);

afterAll(async () => t?.drop());

const rowOf = async (username: string, id: number) => {
  const year = await listIndicators(t.db, await actorOf(t.db, username), { year: 2025 });
  return year!.indicators.find((i) => i.id === id)!;
};

describe('the seeded year', () => {
  it('lists the 25 indicators in order with their responsible departments and demo statuses', async () => {
    const year = (await listIndicators(t.db, await actorOf(t.db, 'leader'), { year: 2025 }))!;
    expect(year.indicators.map((i) => i.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const bySeq = new Map(year.indicators.map((i) => [i.seq, i]));
    expect(bySeq.get(11)!.department.name).toBe('区文化旅游委');
    expect(bySeq.get(1)!.status).toBe('MET'); // GDP 6.1 against 6左右
    expect(bySeq.get(3)!.status).toBe('NEAR'); // 4.1 against 4.5左右 (from 4.275)
    expect(bySeq.get(5)!.status).toBe('OFF'); // 社零 3.6 against 5左右
    expect(bySeq.get(19)!.status).toBe('NEAR'); // FDI 4620 by October against 6000 × 10/12 = 5000
    expect(bySeq.get(22)!.status).toBe('MET'); // judged by the bureau
    expect(bySeq.get(18)!.status).toBe('NO_DATA'); // submitted, not approved yet
    expect(bySeq.get(25)!.comparison).toEqual({ op: 'lt', value: '0.01' });
  });

  it('answers null for a year that does not exist', async () => {
    expect(await listIndicators(t.db, await actorOf(t.db, 'leader'), { year: 2031 })).toBeNull();
  });
});

describe('a department enters an actual, the bureau reviews it', () => {
  it('walks draft → submitted → returned → fixed → approved, each step audited, and the status follows', async () => {
    await signIn(t.db, 'wlw');
    const auditBefore = await lastAuditId(t.db);
    const draft = await actions.enterIndicatorActual({
      indicatorId: ids.tourism,
      period: 3,
      version: 0,
      value: '５.２',
      source: '区统计局',
      note: '1—3季度',
    });
    expect(draft).toMatchObject({ ok: true, data: { status: 'DRAFT', version: 1 } });
    if (!draft.ok) return;
    const submitted = await actions.enterIndicatorActual({
      indicatorId: ids.tourism,
      period: 3,
      version: 1,
      value: '5.2',
      source: '区统计局',
      submit: true,
    });
    expect(submitted).toMatchObject({ ok: true, data: { status: 'SUBMITTED', version: 2 } });
    expect((await rowOf('leader', ids.tourism)).actuals).toEqual([]); // the leader sees approved figures only
    expect((await rowOf('bureau', ids.tourism)).actuals[0]).toMatchObject({ value: '5.2', status: 'SUBMITTED' });

    await signIn(t.db, 'bureau');
    const returned = await actions.returnIndicatorActual({
      actualId: draft.data.actualId,
      version: 2,
      reason: '请核对统计口径',
    });
    expect(returned).toMatchObject({ ok: true, data: { status: 'RETURNED' } });

    await signIn(t.db, 'wlw');
    expect((await rowOf('wlw', ids.tourism)).actuals[0]).toMatchObject({ reviewComment: '请核对统计口径' });
    const fixed = await actions.enterIndicatorActual({
      indicatorId: ids.tourism,
      period: 3,
      version: 3,
      value: '6.3',
      source: '区统计局',
      submit: true,
    });
    expect(fixed).toMatchObject({ ok: true, data: { status: 'SUBMITTED', version: 4 } });

    await signIn(t.db, 'bureau');
    // judgement null: what the review form sends once its own parse ran (no verdict needed for a number)
    const approval = { actualId: draft.data.actualId, version: 4, judgement: null };
    expect(await actions.approveIndicatorActual(approval)).toMatchObject({
      ok: true,
      data: { status: 'APPROVED' },
    });
    const row = await rowOf('leader', ids.tourism);
    expect(row.latestApproved).toMatchObject({ period: 3, value: '6.3', source: '区统计局' });
    expect(row.status).toBe('MET');

    const audits = await auditSince(t.db, auditBefore);
    expect(audits.map((a) => [a.action, a.actor])).toEqual([
      ['indicator.saveActual', 'wlw'],
      ['indicator.submitActual', 'wlw'],
      ['indicator.returnActual', 'bureau'],
      ['indicator.submitActual', 'wlw'],
      ['indicator.approveActual', 'bureau'],
    ]);
    expect(audits[2]!.reason).toBe('请核对统计口径');
  });

  it('refuses to change an approved actual, and nothing changes', async () => {
    await signIn(t.db, 'wlw');
    const before = await digestOf(t.db, TABLES);
    const actual = await t.db.indicatorActual.findFirstOrThrow({ where: { indicatorId: ids.tourism, period: 3 } });
    const result = await actions.enterIndicatorActual({
      indicatorId: ids.tourism,
      period: 3,
      version: actual.version,
      value: '9',
      source: '区统计局',
    });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: '该期数据已提交或已审核，不能再修改。' });
    expect(await digestOf(t.db, TABLES)).toBe(before);
  });

  it('wants a number where the target is one, and a period the frequency has', async () => {
    await signIn(t.db, 'wlw');
    const before = await digestOf(t.db, TABLES);
    const base = { indicatorId: ids.tourism, version: 0, source: '区统计局' };
    const text = await actions.enterIndicatorActual({ ...base, period: 2, value: '较快增长' });
    expect(text).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!text.ok && text.fieldErrors?.value).toEqual(['该指标目标为数值，实际值请填写数字，如 5.8']);
    const month = await actions.enterIndicatorActual({ ...base, period: 5, value: '6' });
    expect(!month.ok && month.fieldErrors?.period).toEqual(['请选择该指标有效的期次']);
    const noSource = await actions.enterIndicatorActual({ ...base, period: 2, value: '6', source: ' ' });
    expect(!noSource.ok && noSource.fieldErrors?.source).toEqual(['请填写数据来源，如 区统计局']);
    expect(await digestOf(t.db, TABLES)).toBe(before);
  });

  it("answers another department's indicator exactly like a missing one", async () => {
    await signIn(t.db, 'zjw');
    const before = await digestOf(t.db, TABLES);
    const input = { period: 1, version: 0, value: '6', source: '区统计局' };
    const other = await actions.enterIndicatorActual({ ...input, indicatorId: ids.tourism });
    const missing = await actions.enterIndicatorActual({ ...input, indicatorId: 99_999_999 });
    expect(other).toEqual(missing);
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await digestOf(t.db, TABLES)).toBe(before);
  });
});

describe('a target that is not a comparison', () => {
  it('is judged by the bureau on approval: without a verdict the approval is refused', async () => {
    await signIn(t.db, 'bureau'); // the bureau may enter on a department's behalf
    const entered = await actions.enterIndicatorActual({
      indicatorId: ids.water,
      period: 11,
      version: 0,
      value: 'Ⅲ类',
      source: '区生态环境局',
      submit: true,
    });
    expect(entered).toMatchObject({ ok: true, data: { status: 'SUBMITTED' } });
    if (!entered.ok) return;
    const { actualId, version } = entered.data;
    const refused = await actions.approveIndicatorActual({ actualId, version });
    expect(!refused.ok && refused.fieldErrors?.judgement).toEqual(['该指标目标不是数值比较，请选择研判结论']);
    const approved = await actions.approveIndicatorActual({ actualId, version, judgement: 'NOT_MET' });
    expect(approved).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
    const row = await rowOf('leader', ids.water);
    expect(row.latestApproved).toMatchObject({ period: 11, judgement: 'NOT_MET' });
    expect(row.status).toBe('OFF');
  });
});

describe('a closed year', () => {
  it('refuses every indicator write, and nothing changes', async () => {
    await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'CLOSED' } });
    try {
      await signIn(t.db, 'bureau');
      const before = await digestOf(t.db, TABLES);
      const result = await actions.enterIndicatorActual({
        indicatorId: ids.gdp,
        period: 4,
        version: 0,
        value: '6.0',
        source: '区统计局',
      });
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: '2025年度已关闭，数据已锁定，不能修改' });
      expect(await digestOf(t.db, TABLES)).toBe(before);
    } finally {
      await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'ACTIVE' } });
    }
  });
});

describe('GET /api/v1/plan-years/{year}/indicators', () => {
  interface Answer {
    year: number;
    data: { seq: number; status: string; latest: { value: string } | null; comparison: unknown }[];
    counts: Record<string, number>;
  }
  const call = async (year: string, token?: string | null) => {
    const api = await apiClient(t.db);
    const route = await import('@/app/api/v1/plan-years/[year]/indicators/route');
    return route.GET(
      api.request(`/plan-years/${year}/indicators`, token === undefined ? api.activeToken : token),
      params({ year }),
    );
  };

  it("serves the year's indicators as the page shows them, approved figures only", async () => {
    const body = await ok<Answer>(await call('2025'));
    const page = (await listIndicators(t.db, await actorOf(t.db, 'leader'), { year: 2025 }))!;
    expect(body.year).toBe(2025);
    expect(body.data.map((i) => [i.seq, i.status])).toEqual(page.indicators.map((i) => [i.seq, i.status]));
    expect(Object.values(body.counts).reduce((a, b) => a + b, 0)).toBe(25);
    // 18 进出口总额增速 has only a submitted figure in the demo: the API serves none
    expect(body.data.find((i) => i.seq === 18)!.latest).toBeNull();
    expect(body.data.find((i) => i.seq === 2)!.comparison).toEqual({ op: 'gt', value: '30' });
  });

  it('refuses a request without a token, and answers 404 for a year that does not exist', async () => {
    await expectError(await call('2025', null), 401, 'UNAUTHORIZED');
    await expectError(await call('2031'), 404, 'NOT_FOUND');
  });
});
