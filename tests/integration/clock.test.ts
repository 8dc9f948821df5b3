/**
 * The business clock on the demo database (issue 14): the seed records its demo date, so a fresh demo opens on
 * 3 December 2025 — November's round in flight, two days before its deadline — whatever the calendar says, and
 * the deadline rule, report and notification dates follow it. `npm run demo:date -- off` returns to real time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chongqingToday } from '@/lib/domain/deadlines';
import { demoInstant, SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import { getAttention } from '@/lib/server/dashboard/get-attention';
import { getProjectFigures } from '@/lib/server/dashboard/get-project-figures';
import { demoToday, forgetDemoSetting, now, today } from '@/lib/server/clock';
import { setDemoDate } from '@/prisma/seed/demo-date';
import { actorOf, signIn } from '../helpers/actors';
import { resetClock, setClock } from '../helpers/clock';
import { openReportStories, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;

beforeAll(async () => {
  s = await openReportStories();
});
afterEach(() => resetClock());
afterAll(async () => s?.close());

/** How many of November's projects carry the no-report-by-deadline warning, for the clock's today. */
async function noReportWarnings(): Promise<number> {
  const figures = await getProjectFigures(s.db, await actorOf(s.db, 'bureau'), {
    year: 2025,
    month: 11,
    basis: 'approved',
  });
  return figures.filter((f) => f.warnings.some((w) => w.rule === 'noReportByDeadline')).length;
}

describe('the clock on the seeded demo database', () => {
  it('answers with the demo date, 09:00 in Chongqing plus the time this process has run', async () => {
    const before = demoInstant(SEED_DEMO_DATE, process.uptime() * 1000);
    const instant = await now(s.db);
    const after = demoInstant(SEED_DEMO_DATE, process.uptime() * 1000);
    expect(instant.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(instant.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(await today(s.db)).toBe('2025-12-03');
    expect(await demoToday(s.db)).toBe('2025-12-03');
  });

  it('makes the deadline rule see an ordinary reporting week: no project is overdue, whatever the calendar says', async () => {
    expect(await noReportWarnings()).toBe(0);
    const attention = await getAttention(s.db, await actorOf(s.db, 'bureau'), {
      year: 2025,
      month: 11,
      basis: 'approved',
    });
    // the same figures with today given explicitly: the default is the demo date
    const explicit = await getAttention(s.db, await actorOf(s.db, 'bureau'), {
      year: 2025,
      month: 11,
      basis: 'approved',
      today: '2025-12-03',
    });
    expect(attention).toEqual(explicit);
  });

  it('a test sets the clock, and the deadline rule follows it (a year after the round: every missing report is late)', async () => {
    setClock('2026-12-05');
    expect(await today(s.db)).toBe('2026-12-05');
    expect(await noReportWarnings()).toBeGreaterThan(0);
  });

  it('dates a submission and its notification by the demo clock, so on-time reporting counts it on time', async () => {
    const report = await s.reportOf('zjw', 'DRAFT');
    await signIn(s.db, 'zjw');
    const submitted = await s.actions.submitReport({ reportId: report.id, version: report.version });
    expect(submitted.ok).toBe(true);
    const row = await s.db.monthlyReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(chongqingToday(row.submittedAt!)).toBe('2025-12-03');
    const notification = await s.db.notification.findFirstOrThrow({
      where: { kind: 'REPORTS_SUBMITTED' },
      orderBy: { id: 'desc' },
    });
    expect(chongqingToday(notification.createdAt)).toBe('2025-12-03');
    // the audit row itself is a record of the machine: real time
    const audit = await s.db.auditLog.findFirstOrThrow({ where: { action: 'report.submit' }, orderBy: { id: 'desc' } });
    expect(Math.abs(audit.at.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe('turning the demo date off (npm run demo:date -- off)', () => {
  it('refuses a date that does not exist and changes nothing', async () => {
    await expect(setDemoDate(s.db, '2025-02-30')).rejects.toThrow(RangeError);
    expect((await s.db.appSetting.findUniqueOrThrow({ where: { id: 1 } })).demoDate?.toISOString()).toBe(
      '2025-12-03T00:00:00.000Z',
    );
  });

  it('returns the clock to real time and the banner goes, with an audit row; a date sets it again', async () => {
    const changed = await setDemoDate(s.db, null);
    expect(changed).toEqual({ before: '2025-12-03', after: null });
    forgetDemoSetting();
    expect(await demoToday(s.db)).toBeNull();
    expect(await today(s.db)).toBe(chongqingToday(new Date()));
    const audit = await s.db.auditLog.findFirstOrThrow({
      where: { action: 'settings.demoDate' },
      orderBy: { id: 'desc' },
    });
    expect({ actor: audit.actor, before: audit.before, after: audit.after }).toEqual({
      actor: 'system',
      before: { demoDate: '2025-12-03' },
      after: { demoDate: null },
    });

    await setDemoDate(s.db, '2025-12-01');
    forgetDemoSetting();
    expect(await demoToday(s.db)).toBe('2025-12-01');
  });
});
