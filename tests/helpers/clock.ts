/**
 * The one way tests set the business clock (lib/server/clock.ts), instead of faking Date for everything (session
 * and audit times stay real). Call `resetClock()` in afterEach/afterAll of a file that sets it.
 */
import { demoInstant } from '@/lib/domain/demo-date';
import { forgetDemoSetting, setClockForTests } from '@/lib/server/clock';

/** The clock reads `at` from now on: an instant, or "YYYY-MM-DD" for 09:00 that day in Chongqing. */
export function setClock(at: Date | string): void {
  setClockForTests(typeof at === 'string' ? demoInstant(at, 0) : at);
}

/** Back to the real clock (or the database's demo date), with the demo setting read afresh. */
export function resetClock(): void {
  setClockForTests(null);
  forgetDemoSetting();
}
