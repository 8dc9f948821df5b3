/**
 * npm run checks:eval [-- --size N --seed S]: plants known reporting errors into copies of the demo's months,
 * runs the entry checks and prints, per kind, the share caught and the share of clean reports flagged. Exits 1
 * when a goal (≥ 95% caught per kind, ≤ 5% false alarms) is missed. See docs/entry-checks.md.
 */
import { parseArgs } from 'node:util';
import { CAUGHT_GOAL, evaluateEntryChecks, FALSE_ALARM_GOAL, formatTable, missedGoals } from './evaluate';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
});
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size < 1 || size > 1_000_000 || !Number.isInteger(seed)) {
  console.error('usage: npm run checks:eval -- [--size 1..1000000] [--seed integer]');
  process.exit(2);
}

const result = evaluateEntryChecks({ size, seed });
console.log(`Entry checks against planted errors: ${size} reports per kind, seed ${seed}\n`);
console.log(formatTable(result));
const missed = missedGoals(result);
console.log(
  missed.length === 0
    ? `\nGoals met: every kind ≥ ${CAUGHT_GOAL * 100}% caught, ≤ ${FALSE_ALARM_GOAL * 100}% of clean reports flagged.`
    : `\nGoals missed: ${missed.join('; ')}`,
);
process.exit(missed.length === 0 ? 0 : 1);
