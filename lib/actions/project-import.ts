'use server';

import { formatOf, parseProjectSheet, readGrid, ZProjectImportUpload, type ParsedSheet } from '@/lib/domain/project-sheet';
import { importProjects, type ImportSummary } from '@/lib/server/projects/import-projects';
import { defineAction, type ActionContext } from './safe-action';

const PAGES = ['/projects', '/plan'];

/** The file's bytes → a parsed sheet; a file that is not a spreadsheet at all is one error for the whole file. */
async function readUpload(file: File): Promise<ParsedSheet> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return parseProjectSheet(readGrid(bytes, formatOf(file.name) ?? 'csv'));
  } catch {
    return { headerRow: 0, columns: {}, hasMonths: false, rows: [], issues: [{ row: 0, column: '', message: 'unreadable' }], dataRows: 0 };
  }
}

async function run(ctx: ActionContext<{ year: number; file: File }>, commit: boolean): Promise<ImportSummary> {
  const sheet = await readUpload(ctx.input.file);
  return importProjects(ctx.tx, ctx.actor, {
    year: ctx.input.year,
    sheet,
    commit,
    fileName: ctx.input.file.name,
    ip: ctx.ip,
    audit: ctx.audit,
  });
}

/** Reads the file and reports what an import would create, update and refuse; writes nothing. */
export const importProjectsDryRun = defineAction({
  name: 'project.importDryRun',
  permission: 'project.write',
  input: ZProjectImportUpload,
  run: (ctx) => run(ctx, false),
});

/** Imports the file, all or nothing, in one transaction; an identical file a second time changes nothing. */
export const importProjectsCommit = defineAction({
  name: 'project.import',
  permission: 'project.write',
  input: ZProjectImportUpload,
  revalidate: PAGES,
  run: (ctx) => run(ctx, true),
});
