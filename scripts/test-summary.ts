/**
 * Prints one summary of all tiers from the JSON reports of Vitest and Playwright, ending with the line
 * "tests: N passed, N failed", and exits non-zero if any tier (or the type check or build) failed.
 */
import { existsSync, readFileSync } from 'node:fs';

const exitCodes = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwrightCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const tiers: [string, Counts | null][] = [
  ['unit', vitestCounts('test-results/unit.json')],
  ['integration', vitestCounts('test-results/integration.json')],
  ['e2e', playwrightCounts('test-results/e2e.json')],
];

console.log('\n━━ summary ━━');
let failedTiers = 0;
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
// bench: the benchmark's smoke run (`npm run bench -- --smoke`): it must keep working; no timing is judged
for (const step of ['types', 'lint', 'build', 'bench']) {
  const ok = exitCodes[step] === '0';
  if (!ok) failedTiers++;
  console.log(`${step.padEnd(12)} ${ok ? 'ok' : 'FAILED'}`);
}
for (const [name, c] of tiers) {
  const ok = exitCodes[name] === '0' && c !== null && c.failed === 0 && c.passed > 0;
  if (!ok) failedTiers++;
  if (c) {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  console.log(
    `${name.padEnd(12)} ${c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : 'no report'}${ok ? '' : '  ← FAILED'}`,
  );
}
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(failedTiers ? 1 : 0);
