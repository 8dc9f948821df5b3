/**
 * The scheduled monthly-report checks (issue 15): deadline in 3 days and 催报 after it, each once per department
 * and month, read against the business clock; and the job queue that runs them (pg-boss) starting and stopping.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { actorOf } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let checks: typeof import('@/lib/server/reminders/checks');
let board: typeof import('@/lib/server/reports/get-report-board');
let bureau: Actor;

// November 2025 (the seed's reporting month) is due on 2025-12-05
const DEADLINE = '2025-12-05';

/** The departments the board shows with November reports outstanding, and their active users. */
async function outstandingDepartments(today: string) {
  const b = (await board.getReportBoard(t.db, bureau, { year: 2025, month: 11, today }))!;
  return b.rows.filter((r) => r.outstanding > 0).map((r) => r.departmentId);
}

const countOf = (kind: 'REPORT_DEADLINE_SOON' | 'REPORT_OVERDUE') => t.db.notification.count({ where: { kind } });

async function usersOf(departmentIds: number[]) {
  return t.db.user.count({ where: { departmentId: { in: departmentIds }, role: 'DEPARTMENT', active: true } });
}

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  checks = await import('@/lib/server/reminders/checks');
  board = await import('@/lib/server/reports/get-report-board');
  bureau = await actorOf(t.db, 'bureau');
}, 120_000);

afterAll(async () => {
  resetClock();
  await t?.drop();
});

beforeEach(async () => {
  await t.db.notification.deleteMany({ where: { kind: { in: ['REPORT_DEADLINE_SOON', 'REPORT_OVERDUE'] } } });
  await t.db.notificationOnce.deleteMany({});
});

describe('deadline in 3 days', () => {
  it('reminds the users of every department with reports outstanding, once', async () => {
    const departments = await outstandingDepartments('2025-12-02');
    expect(departments.length).toBeGreaterThan(0);
    const [result] = await checks.checkReportDeadlineSoon(t.db, '2025-12-02');
    expect(result).toMatchObject({ year: 2025, month: 11, departments: departments.length });
    expect(await countOf('REPORT_DEADLINE_SOON')).toBe(await usersOf(departments));

    await checks.checkReportDeadlineSoon(t.db, '2025-12-02');
    await checks.checkReportDeadlineSoon(t.db, '2025-12-04');
    expect(await countOf('REPORT_DEADLINE_SOON')).toBe(await usersOf(departments));
  });

  it('stays silent more than 3 days before the deadline and on the deadline itself', async () => {
    expect(await checks.checkReportDeadlineSoon(t.db, '2025-12-01')).toEqual([]);
    expect(await checks.checkReportDeadlineSoon(t.db, DEADLINE)).toEqual([]);
    expect(await countOf('REPORT_DEADLINE_SOON')).toBe(0);
  });
});

describe('催报 after the deadline', () => {
  it('reminds each late department once, and nobody before the deadline has passed', async () => {
    expect(await checks.checkReportOverdue(t.db, DEADLINE)).toEqual([]);
    const late = await outstandingDepartments('2025-12-06');
    expect(late.length).toBeGreaterThan(0);
    await checks.checkReportOverdue(t.db, '2025-12-06');
    await checks.checkReportOverdue(t.db, '2025-12-09');
    expect(await countOf('REPORT_OVERDUE')).toBe(await usersOf(late));
    const one = await t.db.notification.findFirstOrThrow({ where: { kind: 'REPORT_OVERDUE' } });
    expect(one.link).toBe('/reports?year=2025&month=11');
  });

  it('runDailyChecks reads the business clock', async () => {
    setClock('2025-12-08');
    try {
      expect(await checks.runDailyChecks(t.db)).toEqual({
        'report.deadlineSoon': 'ok',
        'report.overdue': 'ok',
        'problem.deadlines': 'ok',
      });
    } finally {
      resetClock();
    }
    expect(await countOf('REPORT_OVERDUE')).toBeGreaterThan(0);
    expect(await countOf('REPORT_DEADLINE_SOON')).toBe(0);
  });
});

describe('the job queue', () => {
  it('starts pg-boss on the app database with its three schedules, and stops', async () => {
    const jobs = await import('@/lib/server/reminders/jobs');
    const boss = await jobs.startJobs(t.db, t.url);
    try {
      expect(boss).not.toBeNull();
      const names = (await boss!.getSchedules()).map((s) => s.name).sort();
      expect(names).toEqual([jobs.DAILY_QUEUE, jobs.OUTBOX_QUEUE, jobs.ORPHANS_QUEUE].sort());
    } finally {
      await jobs.stopJobs();
    }
  }, 60_000);
});
