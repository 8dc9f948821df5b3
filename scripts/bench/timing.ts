/** Medians of timed runs, and the app-against-floor pairs the report prints. */

export interface Timing {
  /** milliseconds, median of the timed runs */
  median: number;
  runs: number[];
}

export interface Pair {
  app: Timing;
  floor: Timing;
  /** app ÷ floor */
  ratio: number;
  note?: string;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const round = (x: number, d = 1) => Number(x.toFixed(d));

export async function timed(
  fn: () => Promise<unknown>,
  runs: number,
  opts: { warmup?: boolean; before?: () => Promise<unknown> } = {},
): Promise<Timing> {
  if (opts.warmup !== false) {
    await opts.before?.();
    await fn();
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await opts.before?.();
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return { median: round(median(out)), runs: out.map((x) => round(x)) };
}

export const pair = (app: Timing, floor: Timing, note?: string): Pair => ({
  app,
  floor,
  ratio: round(app.median / Math.max(floor.median, 0.01), 2),
  ...(note ? { note } : {}),
});

/** Like timed(), for functions that time their own critical section (so the untimed preparation is left out). */
export async function timedSelf(
  fn: () => Promise<number>,
  runs: number,
  before?: () => Promise<unknown>,
): Promise<Timing> {
  await before?.();
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    out.push(await fn());
  }
  return { median: round(median(out)), runs: out.map((x) => round(x)) };
}
