'use server';

import { translateMessage } from '@/i18n/translate-message';
import type { Actor } from '@/lib/auth/actor';
import { getRequestContext } from '@/lib/auth/request-context';
import type { ParsedMonthSheet } from '@/lib/domain/month-sheet/parse';
import { formatOf } from '@/lib/domain/project-sheet/upload';
import type { OnProgress } from '@/lib/domain/upload-progress';
import { parseUploadAs } from '@/lib/server/projects/parse-upload';
import {
  importMonthSheet,
  type MonthSheetOutcome,
  type MonthSheetSummary,
} from '@/lib/server/reports/month-sheet/import-month-sheet';
import { ZMonthSheetUpload, type MonthSheetUpload } from '@/lib/validations/month-sheet';
import { defineAction, type ActionContext } from './safe-action';

/** A row of the check as the page shows it: every message already in the user's language. */
export interface MonthSheetRowView {
  row: number;
  code: string;
  name: string | null;
  outcome: MonthSheetOutcome;
  changes: { column: string; before: string; after: string }[];
  problems: { column: string; message: string }[];
  flags: string[];
}

export interface MonthSheetView {
  committed: boolean;
  fileProblems: string[];
  rows: MonthSheetRowView[];
  counts: Record<MonthSheetOutcome, number>;
}

/**
 * The file is read in the parse worker (the registry import's, with its limits) before the transaction opens; the
 * worker reports the rows it read.
 */
async function readUpload(input: MonthSheetUpload, _actor: Actor, progress: OnProgress): Promise<ParsedMonthSheet> {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  return parseUploadAs('monthSheet', bytes, formatOf(input.file.name) ?? 'csv', undefined, progress);
}

/** The summary's messages in the user's language: the action is the edge that knows it. */
async function view(summary: MonthSheetSummary): Promise<MonthSheetView> {
  const { locale } = await getRequestContext();
  const t = (m: Parameters<typeof translateMessage>[1]) => translateMessage(locale, m);
  return {
    committed: summary.committed,
    fileProblems: summary.fileProblems.map(t),
    counts: summary.counts,
    rows: summary.rows.map((r) => ({
      ...r,
      problems: r.problems.map((p) => ({ column: p.column, message: t(p.message) })),
      flags: r.flags.map((f) => t({ key: `reports.flagLabels.${f}` })),
    })),
  };
}

async function run(ctx: ActionContext<MonthSheetUpload, ParsedMonthSheet>, commit: boolean) {
  const { year, month, file } = ctx.input;
  return view(
    await importMonthSheet(
      { ...ctx, input: { year, month, sheet: ctx.prepared, commit, fileName: file.name } },
      ctx.progress,
    ),
  );
}

/**
 * Both are also called with a progress listener by the upload route (app/api/reports/month-sheet/upload), which
 * streams the rows read, checked and written to the page: the same action, not a copy.
 */

/** Reads a department's month from its spreadsheet and says, row by row, what saving it would do; writes nothing. */
export const checkMonthSheet = defineAction({
  name: 'report.monthSheetCheck',
  permission: 'report.edit',
  input: ZMonthSheetUpload,
  prepare: readUpload,
  run: (ctx) => run(ctx, false),
});

/** Saves the changed rows as drafts in one transaction, or nothing when any row is refused. */
export const importMonthSheetDrafts = defineAction({
  name: 'report.monthSheetImport',
  permission: 'report.edit',
  input: ZMonthSheetUpload,
  prepare: readUpload,
  revalidate: ['/projects', '/reports', '/plan'],
  run: (ctx) => run(ctx, true),
});
