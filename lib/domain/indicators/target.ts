import Decimal from 'decimal.js';

/**
 * A plan indicator's target as printed in 附件2 ("6左右", "＞30", "＜0.01", "5.3以内", "300") read as a comparison
 * an actual can be checked against. Pure; numbers stay decimal strings (decimal.js), never floats, so 0.0055 < 0.01
 * and 5.7 ≥ 6 × 95% hold exactly.
 *
 * What each form means, as the bureau reads its own tables:
 * - "＞a" / "＜a" / "≥a" / "≤a" (full- or half-width) — the comparison itself;
 * - "a以上" / "不低于a" → ≥ a; "a以下" / "a以内" / "控制在a以内" / "不超过a" / "不高于a" → ≤ a;
 * - "a左右" → about a: reached from a × (1 − ABOUT_BAND) up (the plan's "about" targets are all floors with some
 *   slack: a GDP growth of 6.4 against "6左右" is no failure, 5.8 is within it);
 * - "a-b" / "a～b" / "a至b" (a range) → between a and b;
 * - a bare number ("700", "300", "3") → at least a: every bare target in the plan is a floor (an amount to reach, a
 *   number of good-air days, a decline of energy use by at least 3%).
 * Anything else ("保持全市前列", "市计划", "保持Ⅱ类") is not a comparison: the bureau judges the actual.
 */

export type TargetOp = 'gt' | 'ge' | 'lt' | 'le' | 'about' | 'between';

export interface TargetComparison {
  op: TargetOp;
  /** the number the target names (for 'between', the lower bound) */
  value: string;
  /** 'between' only: the upper bound */
  upper?: string;
}

/** "about a" is reached from a less 5% of a: 6左右 from 5.7, 38.9左右 from 36.955. */
export const ABOUT_BAND = '0.05';

const FULL_WIDTH: Record<string, string> = {
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '．': '.',
  '％': '%',
  '－': '-',
  '—': '-',
  '–': '-',
  '～': '~',
  '〜': '~',
  '，': ',',
};

/** Full-width digits and symbols to ASCII, spaces and "%" dropped, "≥" spelled as ">=" and back. */
export function normalizeTargetText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else out += FULL_WIDTH[ch] ?? ch;
  }
  return out.replace(/\s+/g, '').replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/%/g, '');
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const PATTERNS: readonly [RegExp, (m: RegExpMatchArray) => TargetComparison][] = [
  [new RegExp(`^>${NUM}$`), (m) => ({ op: 'gt', value: m[1]! })],
  [new RegExp(`^<${NUM}$`), (m) => ({ op: 'lt', value: m[1]! })],
  [new RegExp(`^≥${NUM}$`), (m) => ({ op: 'ge', value: m[1]! })],
  [new RegExp(`^≤${NUM}$`), (m) => ({ op: 'le', value: m[1]! })],
  [new RegExp(`^(?:不低于|不少于|达到)${NUM}(?:以上)?$`), (m) => ({ op: 'ge', value: m[1]! })],
  [new RegExp(`^${NUM}(?:及以上|以上)$`), (m) => ({ op: 'ge', value: m[1]! })],
  [new RegExp(`^(?:不超过|不高于|低于)${NUM}(?:以内|以下)?$`), (m) => ({ op: 'le', value: m[1]! })],
  [new RegExp(`^(?:控制在)?${NUM}(?:及以下|以下|以内)$`), (m) => ({ op: 'le', value: m[1]! })],
  [new RegExp(`^(?:控制在)?${NUM}左右$`), (m) => ({ op: 'about', value: m[1]! })],
  [new RegExp(`^${NUM}(?:-|~|至|到)${NUM}(?:之间)?$`), (m) => ({ op: 'between', value: m[1]!, upper: m[2]! })],
  [new RegExp(`^${NUM}$`), (m) => ({ op: 'ge', value: m[1]! })],
];

/** The target text as a comparison, or null when it names none (the bureau judges such an indicator). */
export function parseTarget(text: string): TargetComparison | null {
  const normalized = normalizeTargetText(text);
  if (normalized.length === 0 || normalized.length > 40) return null;
  for (const [pattern, build] of PATTERNS) {
    const match = normalized.match(pattern);
    if (!match) continue;
    const comparison = build(match);
    // "5-3" is a typo, not a range: no comparison rather than a range nothing can be in
    if (comparison.op === 'between' && new Decimal(comparison.upper!).lessThan(comparison.value)) return null;
    return comparison;
  }
  return null;
}

/** The actual's reading as a number, where it is one ("5.8", "＞29" is not: an actual is a figure, not a target). */
export function parseActualNumber(text: string): string | null {
  const normalized = normalizeTargetText(text);
  return /^-?\d+(?:\.\d+)?$/.test(normalized) ? new Decimal(normalized).toString() : null;
}

/** The lowest value an "about a" target accepts. */
export function aboutFloor(value: string): string {
  return new Decimal(value).times(new Decimal(1).minus(ABOUT_BAND)).toString();
}
