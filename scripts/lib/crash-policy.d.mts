export interface CrashPolicy {
  /** this many crashes within `windowMs` and we give up */
  maxCrashes: number;
  windowMs: number;
  /** the first restart waits this long, and each further crash in the window doubles it, up to maxDelayMs */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type CrashDecision = { restart: true; delayMs: number; recent: number } | { restart: false; recent: number };

export const APP_CRASH_POLICY: Readonly<CrashPolicy>;
export function afterCrash(crashTimes: readonly number[], now: number, policy: CrashPolicy): CrashDecision;
export function describeExit(code: number | null, signal: NodeJS.Signals | string | null): string;
