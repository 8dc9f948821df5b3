import { describe, expect, it } from 'vitest';
import { closureRatePercent, problemBulletinSentence } from '@/lib/domain/problems/problem-bulletin';
import { chineseDate, problemSheetTitle } from '@/lib/domain/problems/problem-sheet';

describe('closureRatePercent', () => {
  it('rounds once, half up, to one decimal', () => {
    expect(closureRatePercent(15, 27)).toBe('55.6'); // 55.555…
    expect(closureRatePercent(1, 8)).toBe('12.5');
    expect(closureRatePercent(1, 16)).toBe('6.3'); // 6.25 → 6.3, half up
    expect(closureRatePercent(3, 7)).toBe('42.9');
  });

  it('is 100.0 when all are closed, 0.0 when none, and null with no problems', () => {
    expect(closureRatePercent(4, 4)).toBe('100.0');
    expect(closureRatePercent(0, 4)).toBe('0.0');
    expect(closureRatePercent(0, 0)).toBeNull();
  });
});

describe('problemBulletinSentence', () => {
  it('reads in the official style with overdue and supervised problems', () => {
    expect(problemBulletinSentence({ month: 11, total: 27, closed: 15, overdue: 4, supervisedOverdue: 1 })).toBe(
      '截至11月底，累计梳理协调问题27个，已办结15个，办结率55.6%；逾期未办结4个，其中挂牌督办1个。',
    );
  });

  it('leaves out "其中挂牌督办" when none of the overdue is supervised', () => {
    expect(problemBulletinSentence({ month: 3, total: 10, closed: 2, overdue: 3, supervisedOverdue: 0 })).toBe(
      '截至3月底，累计梳理协调问题10个，已办结2个，办结率20.0%；逾期未办结3个。',
    );
  });

  it('says there is nothing overdue rather than "逾期未办结0个"', () => {
    expect(problemBulletinSentence({ month: 12, total: 5, closed: 5, overdue: 0, supervisedOverdue: 0 })).toBe(
      '截至12月底，累计梳理协调问题5个，已办结5个，办结率100.0%；无逾期未办结问题。',
    );
  });

  it('has a sentence for a year without problems, with no rate of nothing', () => {
    expect(problemBulletinSentence({ month: 1, total: 0, closed: 0, overdue: 0, supervisedOverdue: 0 })).toBe(
      '截至1月底，暂无需协调解决的问题。',
    );
  });

  it('refuses figures that cannot be', () => {
    const ok = { month: 5, total: 10, closed: 5, overdue: 2, supervisedOverdue: 1 };
    expect(() => problemBulletinSentence({ ...ok, month: 13 })).toThrow(RangeError);
    expect(() => problemBulletinSentence({ ...ok, closed: 11 })).toThrow(RangeError);
    expect(() => problemBulletinSentence({ ...ok, overdue: 6 })).toThrow(RangeError);
    expect(() => problemBulletinSentence({ ...ok, supervisedOverdue: 3 })).toThrow(RangeError);
    expect(() => problemBulletinSentence({ ...ok, total: 1.5 })).toThrow(RangeError);
    expect(() => problemBulletinSentence({ ...ok, day: 32 })).toThrow(RangeError);
  });

  it('figures taken before the month’s end say their day ("截至12月6日")', () => {
    expect(problemBulletinSentence({ month: 12, day: 6, total: 2, closed: 1, overdue: 0, supervisedOverdue: 0 })).toBe(
      '截至12月6日，累计梳理协调问题2个，已办结1个，办结率50.0%；无逾期未办结问题。',
    );
  });
});

describe('the 问题清单 title', () => {
  it('writes the date the documents’ way', () => {
    expect(chineseDate('2025-12-03')).toBe('2025年12月3日');
    expect(problemSheetTitle('2025-11-20')).toBe('渝中区重点项目协调问题清单（截至2025年11月20日）');
  });
});
