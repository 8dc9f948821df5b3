import Decimal from 'decimal.js';

/**
 * Money as people type it → the exact two-decimal string the database stores (万元). One parser for every
 * form and import, so a figure is read the same way wherever it is entered. It works on the text throughout
 * (decimal.js only pads the result), so no figure ever passes through a float.
 */

/** Decimal(18, 2): sixteen digits before the point. */
export const MONEY_MAX_WHOLE_DIGITS = 16;

/**
 * What people paste from spreadsheets and Chinese input methods: full-width digits and punctuation, thousands
 * separators, stray spaces. Mapped character by character so the figure itself is never reinterpreted.
 */
export function toHalfWidth(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF0E\u3002]/g, '.') // ． and 。, which an IME produces for a decimal point
    .replace(/[\uFF0C\u3001]/g, ',') // ， and 、
    .replace(/[\uFF0D\u2212\u2012\u2013]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\s\u3000]/g, '');
}

export type MoneyTextProblem = 'required' | 'invalid' | 'negative' | 'tooManyDecimals' | 'tooLarge';
export type MoneyText = { ok: true; value: string } | { ok: false; problem: MoneyTextProblem };

export function parseMoneyText(raw: string): MoneyText {
  const text = toHalfWidth(raw);
  if (text === '') return { ok: false, problem: 'required' };
  const match = /^([+-]?)(\d+(?:,\d{3})*|\d*)(?:\.(\d*))?$/.exec(text);
  const [, sign = '', whole = '', fraction] = match ?? [];
  // Separators must group by thousands ("1,234.50"); "12,34" is more likely a typo for 12.34 than a figure.
  if (!match || (whole === '' && !fraction) || (whole.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(whole))) {
    return { ok: false, problem: 'invalid' };
  }
  const digits = whole.replace(/,/g, '') || '0';
  const value = new Decimal(`${digits}.${fraction || '0'}`);
  if (sign === '-' && !value.isZero()) return { ok: false, problem: 'negative' };
  if ((fraction ?? '').replace(/0+$/, '').length > 2) return { ok: false, problem: 'tooManyDecimals' };
  if (digits.replace(/^0+/, '').length > MONEY_MAX_WHOLE_DIGITS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: value.toFixed(2) };
}
