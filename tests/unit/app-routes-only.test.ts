import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(__dirname, '../../app');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/**
 * app/ only routes: a page hands the Prisma client to a lib/server function, which checks the actor and reads. A
 * query written in a page (`prisma.planYear.findFirst(…)`, `prisma.$queryRaw`) skips that check and the tests of
 * lib/server, so it is refused here.
 */
const INLINE_QUERY =
  /\b(?:prisma|db|tx)\s*\.\s*(?:\$(?:queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)\b|[a-z][A-Za-z]*\s*\.\s*(?:find\w*|count|aggregate|groupBy|create\w*|update\w*|upsert|delete\w*)\s*\()/;

describe('app/', () => {
  it('reads and writes only through lib/server, never with an inline Prisma query', () => {
    const files = sourceFiles(APP);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files
      .filter((file) => INLINE_QUERY.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(APP, file));
    expect(offenders).toEqual([]);
  });

  it('recognises an inline query when it sees one', () => {
    expect(INLINE_QUERY.test("await prisma.planYear.findFirst({ where: { status: 'ACTIVE' } })")).toBe(true);
    expect(INLINE_QUERY.test('await prisma.$queryRaw`SELECT 1`')).toBe(true);
    expect(INLINE_QUERY.test('await db.report.count()')).toBe(true);
    expect(INLINE_QUERY.test('await listPlanYears(prisma, actor)')).toBe(false);
  });
});
