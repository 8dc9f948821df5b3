/**
 * The app process of tests/integration/fault-app-kill.test.ts: a Node process that runs the real server actions
 * (lib/actions, with lib/db's pool on DATABASE_URL), as the Next server runs them for a POST, and that the test
 * SIGKILLs in the middle of one. The request context and next/cache are stubbed as `npm run bench` stubs them
 * (scripts/bench/register.mjs). It prints one JSON line per answered call: `{"result": …}`.
 *
 *   node --import tsx --import ./scripts/bench/register.mjs tests/helpers/fault-driver.ts <approve|drafts|import-check|import> <input.json> <user>
 *
 * `import-check` and `import` send a spreadsheet file as the import page does (the check, then the commit with the
 * check's versions); the file is parsed in the real worker thread (lib/server/projects/parse-upload.ts).
 */
import { readFileSync } from 'node:fs';
import { actorOf, setBenchRequestContext } from '../../scripts/bench/context';
import { createPrismaClient } from '../../lib/prisma';
import type { ApprovalBatch, DraftBatch } from './fault-scenarios';
import { commitForm, importForm } from './project-sheets';

const [op, inputFile, username] = process.argv.slice(2);
const input: unknown = JSON.parse(readFileSync(inputFile!, 'utf8'));
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const db = createPrismaClient(process.env.DATABASE_URL);
setBenchRequestContext({ actor: await actorOf(db, { username }), ip: '127.0.0.1', locale: 'zh-CN' });
await db.$disconnect();

if (op === 'approve') {
  const { approveReports } = await import('../../lib/actions/reports');
  say({ result: await approveReports(input as ApprovalBatch) });
} else if (op === 'drafts') {
  const { saveReportDraft } = await import('../../lib/actions/reports');
  const { items, progressText } = input as DraftBatch & { progressText: string };
  for (const item of items) {
    const result = await saveReportDraft({
      projectPlanId: item.planId,
      month: 11,
      version: item.version,
      investedThisMonth: item.amount,
      progressText,
      problems: '',
      coordinationNeeded: '',
      nextSteps: '继续施工',
    });
    say({ reportId: item.reportId, result });
  }
} else if (op === 'import-check' || op === 'import') {
  const { importProjectsCommit, importProjectsDryRun } = await import('../../lib/actions/project-import');
  const { year, sheet, versions } = input as { year: number; sheet: string; versions?: Record<string, string> };
  const file = new File([readFileSync(sheet)], 'projects.xlsx');
  say({
    result:
      op === 'import'
        ? await importProjectsCommit(commitForm(year, file, { versions: versions ?? {} }))
        : await importProjectsDryRun(importForm(year, file)),
  });
} else {
  throw new Error(`unknown operation ${op}`);
}
// the pool would keep the process alive; but a write to a pipe may still be queued (an import's answer is over a
// megabyte, more than the pipe holds), and exiting at once would cut it off: exit once everything said is written
process.stdout.write('', () => process.exit(0));
