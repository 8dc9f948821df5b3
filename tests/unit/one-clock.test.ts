/**
 * One clock for the business rules (issue 14): deadlines, days overdue, warnings, report and bulletin dates read
 * lib/server/clock.ts, which a demo database moves to its demo date and tests set. This test reads the server code,
 * the actions and the routes and fails on any other reading of the system time, except the machine's own record
 * timestamps listed below with the reason each stays real time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['lib/server', 'lib/actions', 'app'];
const CLOCK = 'lib/server/clock.ts';

/** Readings of the system time: a Date of now, the epoch now, a process timer, a calendar date computed here. */
const SYSTEM_TIME = /new Date\(\)|Date\.now\(\)|performance\.now\(\)|process\.uptime\(\)|chongqingToday\(/g;

/** Where real time is right, and how many readings each file has: records of the machine, not of the business. */
const REAL_TIME: Record<string, { count: number; why: string }> = {
  'lib/server/admin/users.ts': { count: 2, why: 'passwordChangedAt ends older sessions: security, real time' },
  'lib/actions/account.ts': { count: 1, why: 'passwordChangedAt ends older sessions: security, real time' },
  'lib/server/api/tokens.ts': { count: 2, why: "a token's last use and revocation: machine records" },
  'lib/actions/notifications.ts': { count: 2, why: 'when a person read a notification: a record of the reader' },
  'lib/actions/safe-action.ts': { count: 2, why: "an action's duration in the log: a measurement, not a date" },
  'lib/server/attachments/remove-attachment.ts': {
    count: 1,
    why: 'when a file was removed from a report: a machine record beside its audit row, like uploadedAt',
  },
  'lib/server/attachments/orphans.ts': {
    count: 1,
    why: "an orphaned object's age is the store's own write time, a machine record: the demo clock must not age it",
  },
  'lib/server/storage/disk-store.ts': {
    count: 1,
    why: 'bytes uploaded again renew their file time (the orphan cleanup reads it): a machine record',
  },
  'lib/server/reminders/send.ts': {
    count: 1,
    why: 'a 钉钉 加签 signature carries the moment of sending: 钉钉 refuses one an hour off its own clock',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

function readings(): Map<string, number> {
  const found = new Map<string, number>();
  for (const dir of SCANNED) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      if (relative === CLOCK) continue;
      const count = readFileSync(file, 'utf8').match(SYSTEM_TIME)?.length ?? 0;
      if (count > 0) found.set(relative, count);
    }
  }
  return found;
}

describe('one clock for the business rules', () => {
  it('scans real code: the clock itself reads the system time', () => {
    expect(readFileSync(path.join(ROOT, CLOCK), 'utf8')).toMatch(SYSTEM_TIME);
    expect(sourceFiles(path.join(ROOT, 'app')).length).toBeGreaterThan(20);
  });

  it('no server code, action or route reads the system time except the listed record timestamps', () => {
    const found = Object.fromEntries(readings());
    const allowed = Object.fromEntries(Object.entries(REAL_TIME).map(([file, { count }]) => [file, count]));
    // A new reading of the time for a rule belongs to lib/server/clock.ts (now, today); a new machine timestamp
    // belongs in REAL_TIME with its reason.
    expect(found).toEqual(allowed);
  });

  it('the deadline board, warnings and figures take today from the clock', () => {
    for (const file of [
      'app/(app)/reports/board/page.tsx',
      'lib/server/dashboard/get-attention.ts',
      'lib/server/dashboard/get-project-figures.ts',
      'lib/server/dashboard/figures-cache.ts',
      'lib/server/reports/workflow.ts',
    ]) {
      expect(readFileSync(path.join(ROOT, file), 'utf8'), file).toMatch(/from '@\/lib\/server\/clock'/);
    }
  });
});
