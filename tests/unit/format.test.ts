import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatPercent, formatWan, formatYi } from '@/lib/format';

describe('formatYi', () => {
  it('shows the 2025 annual plan as the report does in Chinese', () => {
    expect(formatYi('2478000.00', 'zh-CN')).toBe('247.80亿元');
  });

  it('shows it in English as ¥ bn, never as "247.8 billion"', () => {
    // 2,478,000 万元 = 247.8亿元 = 24,780,000,000 yuan
    expect(formatYi('2478000.00', 'en')).toBe('¥24.78 bn');
  });

  it('groups thousands in large summaries', () => {
    expect(formatYi('20150000', 'zh-CN')).toBe('2,015.00亿元');
    expect(formatYi('20150000', 'en')).toBe('¥201.50 bn');
  });

  it('divides exactly, without float error on amounts that are not binary-representable', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; the figure must round from the exact decimal
    expect(formatYi('12345678901234.56', 'zh-CN')).toBe('1,234,567,890.12亿元');
    expect(formatYi('0.5', 'zh-CN', { fractionDigits: 4 })).toBe('0.0001亿元');
    expect(formatYi('98765432109876.54', 'en')).toBe('¥987,654,321.10 bn');
  });

  it('rounds half up', () => {
    expect(formatYi('125', 'zh-CN')).toBe('0.01亿元'); // 0.0125
    expect(formatYi('124.99', 'zh-CN')).toBe('0.01亿元');
    expect(formatYi('49.99', 'zh-CN')).toBe('0.00亿元');
  });

  it('can leave the unit to a table header', () => {
    expect(formatYi('835000.00', 'zh-CN', { unit: false })).toBe('83.50');
    expect(formatYi('835000.00', 'en', { unit: false })).toBe('8.35');
  });

  it('keeps the sign of a negative adjustment and never shows "-0.00"', () => {
    expect(formatYi('-2478000', 'zh-CN')).toBe('-247.80亿元');
    expect(formatYi('-2478000', 'en')).toBe('-¥24.78 bn');
    expect(formatYi('-0.4', 'zh-CN')).toBe('0.00亿元');
  });

  it('treats any Chinese locale as Chinese and anything else as English', () => {
    expect(formatYi('10000', 'zh')).toBe('1.00亿元');
    expect(formatYi('100000', 'fr')).toBe('¥1.00 bn');
  });

  it('refuses a value that is not a number instead of showing a wrong figure', () => {
    expect(() => formatYi('abc', 'zh-CN')).toThrow();
  });
});

describe('formatWan', () => {
  it('keeps two decimals and thousands separators, with the unit in each language', () => {
    expect(formatWan('2478000', 'zh-CN')).toBe('2,478,000.00 万元');
    expect(formatWan('2478000', 'en')).toBe('2,478,000.00 (10k yuan)');
  });

  it('shows small and exact amounts unchanged', () => {
    expect(formatWan('0.1', 'zh-CN')).toBe('0.10 万元');
    expect(formatWan('123456.785', 'zh-CN', { unit: false })).toBe('123,456.79');
  });
});

describe('formatPercent', () => {
  it('shows a share with one decimal', () => {
    expect(formatPercent('33.3', 'zh-CN')).toBe('33.3%');
    expect(formatPercent('27', 'en')).toBe('27.0%');
    expect(formatPercent('39.65', 'zh-CN')).toBe('39.7%');
    expect(formatPercent('97.2', 'en', 2)).toBe('97.20%');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(421, 'zh-CN')).toBe('421');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});

describe('formatBytes', () => {
  it('picks the unit a file manager would, with one decimal below 100 of MB and above', () => {
    expect(formatBytes(0, 'zh-CN')).toBe('0 B');
    expect(formatBytes(850 * 1024, 'en')).toBe('850 KB');
    expect(formatBytes(12.4 * 1024 * 1024, 'zh-CN')).toBe('12.4 MB');
    expect(formatBytes(1234 * 1024 * 1024, 'en')).toBe('1.2 GB');
    expect(formatBytes(250 * 1024 * 1024, 'en')).toBe('250 MB');
  });
});
