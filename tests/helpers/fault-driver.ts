/**
 * The app process of tests/integration/fault-app-kill.test.ts: a Node process that runs the real server actions
 * (lib/actions, with lib/db's pool on DATABASE_URL), as the Next server runs them for a POST, and that the test
 * SIGKILLs in the middle of one. The request context and next/cache are stubbed as `npm run bench` stubs them
 * (scripts/bench/register.mjs). It prints one JSON line per answered call: `{"result": …}`.
 *
 *   node --import tsx --import ./scripts/bench/register.mjs tests/helpers/fault-driver.ts <approve|drafts> <input.json> <user>
 */
import { readFileSync } from 'node:fs';
import { actorOf, setBenchRequestContext } from '../../scripts/bench/context';
import { createPrismaClient } from '../../lib/prisma';
import type { ApprovalBatch, DraftBatch } from './fault-scenarios';

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
} else {
  throw new Error(`unknown operation ${op}`);
}
process.exit(0);
