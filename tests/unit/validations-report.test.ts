import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import {
  isReportMessageKey,
  parseAmountWan,
  REPORT_MESSAGES,
  REPORT_BATCH_MAX,
  ZReopenReport,
  ZReportBatch,
  ZReturnReport,
  ZReturnReports,
  ZSaveReportDraft,
  ZSubmitReport,
} from '@/lib/validations/report';

const draft = {
  projectPlanId: 12,
  month: 11,
  version: 0,
  investedThisMonth: '1234.5',
  progressText: '主体结构施工',
  problems: '',
  coordinationNeeded: '',
  nextSteps: '',
};

function messagesOf(input: unknown): Record<string, string[]> {
  const result = ZSaveReportDraft.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('parseAmountWan', () => {
  it.each([
    ['0', '0.00'],
    ['12', '12.00'],
    ['12.3', '12.30'],
    ['12.34', '12.34'],
    ['.5', '0.50'],
    ['5.', '5.00'],
    ['  8 ', '8.00'],
    ['1,234.50', '1234.50'],
    ['12,345,678.9', '12345678.90'],
    ['１２３', '123.00'],
    ['１，２３４．５０', '1234.50'],
    ['１２３。４', '123.40'],
    ['1.230', '1.23'],
    ['-0', '0.00'],
    ['+7', '7.00'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseAmountWan(raw)).toEqual({ ok: true, value: expected });
  });

  it('keeps figures beyond float precision exact', () => {
    // 0.1 + 0.2 style errors: 16 whole digits and cents would lose the cents as a double
    expect(parseAmountWan('1234567890123456.78')).toEqual({ ok: true, value: '1234567890123456.78' });
  });

  it.each([
    ['', 'reportAmountRequired'],
    ['   ', 'reportAmountRequired'],
    ['abc', 'reportAmountInvalid'],
    ['12a', 'reportAmountInvalid'],
    ['1e3', 'reportAmountInvalid'],
    ['.', 'reportAmountInvalid'],
    ['1.2.3', 'reportAmountInvalid'],
    ['12,34', 'reportAmountInvalid'],
    ['1234,567', 'reportAmountInvalid'],
    ['-5', 'reportAmountNegative'],
    ['－５', 'reportAmountNegative'],
    ['1.234', 'reportAmountTooManyDecimals'],
    ['0.001', 'reportAmountTooManyDecimals'],
    ['12345678901234567', 'reportAmountTooLarge'],
  ])('refuses %j (%s)', (raw, error) => {
    expect(parseAmountWan(raw)).toEqual({ ok: false, error });
  });
});

describe('ZSaveReportDraft', () => {
  it('normalises the amount and trims the narrative', () => {
    const result = ZSaveReportDraft.safeParse({ ...draft, investedThisMonth: '１,２３４.５', progressText: '  封顶 ' });
    expect(result.success && result.data).toMatchObject({ investedThisMonth: '1234.50', progressText: '封顶' });
  });

  it('takes ids and version as strings, as a form post sends them', () => {
    const result = ZSaveReportDraft.safeParse({ ...draft, projectPlanId: '12', month: '11', version: '3' });
    expect(result.success && result.data).toMatchObject({ projectPlanId: 12, month: 11, version: 3 });
  });

  it('fills narrative fields left out with empty text', () => {
    const { progressText: _p, problems: _q, coordinationNeeded: _c, nextSteps: _n, ...bare } = draft;
    const result = ZSaveReportDraft.safeParse(bare);
    expect(result.success && result.data).toMatchObject({ progressText: '', problems: '', nextSteps: '' });
  });

  it('names the field of each problem with a message key', () => {
    expect(messagesOf({ ...draft, investedThisMonth: '-1', month: 13, progressText: 'x'.repeat(2001) })).toEqual({
      investedThisMonth: ['reportAmountNegative'],
      month: ['reportMonthInvalid'],
      progressText: ['reportTextTooLong'],
    });
    expect(messagesOf({ ...draft, investedThisMonth: undefined })).toEqual({
      investedThisMonth: ['reportAmountRequired'],
    });
    expect(messagesOf({ ...draft, projectPlanId: 'x', version: -1 })).toEqual({
      projectPlanId: ['reportRecordInvalid'],
      version: ['reportRecordInvalid'],
    });
  });
});

describe('the rest of a month’s report', () => {
  const parse = (extra: Record<string, unknown>) => ZSaveReportDraft.safeParse({ ...draft, ...extra });

  it.each([
    ['58.5', '58.50'],
    ['１００', '100.00'],
    ['0', '0.00'],
    ['45%', '45.00'],
    ['', null],
  ])('reads the percent complete %j as %j', (raw, stored) => {
    const result = parse({ percentComplete: raw });
    expect(result.success && result.data.percentComplete).toBe(stored);
  });

  it.each(['100.01', '-1', 'abc', '1.234'])('refuses the percent complete %j', (raw) => {
    expect(messagesOf({ ...draft, percentComplete: raw })).toEqual({ percentComplete: ['reportPercentInvalid'] });
  });

  it('takes actual dates in order, and refuses a completion before the start or an impossible date', () => {
    const ok = parse({ actualStart: '2025-03-01', actualCompletion: '2025-11-20' });
    expect(ok.success && [ok.data.actualStart, ok.data.actualCompletion]).toEqual(['2025-03-01', '2025-11-20']);
    expect(messagesOf({ ...draft, actualStart: '2025-11-20', actualCompletion: '2025-03-01' })).toEqual({
      actualCompletion: ['reportDatesOrder'],
    });
    expect(messagesOf({ ...draft, actualStart: '2025-02-30' })).toEqual({ actualStart: ['reportDateInvalid'] });
    const empty = parse({ actualStart: '', actualCompletion: '' });
    expect(empty.success && [empty.data.actualStart, empty.data.actualCompletion]).toEqual([null, null]);
  });

  it('reads "ready to start" from a select or a boolean, blank meaning not stated', () => {
    const of = (v: unknown) => {
      const r = parse({ readyToStart: v });
      return r.success ? r.data.readyToStart : 'refused';
    };
    expect([of('true'), of('false'), of(''), of(true), of(false), of(undefined)]).toEqual([
      true,
      false,
      null,
      true,
      false,
      null,
    ]);
    expect(of('maybe')).toBe('refused');
  });

  it('takes each preliminary milestone at most once, with a real date', () => {
    const ok = parse({
      milestoneUpdates: [
        { kind: 'LAND', date: '2025-11-03' },
        { kind: 'EIA', date: '2025-11-10' },
      ],
    });
    expect(ok.success && ok.data.milestoneUpdates).toHaveLength(2);
    expect(
      messagesOf({
        ...draft,
        milestoneUpdates: [
          { kind: 'LAND', date: '2025-11-03' },
          { kind: 'LAND', date: '2025-11-04' },
        ],
      }),
    ).toEqual({
      milestoneUpdates: ['reportMilestoneDuplicate'],
    });
    expect(messagesOf({ ...draft, milestoneUpdates: [{ kind: 'MOON', date: '2025-11-03' }] })).toEqual({
      'milestoneUpdates.0.kind': ['reportMilestoneInvalid'],
    });
    expect(messagesOf({ ...draft, milestoneUpdates: [{ kind: 'LAND', date: '2025-13-01' }] })).toEqual({
      'milestoneUpdates.0.date': ['reportDateInvalid'],
    });
  });
});

describe('bulk actions', () => {
  it('take between one and the batch maximum of reports', () => {
    expect(ZReportBatch.safeParse({ reports: [{ reportId: 1, version: 3 }] }).success).toBe(true);
    expect(ZReportBatch.safeParse({ reports: [] }).error?.issues.map((i) => i.message)).toEqual(['reportBatchEmpty']);
    const tooMany = Array.from({ length: REPORT_BATCH_MAX + 1 }, (_, i) => ({ reportId: i + 1, version: 1 }));
    expect(ZReportBatch.safeParse({ reports: tooMany }).error?.issues.map((i) => i.message)).toEqual([
      'reportBatchTooLarge',
    ]);
  });

  it('return with one comment, and reopen only with a reason', () => {
    expect(ZReturnReports.safeParse({ reports: [{ reportId: 1, version: 1 }], comment: '' }).success).toBe(false);
    expect(
      ZReopenReport.safeParse({ reportId: 1, version: 1, reason: ' ' }).error?.issues.map((i) => i.message),
    ).toEqual(['reportReopenReasonRequired']);
    expect(ZReopenReport.safeParse({ reportId: 1, version: 1, reason: '更正11月投资额' }).success).toBe(true);
  });
});

describe('transitions', () => {
  it('needs a report id and the version read', () => {
    expect(ZSubmitReport.safeParse({ reportId: 5, version: 2 }).success).toBe(true);
    expect(ZSubmitReport.safeParse({ reportId: 0, version: 2 }).success).toBe(false);
  });

  it('refuses to return a report without a reason', () => {
    const result = ZReturnReport.safeParse({ reportId: 5, version: 2, comment: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['reportReturnCommentRequired']);
  });
});

describe('messages', () => {
  it('are translated in both languages', () => {
    for (const key of Object.values(REPORT_MESSAGES)) {
      expect(isReportMessageKey(key)).toBe(true);
      expect(zhCN.validation).toHaveProperty(key);
      expect(en.validation).toHaveProperty(key);
    }
    expect(isReportMessageKey('nonsense')).toBe(false);
  });

  it('speak Chinese to Chinese users', () => {
    for (const key of Object.values(REPORT_MESSAGES)) expect(zhCN.validation[key]).toMatch(/[\u4e00-\u9fff]/);
  });
});
