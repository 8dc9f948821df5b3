import type { ParsedSheet } from '@/lib/domain/project-sheet/parse';
import type { SheetLimitKey } from '@/lib/domain/project-sheet/limits';

/** What the parse worker posts back: the sheet, a limit it broke, or "not a spreadsheet". */
export type WorkerAnswer =
  | { kind: 'parsed'; sheet: ParsedSheet }
  | { kind: 'limit'; key: SheetLimitKey; params: Record<string, string | number> }
  | { kind: 'unreadable' };
