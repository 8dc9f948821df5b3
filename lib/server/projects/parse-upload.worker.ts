/**
 * The worker thread that reads an uploaded spreadsheet (lib/server/projects/parse-upload.ts starts it). It imports
 * only the pure readers and parser, so it needs neither Next nor the database, and everything it allocates dies
 * with it: a file that blows up inside SheetJS ends this thread at its heap limit, never the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDispatchSheet } from '@/lib/domain/dispatch-sheet/parse';
import { parseMonthSheet } from '@/lib/domain/month-sheet/parse';
import { SheetLimitError } from '@/lib/domain/project-sheet/limits';
import { parseProjectSheet } from '@/lib/domain/project-sheet/parse';
import { readGrid, type Grid, type SheetFormat } from '@/lib/domain/project-sheet/read-grid';
import type { OnProgress } from '@/lib/domain/upload-progress';
import type { ParsedSheetOf, SheetKind, WorkerAnswer, WorkerProgress } from './parse-upload-protocol';

/**
 * The parser of each kind of sheet: every kind is read by the same readGrid, within the same limits. A parser that
 * counts its rows (the month sheet's) reports them through `progress`; the others ignore it.
 */
const PARSERS: { [K in SheetKind]: (grid: Grid, progress: OnProgress) => ParsedSheetOf[K] } = {
  projectSheet: parseProjectSheet,
  monthSheet: parseMonthSheet,
  dispatchSheet: parseDispatchSheet,
};

function answer(bytes: Uint8Array, format: SheetFormat, kind: SheetKind, progress: OnProgress): WorkerAnswer {
  try {
    return { kind: 'parsed', sheet: PARSERS[kind](readGrid(bytes, format), progress) };
  } catch (error) {
    if (error instanceof SheetLimitError) return { kind: 'limit', key: error.key, params: error.params };
    return { kind: 'unreadable' };
  }
}

// Only when started by parse-upload.ts with a file (imported anywhere else, e.g. by a test that scans
// lib/server, it does nothing).
const job = workerData as { bytes?: unknown; format?: SheetFormat; kind?: SheetKind } | null;
if (parentPort && job?.bytes instanceof Uint8Array && job.format && job.kind && Object.hasOwn(PARSERS, job.kind))
  parentPort.postMessage(
    answer(job.bytes, job.format, job.kind, (progress) =>
      parentPort!.postMessage({ kind: 'progress', progress } satisfies WorkerProgress),
    ),
  );
