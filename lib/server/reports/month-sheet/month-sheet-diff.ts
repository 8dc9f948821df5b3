import type { MilestoneUpdate, SaveReportDraftValues } from '@/lib/validations/report';
import {
  MILESTONE_LABELS,
  MILESTONE_ORDER,
  MONTH_SHEET_COLUMN_INDEX,
  MONTH_SHEET_COLUMNS,
  type MonthSheetKey,
} from '@/lib/domain/month-sheet/columns';

/** A saved report's fields, in the form schema's output shape (exact amounts as text, dates as YYYY-MM-DD). */
export type SavedFields = Omit<SaveReportDraftValues, 'projectPlanId' | 'month' | 'version'>;

/** One field that an upload changes: the column's header and the values as a person reads them. */
export interface FieldChange {
  column: string;
  before: string;
  after: string;
}

const COMPARED: { field: keyof SavedFields; column: MonthSheetKey }[] = [
  { field: 'investedThisMonth', column: 'invested' },
  { field: 'progressText', column: 'progressText' },
  { field: 'percentComplete', column: 'percentComplete' },
  { field: 'actualStart', column: 'actualStart' },
  { field: 'actualCompletion', column: 'actualCompletion' },
  { field: 'problems', column: 'problems' },
  { field: 'coordinationNeeded', column: 'coordinationNeeded' },
  { field: 'nextSteps', column: 'nextSteps' },
  { field: 'explanation', column: 'explanation' },
  { field: 'blockers', column: 'blockers' },
  { field: 'readyToStart', column: 'readyToStart' },
];

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

function milestonesShown(updates: readonly MilestoneUpdate[]): string {
  return MILESTONE_ORDER.flatMap((kind) => {
    const m = updates.find((u) => u.kind === kind);
    return m ? [`${MILESTONE_LABELS[kind]} ${m.date}`] : [];
  }).join('；');
}

/** What saving `next` would change against `saved` (everything that is not blank, for a report not yet saved). */
export function compareToSaved(saved: SavedFields | null, next: SavedFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, column } of COMPARED) {
    const before = shown(saved?.[field]);
    const after = shown(next[field]);
    if (saved === null ? after !== '' : before !== after) {
      changes.push({ column: MONTH_SHEET_COLUMNS[MONTH_SHEET_COLUMN_INDEX[column]]!.header(1), before, after });
    }
  }
  const before = milestonesShown(saved?.milestoneUpdates ?? []);
  const after = milestonesShown(next.milestoneUpdates);
  if (before !== after) changes.push({ column: '前期工作节点', before, after });
  // a new report is a change even when every field is blank but the amount (0 for a 前期 project)
  if (saved === null && changes.length === 0)
    changes.push({ column: '本月完成投资', before: '', after: next.investedThisMonth });
  return changes;
}
