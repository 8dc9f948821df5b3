import Decimal from 'decimal.js';

/**
 * Money and share formatting, done once at the edge. Amounts arrive as exact decimal strings in 万元 (10^4 yuan)
 * and are divided with decimal.js: a float would turn 0.1 + 0.2 into 0.30000000000000004 and, on the 10^10 scale
 * of a district plan, round in the wrong direction.
 *
 * 1亿元 = 10^8 yuan = 10,000万元, and 1 bn yuan = 10亿元 = 100,000万元. English never renders 亿 as "billion":
 * 247.8亿元 is ¥24.78 bn.
 */

/** Locales the formatters know; anything else is treated as English. */
export type FormatLocale = 'zh-CN' | 'en' | (string & {});

const WAN_PER_YI = new Decimal(10_000);
const WAN_PER_BILLION = new Decimal(100_000);

/** A dash for a figure that was not published (e.g. 前期 projects carry no annual investment). */
export const MISSING = '—';

function isChinese(locale: FormatLocale): boolean {
  return locale.toLowerCase().startsWith('zh');
}

/** Fixed decimals with thousands separators, rounded half up, computed on the decimal string itself. */
function groupFixed(value: Decimal, fractionDigits: number): string {
  const fixed = value.toFixed(fractionDigits, Decimal.ROUND_HALF_UP);
  // "-0.00" would suggest a negative figure that rounds away; show plain zero.
  const unsigned = fixed.startsWith('-') ? fixed.slice(1) : fixed;
  const negative = fixed.startsWith('-') && /[1-9]/.test(unsigned);
  const [whole = '0', fraction] = unsigned.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export interface AmountOptions {
  /** decimals shown; 2 unless the caller needs a coarser summary */
  fractionDigits?: number;
  /** false gives the bare number, for a table whose header already names the unit */
  unit?: boolean;
}

/**
 * A 万元 amount as a summary figure: "247.80亿元" in Chinese, "¥24.78 bn" in English.
 * Throws on a string that is not a number, since a wrong figure must never be shown quietly.
 */
export function formatYi(wan: string, locale: FormatLocale, options: AmountOptions = {}): string {
  const { fractionDigits = 2, unit = true } = options;
  const amount = new Decimal(wan);
  if (isChinese(locale)) {
    const yi = groupFixed(amount.div(WAN_PER_YI), fractionDigits);
    return unit ? `${yi}亿元` : yi;
  }
  const billions = groupFixed(amount.div(WAN_PER_BILLION), fractionDigits);
  if (!unit) return billions;
  return billions.startsWith('-') ? `-¥${billions.slice(1)} bn` : `¥${billions} bn`;
}

/** A 万元 amount as kept in project tables: "2,478,000.00 万元" / "2,478,000.00 (10k yuan)". */
export function formatWan(wan: string, locale: FormatLocale, options: AmountOptions = {}): string {
  const { fractionDigits = 2, unit = true } = options;
  const figure = groupFixed(new Decimal(wan), fractionDigits);
  if (!unit) return figure;
  return isChinese(locale) ? `${figure} 万元` : `${figure} (10k yuan)`;
}

/** A percent string (already ×100, e.g. "33.3") as "33.3%". */
// Both locales write percentages the same way; the locale keeps call sites uniform with the money helpers.
export function formatPercent(percent: string, _locale: FormatLocale, fractionDigits = 1): string {
  return `${groupFixed(new Decimal(percent), fractionDigits)}%`;
}

/** A whole count with separators: 1,234. */
export function formatCount(count: number, locale: FormatLocale): string {
  return new Intl.NumberFormat(isChinese(locale) ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(count);
}

const LONG_DATE = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** A calendar date "YYYY-MM-DD" in words: "2025年12月3日", "3 December 2025". */
export function formatLongDate(isoDate: string, locale: FormatLocale): string {
  // UTC on both sides: a date-only value is its UTC midnight, so no time zone can move it a day
  return (locale === 'zh-CN' ? LONG_DATE['zh-CN'] : LONG_DATE.en).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A file size: "850 KB", "12.4 MB", "1.2 GB" (1 KB = 1024 bytes, as file managers show it). */
export function formatBytes(bytes: number, locale: FormatLocale): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit >= 2 && value < 100 ? 1 : 0;
  const number = new Intl.NumberFormat(isChinese(locale) ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${number} ${units[unit]}`;
}
