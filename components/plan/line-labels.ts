import { Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import type { PlanCutName, ReconciliationLine } from '@/lib/domain/reconciliation';

/** The order of the plan report's tables, which is not alphabetical in either language. */
export const CUT_ORDER: readonly PlanCutName[] = ['TOTAL', 'STAGE', 'INVESTOR', 'DIRECTION'];
export const STAGE_ORDER = [Stage.COMPLETION, Stage.ONGOING, Stage.NEW_START, Stage.PRELIMINARY] as const;

export type LineLabelKey =
  | { kind: 'total' }
  | { kind: 'stage'; key: Stage }
  | { kind: 'investor'; key: InvestorType }
  | { kind: 'direction'; key: Direction }
  | { kind: 'unknown'; key: string };

function isValueOf<T extends Record<string, string>>(values: T, key: string): key is T[keyof T] {
  return Object.values(values).includes(key);
}

/** Which message names a line; a key the UI does not know yet is shown raw rather than hidden. */
export function lineLabelKey(line: Pick<ReconciliationLine, 'cut' | 'key'>): LineLabelKey {
  if (line.cut === 'TOTAL') return { kind: 'total' };
  if (line.cut === 'STAGE' && isValueOf(Stage, line.key)) return { kind: 'stage', key: line.key };
  if (line.cut === 'INVESTOR' && isValueOf(InvestorType, line.key)) return { kind: 'investor', key: line.key };
  if (line.cut === 'DIRECTION' && isValueOf(Direction, line.key)) return { kind: 'direction', key: line.key };
  return { kind: 'unknown', key: line.key };
}
