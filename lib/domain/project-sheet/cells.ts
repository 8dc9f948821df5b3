/**
 * One cell → the value it holds, as a person reading the sheet sees it: text, an exact amount in 万元, a date.
 */
import Decimal from 'decimal.js';
import { formatDateOnly, isDateOnly, toDateOnly } from '@/lib/domain/date-only';
import { parseMoneyText, type MoneyTextProblem } from '@/lib/domain/money-text';
import type { CellValue } from './read-grid';
import type { SheetIssueKey } from './sheet-types';

/**
 * A cell as the text a person sees. Numbers use at most 15 significant digits, as Excel displays them. Text is
 * NFC-normalised like every other input (lib/domain/text-rule.ts); a character that rule refuses is reported by
 * the row (textInvalid), not removed.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const rounded = Number(value.toPrecision(15));
    return Math.abs(rounded) < 1e21 && Math.abs(rounded) >= 1e-6 ? new Decimal(rounded).toFixed() : String(rounded);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

const AMOUNT_ISSUE: Record<MoneyTextProblem, SheetIssueKey> = {
  required: 'amountInvalid',
  invalid: 'amountInvalid',
  negative: 'amountNegative',
  tooManyDecimals: 'amountTooManyDecimals',
  tooLarge: 'amountTooLarge',
};

/** A non-blank amount cell through the one money parser every form uses: "1234.50", or the issue to report. */
export function sheetAmount(text: string): { ok: true; value: string } | { ok: false; issue: SheetIssueKey } {
  const parsed = parseMoneyText(text);
  return parsed.ok ? parsed : { ok: false, issue: AMOUNT_ISSUE[parsed.problem] };
}

/** Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug); serials are whole days. */
function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return toDateOnly(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

/** A date of the years a plan can name, or null for one that does not exist (2025-02-30). */
function planDate(year: number, month: number, day: number): string | null {
  const text = formatDateOnly(year, month, day);
  return year >= 1900 && year <= 2200 && isDateOnly(text) ? text : null;
}

/** "2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "2025年3月", "2025-03", or an Excel date serial. */
export function parseSheetDate(value: CellValue | undefined): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (typeof value === 'number') {
    const iso = serialToIso(value);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  const text = cellText(value).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (text === '') return { ok: true, value: null };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月?)$/.exec(text);
  if (!m) return { ok: false };
  const iso = planDate(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  return iso ? { ok: true, value: iso } : { ok: false };
}
