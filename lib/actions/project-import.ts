'use server';

import { formatOf, type ParsedSheet } from '@/lib/domain/project-sheet';
import { importProjects, type ImportSummary } from '@/lib/server/projects/import-projects';
import { parseUpload } from '@/lib/server/projects/parse-upload';
import { updateSplitProfile } from '@/lib/server/projects/split-profile';
import { ZProjectImportUpload, ZSplitProfile, type ProjectImportUpload } from '@/lib/validations/project-import';
import { defineAction, type ActionContext } from './safe-action';

const PAGES = ['/projects', '/plan'];

/**
 * The file is read in a worker thread before the transaction opens (lib/server/projects/parse-upload.ts): a file
 * past a limit is refused with a message naming it, and no connection is held while a large file is parsed.
 */
async function readUpload(input: ProjectImportUpload): Promise<ParsedSheet> {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  return parseUpload(bytes, formatOf(input.file.name) ?? 'csv');
}

async function run(ctx: ActionContext<ProjectImportUpload, ParsedSheet>, commit: boolean): Promise<ImportSummary> {
  const { year, file, reason, versions } = ctx.input;
  return importProjects({
    ...ctx,
    input: { year, sheet: ctx.prepared, commit, fileName: file.name, reason, versions },
  });
}

/** Reads the file and reports what an import would create, update and refuse; writes nothing. */
export const importProjectsDryRun = defineAction({
  name: 'project.importDryRun',
  permission: 'project.write',
  input: ZProjectImportUpload,
  prepare: readUpload,
  run: (ctx) => run(ctx, false),
});

/**
 * Imports the file, all or nothing, in one transaction; an identical file a second time changes nothing. It sends
 * back the check's `versions` (a project changed since is refused) and, for an ACTIVE year, a reason.
 */
export const importProjectsCommit = defineAction({
  name: 'project.import',
  permission: 'project.write',
  input: ZProjectImportUpload,
  prepare: readUpload,
  revalidate: PAGES,
  run: (ctx) => run(ctx, true),
});

/**
 * The profile a year's imports derive monthly splits from, when a plan file has none; audited. Stored splits stay
 * as they are until the next import.
 */
export const setSplitProfile = defineAction({
  name: 'planYear.splitProfile',
  permission: 'project.write',
  input: ZSplitProfile,
  revalidate: ['/projects/import'],
  run: updateSplitProfile,
});
