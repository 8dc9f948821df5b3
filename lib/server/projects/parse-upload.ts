import 'server-only';
/**
 * Reads an uploaded spreadsheet in a worker thread, before any database transaction opens. The readers already
 * refuse what breaks a limit of lib/domain/project-sheet/limits.ts; the worker is the second wall: its heap is
 * capped (`resourceLimits`) and it is terminated after PARSE_TIME_LIMIT_MS, so a file that defeats every check
 * still costs one worker, and the user is told which limit it hit. At most MAX_CONCURRENT_PARSES run at once.
 */
import { Worker } from 'node:worker_threads';
import type { ParsedDispatchSheet } from '@/lib/domain/dispatch-sheet/types';
import { UNREADABLE_MONTH_SHEET } from '@/lib/domain/month-sheet/parse';
import type { ParsedSheet } from '@/lib/domain/project-sheet/parse';
import {
  MAX_CONCURRENT_PARSES,
  MAX_QUEUED_PARSES,
  PARSE_MEMORY_LIMIT_MB,
  PARSE_TIME_LIMIT_MS,
  type SheetLimitKey,
} from '@/lib/domain/project-sheet/limits';
import type { SheetFormat } from '@/lib/domain/project-sheet/upload';
import { NO_PROGRESS, type OnProgress } from '@/lib/domain/upload-progress';
import { ValidationError, type AppError } from '@/lib/server/errors';
import type { ParsedSheetOf, SheetKind, WorkerAnswer, WorkerProgress } from './parse-upload-protocol';

export interface ParseLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
}

const DEFAULT_LIMITS: ParseLimits = { timeLimitMs: PARSE_TIME_LIMIT_MS, memoryLimitMb: PARSE_MEMORY_LIMIT_MB };

/** A refused upload: a field error on `file` whose message (validation.<key>) names the limit. */
export function uploadRefused(key: SheetLimitKey, params: Record<string, string | number>): AppError {
  return new ValidationError({ file: [key] }, params);
}

const UNREADABLE_PROJECT_SHEET: ParsedSheet = {
  headerRow: 0,
  columns: {},
  hasMonths: false,
  rows: [],
  issues: [{ row: 0, column: '', message: 'unreadable' }],
  dataRows: 0,
};
const UNREADABLE_DISPATCH_SHEET: ParsedDispatchSheet = {
  headerRow: 0,
  columns: [],
  headerMonth: null,
  titleYear: null,
  rows: [],
  skipped: [],
  totals: [],
  issues: [{ row: 0, column: '', message: 'unreadable' }],
};
const UNREADABLE: ParsedSheetOf = {
  projectSheet: UNREADABLE_PROJECT_SHEET,
  monthSheet: UNREADABLE_MONTH_SHEET,
  dispatchSheet: UNREADABLE_DISPATCH_SHEET,
};

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_PARSES) {
    running += 1;
    return;
  }
  if (waiting.length >= MAX_QUEUED_PARSES) throw uploadRefused('sheetParseBusy', { max: MAX_CONCURRENT_PARSES });
  // release() hands its slot straight to the next in line
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/**
 * The worker for one file, which gets its own copy of the bytes (moved, not cloned). Next (Turbopack) bundles the worker's entry
 * only from a `new Worker(new URL(…), { …literal options… })` it can read, so the options are spelled out in both
 * branches rather than built once.
 */
function startWorker(bytes: Uint8Array, format: SheetFormat, kind: SheetKind, limits: ParseLimits): Worker {
  const data = bytes.slice();
  const heapMb = limits.memoryLimitMb;
  const youngMb = Math.min(64, Math.ceil(heapMb / 8));
  if (process.env.NEXT_RUNTIME) {
    return new Worker(new URL('./parse-upload.worker.ts', import.meta.url), {
      workerData: { bytes: data, format, kind },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb },
      stdout: false,
      stderr: false,
    });
  }
  // Outside Next (Vitest, the benchmark under tsx) the entry is TypeScript: it is loaded through tsx.
  const entry = import.meta.url.replace(/parse-upload\.ts$/, 'parse-upload.worker.ts');
  return new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
    {
      eval: true,
      workerData: { bytes: data, format, kind },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb },
      stdout: false,
      stderr: false,
    },
  );
}

function runWorker<K extends SheetKind>(
  bytes: Uint8Array,
  format: SheetFormat,
  kind: K,
  limits: ParseLimits,
  progress: OnProgress,
): Promise<WorkerAnswer<K>> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(bytes, format, kind, limits);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          resolve({
            kind: 'limit',
            key: 'sheetParseTimeout',
            params: { seconds: Math.round(limits.timeLimitMs / 1000) },
          }),
        ),
      limits.timeLimitMs,
    );
    // progress reports come first, any number of them; the first other message is the answer
    worker.on('message', (message: WorkerAnswer<K> | WorkerProgress) => {
      if (message.kind === 'progress') {
        if (!settled) progress(message.progress);
      } else settle(() => resolve(message));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() => resolve({ kind: 'limit', key: 'sheetParseMemory', params: { mb: limits.memoryLimitMb } }));
      } else {
        settle(() => reject(error));
      }
    });
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`sheet parse worker exited (${code}) without an answer`))),
    );
  });
}

/**
 * The file's bytes → the parsed sheet. A broken limit throws a VALIDATION AppError naming it (the page shows the
 * message at the file field); a file that is not a spreadsheet gives the sheet with one "unreadable" issue.
 */
export async function parseUpload(
  bytes: Uint8Array,
  format: SheetFormat,
  limits: ParseLimits = DEFAULT_LIMITS,
): Promise<ParsedSheet> {
  return parseUploadAs('projectSheet', bytes, format, limits);
}

/**
 * The same, for any kind of sheet the worker knows (parse-upload-protocol.ts). `progress` hears the rows read, per
 * chunk, from a parser that counts them (the month sheet's).
 */
export async function parseUploadAs<K extends SheetKind>(
  kind: K,
  bytes: Uint8Array,
  format: SheetFormat,
  limits: ParseLimits = DEFAULT_LIMITS,
  progress: OnProgress = NO_PROGRESS,
): Promise<ParsedSheetOf[K]> {
  await acquire();
  let answer: WorkerAnswer<K>;
  try {
    answer = await runWorker(bytes, format, kind, limits, progress);
  } finally {
    release();
  }
  if (answer.kind === 'limit') throw uploadRefused(answer.key, answer.params);
  return answer.kind === 'parsed' ? answer.sheet : UNREADABLE[kind];
}
