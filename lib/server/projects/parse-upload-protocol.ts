import type { ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import type { ParsedSheet } from '@/lib/domain/project-sheet/parse';
import type { SheetLimitKey } from '@/lib/domain/project-sheet/limits';

/** Which parser the worker runs on the file: the registry import's, or a month's 调度表 for the bureau's backfill. */
export interface ParsedByKind {
  projects: ParsedSheet;
  dispatch: ParsedDispatchSheet;
}
export type ParseKind = keyof ParsedByKind;

/** What the parse worker posts back: the sheet, a limit it broke, or "not a spreadsheet". */
export type WorkerAnswer<K extends ParseKind = ParseKind> =
  | { kind: 'parsed'; sheet: ParsedByKind[K] }
  | { kind: 'limit'; key: SheetLimitKey; params: Record<string, string | number> }
  | { kind: 'unreadable' };
