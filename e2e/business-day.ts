/**
 * e2e only: moves the business clock of the app under test (its demo date, which the running app reads within
 * 10 seconds, lib/server/clock.ts) and, with --check, runs the daily problem check on that day as the daily
 * scheduler would (lib/server/problems/problem-checks.ts; the app has no page that runs it).
 *
 *   tsx --conditions=react-server e2e/business-day.ts <database url> YYYY-MM-DD [--check]
 *
 * Prints what the check did as JSON.
 */
import { createPrismaClient } from '../lib/prisma';
import { runProblemChecks } from '../lib/server/problems/problem-checks';
import { setDemoDate } from '../prisma/seed/demo-date';

const [url, day, flag] = process.argv.slice(2);
if (!url || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error('usage: business-day.ts <database url> YYYY-MM-DD [--check]');
  process.exit(2);
}
const db = createPrismaClient(url);
try {
  await setDemoDate(db, day);
  const result = flag === '--check' ? await runProblemChecks(db, day) : null;
  console.log(JSON.stringify({ day, result }));
} finally {
  await db.$disconnect();
}
