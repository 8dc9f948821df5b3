import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The Node the test tiers run on (scripts/lib/ensure-deps.sh), the one .nvmrc and the image name, and engines. */
const testNode = /^TEST_NODE_VERSION=(\d+)\.(\d+)\.(\d+)$/m.exec(read('scripts/lib/ensure-deps.sh'));
const [major, minor] = [Number(testNode?.[1]), Number(testNode?.[2])];

/** Whether a version satisfies an `engines` range of `^a.b || >=c` alternatives (the only forms we use). */
function satisfies(range: string, [maj, min]: [number, number]): boolean {
  return range.split('||').some((part) => {
    const m = /^\s*(\^|>=)(\d+)(?:\.(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`unexpected range part "${part}"`);
    const [wantMaj, wantMin] = [Number(m[2]), Number(m[3] ?? 0)];
    if (m[1] === '^') return maj === wantMaj && min >= wantMin;
    return maj > wantMaj || (maj === wantMaj && min >= wantMin);
  });
}

describe('the supported Node', () => {
  it('is Node 24 LTS for the unit and integration tiers, in .nvmrc and in the image', () => {
    expect(major).toBe(24);
    expect(read('.nvmrc').trim()).toBe(String(major));
    expect(read('Dockerfile')).not.toMatch(/FROM node:(?!24-)/);
    expect(read('scripts/test.sh')).toMatch(/run_tier unit bash scripts\/vitest\.sh run --project unit/);
    expect(read('scripts/test.sh')).toMatch(/run_tier integration bash scripts\/vitest\.sh run --project integration/);
  });

  it('is allowed by engines, which still lets the app run on Node 20.19 and not on an end-of-life 18', () => {
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(satisfies(engines.node, [major, minor])).toBe(true);
    expect(satisfies(engines.node, [20, 19])).toBe(true);
    expect(satisfies(engines.node, [20, 18])).toBe(false);
    expect(satisfies(engines.node, [18, 20])).toBe(false);
  });
});
