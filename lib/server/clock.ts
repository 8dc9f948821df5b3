import 'server-only';
import { chongqingToday } from '@/lib/domain/deadlines';
import { demoInstant } from '@/lib/domain/demo-date';
import type { Db } from '@/lib/prisma';

/** Whatever can read the settings row: the app's client, a script's, a transaction. */
type SettingsDb = Pick<Db, 'appSetting'>;

/**
 * The one clock of the business rules: report deadlines and days overdue, the deadline board, warnings, the
 * dates a report was submitted and reviewed (on-time reporting counts them), notification and bulletin dates.
 * Nothing else reads the system time for a rule (tests/unit/one-clock.test.ts scans for it); tests set this clock
 * through tests/helpers/clock.ts.
 *
 * Timestamps that are records of the machine, not of the business, stay real time and do not come from here:
 * createdAt/updatedAt, the audit log's times, sessions, sign-in throttling, password changes, API tokens.
 *
 * A demo database records a demo date (`AppSetting.demoDate`, set by the seed, cleared by `npm run demo:date --
 * off`). While it is set the clock answers with that day at 09:00 in Chongqing plus the real time this process
 * has run, so every `npm start` of the demo opens on the same ordinary reporting day, whatever the calendar says.
 * Without one (every real deployment) it is the real time.
 */
export async function now(db?: SettingsDb): Promise<Date> {
  if (override) return new Date(override.getTime() + (Date.now() - overrideSetAt));
  const demoDate = await readDemoDate(db);
  return demoDate ? demoInstant(demoDate, process.uptime() * 1000) : new Date();
}

/** Today in Chongqing, "YYYY-MM-DD". */
export async function today(db?: SettingsDb): Promise<string> {
  return chongqingToday(await now(db));
}

/** The demo's today ("YYYY-MM-DD") while a demo date is set, else null: what the demo banner shows. */
export async function demoToday(db?: SettingsDb): Promise<string | null> {
  return (await readDemoDate(db)) ? today(db) : null;
}

// The setting changes about never (the seed, an operator's command), but the clock is read several times per
// request: each database's answer is kept a few seconds, so clearing it takes effect within that time.
const SETTING_TTL_MS = 10_000;
let settingCache = new WeakMap<object, { demoDate: string | null; readAt: number }>();

async function readDemoDate(db?: SettingsDb): Promise<string | null> {
  // The app's own client unless the caller works in another database (a script, a test's database).
  const client = db ?? (await import('@/lib/db')).prisma;
  const hit = settingCache.get(client);
  if (hit && Date.now() - hit.readAt < SETTING_TTL_MS) return hit.demoDate;
  const row = await client.appSetting.findUnique({ where: { id: 1 }, select: { demoDate: true } });
  const demoDate = row?.demoDate ? row.demoDate.toISOString().slice(0, 10) : null;
  settingCache.set(client, { demoDate, readAt: Date.now() });
  return demoDate;
}

let override: Date | null = null;
let overrideSetAt = 0;

/**
 * Tests only (through tests/helpers/clock.ts): the clock reads `instant` from now on, moving on with real time as
 * the demo clock does; null returns to the real (or demo) clock. Also forgets the cached demo settings.
 */
export function setClockForTests(instant: Date | null): void {
  override = instant;
  overrideSetAt = Date.now();
  forgetDemoSetting();
}

/** Read the demo setting again at the next call (after the demo-date command or a test changed it). */
export function forgetDemoSetting(): void {
  settingCache = new WeakMap();
}
