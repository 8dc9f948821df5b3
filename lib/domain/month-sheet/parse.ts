/**
 * The cells of an uploaded 月报填报表 → one entry per project row, in the layout of ./columns.ts. Only what the
 * department may change is read (and the code and version that say which report it is); Keystone's own columns
 * are ignored, so a clerk who overtypes a shaded figure changes nothing. The checks of the figures themselves are
 * the report form's (lib/validations/report.ts and the entry checks), run by the server on each entry.
 */
import type { MilestoneKind } from '@/generated/prisma/enums';
import { cellText, parseSheetDate } from '@/lib/domain/project-sheet/cells';
import { MAX_DATA_ROWS } from '@/lib/domain/project-sheet/limits';
import type { CellValue, Grid } from '@/lib/domain/project-sheet/read-grid';
import { NO_PROGRESS, progressCounter, type OnProgress } from '@/lib/domain/upload-progress';
import {
  MILESTONE_ORDER,
  MONTH_SHEET_COLUMNS,
  parseIdentity,
  READY_CHOICES,
  REQUIRED_ON_UPLOAD,
  type MonthSheetIdentity,
  type MonthSheetKey,
} from './columns';

/** Message keys (full paths in messages/*.json) of what the reader itself finds wrong. */
export type MonthSheetIssueKey =
  | 'monthSheet.errors.unreadable'
  | 'monthSheet.errors.noHeader'
  | 'monthSheet.errors.missingColumn'
  | 'monthSheet.errors.codeMissing'
  | 'monthSheet.errors.duplicateCode'
  | 'monthSheet.errors.tooManyRows'
  | 'monthSheet.errors.versionInvalid'
  | 'monthSheet.errors.choiceInvalid'
  | 'validation.reportDateInvalid';

export interface MonthSheetIssue {
  /** spreadsheet row (1-based), 0 for the file */
  row: number;
  /** the column's header, '' for the whole row or file */
  column: string;
  key: MonthSheetIssueKey;
  params?: Record<string, string | number>;
}

/** A row's inputs as text, the way the report form sends them ("" for empty). */
export interface MonthSheetFields {
  investedThisMonth: string;
  progressText: string;
  percentComplete: string;
  actualStart: string;
  actualCompletion: string;
  problems: string;
  coordinationNeeded: string;
  nextSteps: string;
  explanation: string;
  blockers: string;
  readyToStart: '' | 'true' | 'false';
  /** the milestone dates given (YYYY-MM-DD), by kind */
  milestones: Partial<Record<MilestoneKind, string>>;
}

export interface MonthSheetEntry {
  row: number;
  code: string;
  /** the report's version when the file was made; 0 when there was none */
  version: number;
  fields: MonthSheetFields;
}

export interface ParsedMonthSheet {
  identity: MonthSheetIdentity | null;
  /** 1-based; 0 when no header was found */
  headerRow: number;
  entries: MonthSheetEntry[];
  issues: MonthSheetIssue[];
}

const HEADER_SEARCH_ROWS = 10;
const HEADER_OF = new Map<MonthSheetKey, string>(MONTH_SHEET_COLUMNS.map((c) => [c.key, c.header(1)]));

const normalize = (text: string) => text.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');

/** The header row's columns by key: the fixed headers are the same whatever the month. */
function mapHeader(cells: CellValue[]): Map<MonthSheetKey, number> {
  const wanted = new Map([...HEADER_OF].map(([key, header]) => [normalize(header), key]));
  const found = new Map<MonthSheetKey, number>();
  cells.forEach((cell, index) => {
    const key = wanted.get(normalize(cellText(cell)));
    if (key && !found.has(key)) found.set(key, index);
  });
  return found;
}

function findIdentity(rows: CellValue[][], before: number): MonthSheetIdentity | null {
  for (let r = 0; r < before; r += 1) {
    for (const cell of rows[r] ?? []) {
      const identity = typeof cell === 'string' ? parseIdentity(cell) : null;
      if (identity) return identity;
    }
  }
  return null;
}

/** `progress` hears the rows read (phase `parsed`), per chunk: the parse worker passes them on to the upload. */
export function parseMonthSheet(grid: Grid, progress: OnProgress = NO_PROGRESS): ParsedMonthSheet {
  const { rows } = grid;
  let headerIndex = -1;
  let columns = new Map<MonthSheetKey, number>();
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r += 1) {
    const mapped = mapHeader(rows[r] ?? []);
    if (mapped.has('code') && mapped.has('invested')) {
      headerIndex = r;
      columns = mapped;
      break;
    }
  }
  const identity = findIdentity(rows, headerIndex < 0 ? HEADER_SEARCH_ROWS : headerIndex);
  if (headerIndex < 0) {
    return { identity, headerRow: 0, entries: [], issues: [{ row: 0, column: '', key: 'monthSheet.errors.noHeader' }] };
  }
  const missing = REQUIRED_ON_UPLOAD.filter((key) => !columns.has(key));
  if (missing.length) {
    const issues = missing.map((key): MonthSheetIssue => ({
      row: headerIndex + 1,
      column: HEADER_OF.get(key) ?? key,
      key: 'monthSheet.errors.missingColumn',
    }));
    return { identity, headerRow: headerIndex + 1, entries: [], issues };
  }

  const entries: MonthSheetEntry[] = [];
  const issues: MonthSheetIssue[] = [];
  const seen = new Map<string, number>();
  // the rows below the header, blank ones too: the count of rows read ends below it when some are blank
  const read = progressCounter(progress, 'parsed', rows.length - headerIndex - 1);
  for (let r = headerIndex + 1; r < rows.length; r += 1) {
    const cells = rows[r] ?? [];
    const rowNumber = r + 1;
    const at = (key: MonthSheetKey): CellValue => cells[columns.get(key)!] ?? null;
    if (REQUIRED_ON_UPLOAD.every((key) => cellText(at(key)) === '')) continue;
    read.add(1);
    if (entries.length >= MAX_DATA_ROWS) {
      issues.push({ row: rowNumber, column: '', key: 'monthSheet.errors.tooManyRows', params: { max: MAX_DATA_ROWS } });
      break;
    }
    const code = cellText(at('code'));
    const issue = (key: MonthSheetKey, issueKey: MonthSheetIssueKey, params?: Record<string, string | number>) =>
      issues.push({ row: rowNumber, column: HEADER_OF.get(key) ?? key, key: issueKey, ...(params ? { params } : {}) });
    if (code === '') {
      issue('code', 'monthSheet.errors.codeMissing');
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      issue('code', 'monthSheet.errors.duplicateCode', { code, first });
      continue;
    }
    seen.set(code, rowNumber);

    const before = issues.length;
    const versionText = cellText(at('version'));
    const version = versionText === '' ? 0 : /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;
    if (version < 0) issue('version', 'monthSheet.errors.versionInvalid');
    const date = (key: MonthSheetKey): string => {
      const parsed = parseSheetDate(at(key));
      if (parsed.ok) return parsed.value ?? '';
      issue(key, 'validation.reportDateInvalid');
      return '';
    };
    const readyText = cellText(at('readyToStart'));
    const ready = readyText === '' ? '' : Object.hasOwn(READY_CHOICES, readyText) ? readyText : null;
    if (ready === null) issue('readyToStart', 'monthSheet.errors.choiceInvalid', { choices: '是、否' });
    const milestones: Partial<Record<MilestoneKind, string>> = {};
    for (const kind of MILESTONE_ORDER) {
      const value = date(`milestone.${kind}`);
      if (value) milestones[kind] = value;
    }
    const fields: MonthSheetFields = {
      investedThisMonth: cellText(at('invested')),
      progressText: cellText(at('progressText')),
      percentComplete: cellText(at('percentComplete')),
      actualStart: date('actualStart'),
      actualCompletion: date('actualCompletion'),
      problems: cellText(at('problems')),
      coordinationNeeded: cellText(at('coordinationNeeded')),
      nextSteps: cellText(at('nextSteps')),
      explanation: cellText(at('explanation')),
      blockers: cellText(at('blockers')),
      readyToStart:
        ready === null || ready === '' ? '' : READY_CHOICES[ready as keyof typeof READY_CHOICES] ? 'true' : 'false',
      milestones,
    };
    // a row the reader refused is reported, not checked further: its figures would only repeat the problem
    if (issues.length === before) entries.push({ row: rowNumber, code, version, fields });
  }
  read.finish();
  return { identity, headerRow: headerIndex + 1, entries, issues };
}

/** What an unreadable file parses to. */
export const UNREADABLE_MONTH_SHEET: ParsedMonthSheet = {
  identity: null,
  headerRow: 0,
  entries: [],
  issues: [{ row: 0, column: '', key: 'monthSheet.errors.unreadable' }],
};
