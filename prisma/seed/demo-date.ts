/**
 * The operator's switch for the demo date (`npm run demo:date`, README "The demo date"): a demo database opens on
 * 3 December 2025 whatever the calendar says; `off` returns it to real time, a date moves it. Audited as the
 * system's change, like the seed that set it.
 */
import { fromDateOnly, isDateOnly, toDateOnly } from '@/lib/domain/date-only';
import type { Db } from '@/lib/prisma';

export interface DemoDateChange {
  before: string | null;
  after: string | null;
}

/** Sets (a "YYYY-MM-DD" that exists) or clears (null) the demo date, in one transaction with its audit row. */
export async function setDemoDate(db: Db, value: string | null): Promise<DemoDateChange> {
  if (value !== null && !isDateOnly(value)) throw new RangeError(`not a YYYY-MM-DD date that exists: ${value}`);
  return db.$transaction(async (tx) => {
    const current = await tx.appSetting.findUnique({ where: { id: 1 }, select: { demoDate: true } });
    const before = toDateOnly(current?.demoDate ?? null);
    await tx.appSetting.upsert({
      where: { id: 1 },
      create: { id: 1, demoDate: fromDateOnly(value) },
      update: { demoDate: fromDateOnly(value) },
    });
    if (before !== value) {
      await tx.auditLog.create({
        data: {
          actor: 'system',
          action: 'settings.demoDate',
          entity: 'AppSetting',
          entityId: '1',
          before: { demoDate: before },
          after: { demoDate: value },
        },
      });
    }
    return { before, after: value };
  });
}
