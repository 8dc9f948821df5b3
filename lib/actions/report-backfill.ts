'use server';

import { createHash } from 'node:crypto';
import type { ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import { formatOf } from '@/lib/domain/project-sheet/upload';
import { parseUploadAs } from '@/lib/server/projects/parse-upload';
import { backfillMonth } from '@/lib/server/reports/backfill/backfill-month';
import type { BackfillSummary } from '@/lib/server/reports/backfill/types';
import { ZReportBackfillUpload, type ReportBackfillUpload } from '@/lib/validations/report-backfill';
import { defineAction, type ActionContext } from './safe-action';

interface ReadFile {
  sheet: ParsedDispatchSheet;
  sha256: string;
}

/** The 调度表 is read in the upload worker before the transaction opens, as the registry import's file is. */
async function readUpload(input: ReportBackfillUpload): Promise<ReadFile> {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sheet: await parseUploadAs('dispatchSheet', bytes, formatOf(input.file.name) ?? 'csv'), sha256 };
}

function run(ctx: ActionContext<ReportBackfillUpload, ReadFile>, commit: boolean): Promise<BackfillSummary> {
  const { year, month, file, reason, digest } = ctx.input;
  return backfillMonth(ctx, { year, month, fileName: file.name, ...ctx.prepared, commit, reason, digest });
}

/** Reads the file and answers, row by row, what a backfill of the month would do; writes nothing but its audit row. */
export const backfillReportsDryRun = defineAction({
  name: 'report.backfillDryRun',
  permission: 'report.review',
  input: ZReportBackfillUpload,
  prepare: readUpload,
  run: (ctx) => run(ctx, false),
});

/**
 * Backfills the month, all or nothing, in one transaction: approved reports marked with the file and the reason.
 * It sends back the check's digest and is refused if the check inside the transaction differs.
 */
export const backfillReports = defineAction({
  name: 'report.backfill',
  permission: 'report.review',
  input: ZReportBackfillUpload,
  prepare: readUpload,
  revalidate: ['/reports', '/projects', '/dashboard', '/plan'],
  run: (ctx) => run(ctx, true),
});
