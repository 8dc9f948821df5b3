import type { ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import type { ParsedMonthSheet } from '@/lib/domain/month-sheet/parse';
import type { ParsedSheet } from '@/lib/domain/project-sheet/parse';
import type { SheetLimitKey } from '@/lib/domain/project-sheet/limits';
import type { UploadProgress } from '@/lib/domain/upload-progress';

/**
 * What the worker parses a file as: the project registry (plan import), a department's month (月报填报表), or a
 * month's district 调度表 (the bureau's backfill).
 */
export interface ParsedSheetOf {
  projectSheet: ParsedSheet;
  monthSheet: ParsedMonthSheet;
  dispatchSheet: ParsedDispatchSheet;
}
export type SheetKind = keyof ParsedSheetOf;

/** What the parse worker posts back: the sheet, a limit it broke, or "not a spreadsheet". */
export type WorkerAnswer<K extends SheetKind = SheetKind> =
  | { kind: 'parsed'; sheet: ParsedSheetOf[K] }
  | { kind: 'limit'; key: SheetLimitKey; params: Record<string, string | number> }
  | { kind: 'unreadable' };

/** What the worker posts before its answer, any number of times: rows read so far (a parser that reports them). */
export interface WorkerProgress {
  kind: 'progress';
  progress: UploadProgress;
}
