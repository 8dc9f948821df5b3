/**
 * Problem (协调问题) and supervision notice (督办单) numbers, in the style of the district's documents:
 * 渝中协〔2025〕27号 and 渝中督〔2025〕3号. Numbers run per plan year from 1 and are never reused. Pure.
 */

/** The district's short name at the head of its document numbers. */
export const DISTRICT_PREFIX = '渝中';

const MAX_SEQ = 999_999;

function assertParts(year: number, seq: number) {
  if (!Number.isInteger(year) || year < 1900 || year > 9998) throw new RangeError(`year out of range: ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`seq out of range: ${seq}`);
}

/** 渝中协〔2025〕27号 */
export function problemNumber(year: number, seq: number): string {
  assertParts(year, seq);
  return `${DISTRICT_PREFIX}协〔${year}〕${seq}号`;
}

/** 渝中督〔2025〕3号 */
export function supervisionNumber(year: number, seq: number): string {
  assertParts(year, seq);
  return `${DISTRICT_PREFIX}督〔${year}〕${seq}号`;
}

const FULL = new RegExp(`^${DISTRICT_PREFIX}协[〔\\[(（]([0-9]{4})[〕\\])）]([0-9]{1,6})号$`);
const SHORT = /^([0-9]{4})-([0-9]{1,6})$/;

/**
 * A problem number as people type or link it: the full form (brackets 〔〕, [], () or （）) or the short
 * "2025-27" used in URLs. Null for anything else, including numbers out of range.
 */
export function parseProblemNumber(text: string): { year: number; seq: number } | null {
  const trimmed = text.trim();
  if (trimmed.length > 40) return null;
  const match = FULL.exec(trimmed) ?? SHORT.exec(trimmed);
  if (!match) return null;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (year < 1900 || year > 9998 || seq < 1 || seq > MAX_SEQ) return null;
  return { year, seq };
}

/** The short form for URLs: "2025-27". */
export function problemSlug(year: number, seq: number): string {
  assertParts(year, seq);
  return `${year}-${seq}`;
}
