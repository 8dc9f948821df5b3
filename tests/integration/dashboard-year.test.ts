/**
 * Which plan year the dashboard shows (`getDashboardYear`, the read the page used to make inline): the year asked
 * for, whatever its status, else the ACTIVE year; none when neither exists, so the page answers 404 rather than
 * showing a year nobody reports against.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let getDashboardYear: typeof import('@/lib/server/dashboard/get-dashboard-year').getDashboardYear;
let leader: Actor;

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  leader = await actorOf(t.db, 'leader');
  ({ getDashboardYear } = await import('@/lib/server/dashboard/get-dashboard-year'));
  // a later year in preparation: newer than the active one, but not the default
  await t.db.planYear.create({
    data: { year: 2026, title: '2026年重点项目计划', approvedInvestment: '0', status: 'DRAFT', currentMonth: 1 },
  });
}, 120_000);

afterAll(async () => {
  await t.drop();
});

describe('getDashboardYear', () => {
  it('shows the ACTIVE year, with its reporting month, when no year is asked for', async () => {
    expect(await getDashboardYear(t.db, leader, {})).toEqual({ year: 2025, currentMonth: 11, status: 'ACTIVE' });
  });

  it('shows the year asked for, in whatever status', async () => {
    expect(await getDashboardYear(t.db, leader, { year: 2026 })).toEqual({
      year: 2026,
      currentMonth: 1,
      status: 'DRAFT',
    });
    expect(await getDashboardYear(t.db, leader, { year: 2025 })).toMatchObject({ year: 2025 });
  });

  it('finds nothing for a year that does not exist, nor without an ACTIVE year', async () => {
    expect(await getDashboardYear(t.db, leader, { year: 2031 })).toBeNull();
    await t.db.planYear.update({ where: { year: 2025 }, data: { status: 'CLOSED' } });
    expect(await getDashboardYear(t.db, leader, {})).toBeNull();
    expect(await getDashboardYear(t.db, leader, { year: 2025 })).toMatchObject({ year: 2025, status: 'CLOSED' });
  });
});
