import Decimal from 'decimal.js';
import type { FigureValues, PlanCutName, ReconciliationLine } from './reconciliation';

/** A figure as published in the plan report (the shape of a PlanFigure row). */
export interface PublishedFigure extends FigureValues {
  cut: PlanCutName;
  /** enum value within the cut, or "ALL" for TOTAL */
  key: string;
}

/**
 * The same figure summed from the database. TOTAL, INVESTOR and DIRECTION groups cover construction projects only
 * (完工, 续建, 新开工), because that is what the report's 247.8亿 and its 23/42/201 projects cover; STAGE groups
 * cover every stage, 前期 included.
 */
export interface ActualGroup {
  cut: PlanCutName;
  key: string;
  projectCount: number;
  /** 万元, exact decimal string */
  amount: string;
}

export const TOTAL_KEY = 'ALL';

export const CUT_ORDER: readonly PlanCutName[] = ['TOTAL', 'STAGE', 'INVESTOR', 'DIRECTION'];

/** The order the report itself uses within each cut. */
export const KEY_ORDER: Readonly<Record<PlanCutName, readonly string[]>> = {
  TOTAL: [TOTAL_KEY],
  STAGE: ['COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY'],
  INVESTOR: ['MUNICIPAL', 'SOCIAL', 'DISTRICT'],
  DIRECTION: ['INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY'],
};

/**
 * A share as the report prints it: percent of the construction plan, rounded half up to one decimal.
 * The report rounds to one decimal and drops a trailing zero (27% is 26.957…%), so one decimal is the precision
 * at which a published share can be checked at all.
 */
export function sharePercent(amount: string, total: string): string {
  const base = new Decimal(total);
  if (base.isZero()) return '0.0';
  return new Decimal(amount).div(base).times(100).toFixed(1, Decimal.ROUND_HALF_UP);
}

function rank(cut: PlanCutName, key: string): number {
  const i = KEY_ORDER[cut].indexOf(key);
  return i === -1 ? KEY_ORDER[cut].length : i;
}

const lineKey = (cut: PlanCutName, key: string) => `${cut}:${key}`;

/**
 * Puts every published figure beside the figure summed from the database. Counts and amounts must be equal
 * (amounts at two decimals); a published share must equal the actual share rounded to one decimal. A value the
 * report does not publish (null) is not checked. A group found in the database but absent from the report gets a
 * line too, and never matches, since the report cannot account for it.
 */
export function reconcile(published: readonly PublishedFigure[], actual: readonly ActualGroup[]): ReconciliationLine[] {
  const actualByKey = new Map(actual.map((g) => [lineKey(g.cut, g.key), g]));
  const total = actualByKey.get(lineKey('TOTAL', TOTAL_KEY))?.amount ?? '0';

  const lines: ReconciliationLine[] = [];
  const seen = new Set<string>();

  for (const figure of published) {
    const id = lineKey(figure.cut, figure.key);
    seen.add(id);
    const group = actualByKey.get(id);
    const actualValues = {
      projectCount: group?.projectCount ?? 0,
      amount: new Decimal(group?.amount ?? 0).toFixed(2),
      sharePercent: sharePercent(group?.amount ?? '0', total),
    };
    const countMatches = figure.projectCount === null || figure.projectCount === actualValues.projectCount;
    const amountMatches = figure.amount === null || new Decimal(figure.amount).eq(actualValues.amount);
    const shareMatches = figure.sharePercent === null || new Decimal(figure.sharePercent).eq(actualValues.sharePercent);
    lines.push({
      cut: figure.cut,
      key: figure.key,
      published: { projectCount: figure.projectCount, amount: figure.amount, sharePercent: figure.sharePercent },
      actual: actualValues,
      matches: countMatches && amountMatches && shareMatches,
    });
  }

  for (const group of actual) {
    const id = lineKey(group.cut, group.key);
    if (seen.has(id)) continue;
    const empty = group.projectCount === 0 && new Decimal(group.amount).isZero();
    lines.push({
      cut: group.cut,
      key: group.key,
      published: { projectCount: null, amount: null, sharePercent: null },
      actual: {
        projectCount: group.projectCount,
        amount: new Decimal(group.amount).toFixed(2),
        sharePercent: sharePercent(group.amount, total),
      },
      matches: empty,
    });
  }

  return lines.sort(
    (a, b) => CUT_ORDER.indexOf(a.cut) - CUT_ORDER.indexOf(b.cut) || rank(a.cut, a.key) - rank(b.cut, b.key),
  );
}
