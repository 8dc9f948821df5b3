/**
 * Progress of a large upload (issue 17, item 4): how many rows were read from the file, checked, and written. Each
 * phase counts its own rows against its own total: the reader's rows, the rows that reach the checks (a row the
 * reader refused is not checked further), and the rows that are saved. Pure: the parse worker, the checks and the
 * writes report through it, the upload route streams what it emits, the page folds it into what it shows.
 */

export const UPLOAD_PHASES = ['parsed', 'checked', 'written'] as const;
export type UploadPhase = (typeof UPLOAD_PHASES)[number];

export interface UploadProgress {
  phase: UploadPhase;
  done: number;
  total: number;
}

export type OnProgress = (progress: UploadProgress) => void;

/** What a call without a listener reports to: nothing. */
export const NO_PROGRESS: OnProgress = () => {};

/**
 * Rows between two reports of a phase: about fifty reports for any total, at least one row and at most 500 apart, so
 * a 10,000-row file sends ~150 short lines, not 30,000.
 */
export function progressStep(total: number): number {
  return Math.max(1, Math.min(500, Math.ceil(total / 50)));
}

export interface ProgressCounter {
  /**
   * `count` more rows are done (an increment, as a chunk of rows finishes). True when this call reported: a caller
   * whose rows are synchronous work lets the event loop run then, or the report would wait for the end.
   */
  add(count: number): boolean;
  /** the phase is over: reports its final count, even if below the total (rows the phase did not reach) */
  finish(): void;
}

/**
 * Counts one phase's rows and reports at its start (0 of total), every `step` rows, and once at its end. The total
 * grows when more rows turn up than announced (never a bar past 100%).
 */
export function progressCounter(
  onProgress: OnProgress,
  phase: UploadPhase,
  total: number,
  step = progressStep(total),
): ProgressCounter {
  let done = 0;
  let reported = 0;
  let finished = false;
  const report = () => {
    reported = done;
    onProgress({ phase, done, total: Math.max(total, done) });
  };
  report();
  return {
    add(count) {
      if (finished || count <= 0) return false;
      done += count;
      if (done - reported < step && done < total) return false;
      report();
      return true;
    },
    finish() {
      if (finished) return;
      finished = true;
      if (done !== reported || done !== total) {
        total = done;
        report();
      }
    },
  };
}

/**
 * The written phase as one callback, `onWritten(count)` with the rows each chunk saved: the shape a save of many rows
 * takes (a loop calls it per row, a set-based save per chunk). It reports 0 of total at once.
 */
export function writtenCounter(onProgress: OnProgress, total: number): (count: number) => void {
  const counter = progressCounter(onProgress, 'written', total);
  return (count) => counter.add(count);
}

/** What the page shows: each phase's latest report, and the phase under way (the last one that reported). */
export interface ProgressView {
  phase: UploadPhase | null;
  counts: Partial<Record<UploadPhase, { done: number; total: number }>>;
}

export const NO_PROGRESS_VIEW: ProgressView = { phase: null, counts: {} };

/** One report folded into the view; a report of an earlier phase arriving late never moves the phase back. */
export function foldProgress(view: ProgressView, progress: UploadProgress): ProgressView {
  const order = (p: UploadPhase | null) => (p === null ? -1 : UPLOAD_PHASES.indexOf(p));
  return {
    phase: order(progress.phase) >= order(view.phase) ? progress.phase : view.phase,
    counts: { ...view.counts, [progress.phase]: { done: progress.done, total: progress.total } },
  };
}

/** The bar's fill for the phase under way, 0–100. */
export function progressPercent(view: ProgressView): number {
  const current = view.phase ? view.counts[view.phase] : undefined;
  if (!current || current.total === 0) return current ? 100 : 0;
  return Math.min(100, Math.floor((current.done / current.total) * 100));
}

/** A line of the stream as the page receives it, checked: anything else is not progress. */
export function isUploadProgress(value: unknown): value is UploadProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.phase === 'string' &&
    (UPLOAD_PHASES as readonly string[]).includes(v.phase) &&
    Number.isSafeInteger(v.done) &&
    Number.isSafeInteger(v.total)
  );
}
