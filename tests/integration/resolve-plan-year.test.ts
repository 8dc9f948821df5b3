/**
 * One rule for the plan year a page, a download or an API call asks for with ?year= (lib/server/plan/resolve-plan-year.ts),
 * used by the project list, the plan, the board, the bulletins, the sheet downloads and the JSON API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { resolvePlanYear } from '@/lib/server/plan/resolve-plan-year';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  leader = await actorOf(t.db, 'leader');
});

afterAll(async () => {
  await t?.drop();
});

describe('resolvePlanYear', () => {
  it('gives the active year when none is asked for, absent or empty, with every year newest first', async () => {
    const active = await t.db.planYear.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { year: true } });
    for (const requested of [undefined, null, '']) {
      const resolved = await resolvePlanYear(t.db, leader, requested);
      expect(resolved?.year, String(requested)).toBe(active.year);
      expect(resolved?.years.map((y) => y.year)).toEqual([...resolved!.years.map((y) => y.year)].sort((a, b) => b - a));
    }
  });

  it('gives a year that exists, asked for as text or as a number', async () => {
    expect((await resolvePlanYear(t.db, leader, '2025'))?.year).toBe(2025);
    expect((await resolvePlanYear(t.db, leader, 2025))?.year).toBe(2025);
  });

  it('names no year for one that does not exist, or anything that is not a four-digit year', async () => {
    for (const requested of ['1999', 1999, '20250', '025', ' 2025', 'abc', ['2025'], {}]) {
      expect(await resolvePlanYear(t.db, leader, requested), JSON.stringify(requested)).toBeNull();
    }
  });

  it('falls back to the latest year when none is active, and to none when there is no year', async () => {
    await t.db.planYear.updateMany({ where: { status: 'ACTIVE' }, data: { status: 'DRAFT' } });
    const latest = await t.db.planYear.findFirstOrThrow({ orderBy: { year: 'desc' }, select: { year: true } });
    expect((await resolvePlanYear(t.db, leader, undefined))?.year).toBe(latest.year);
    const empty = await createTestDatabase('migrated');
    try {
      expect(await resolvePlanYear(empty.db, leader, undefined)).toEqual({ years: [], year: null });
    } finally {
      await empty.drop();
    }
  });
});
