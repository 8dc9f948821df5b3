/**
 * The worker thread that reads an uploaded spreadsheet (lib/server/projects/parse-upload.ts starts it). It imports
 * only the pure readers and parser, so it needs neither Next nor the database, and everything it allocates dies
 * with it: a file that blows up inside SheetJS ends this thread at its heap limit, never the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDispatchSheet } from '@/lib/domain/dispatch-sheet/parse';
import { SheetLimitError } from '@/lib/domain/project-sheet/limits';
import { parseProjectSheet } from '@/lib/domain/project-sheet/parse';
import { readGrid, type Grid, type SheetFormat } from '@/lib/domain/project-sheet/read-grid';
import type { ParsedByKind, ParseKind, WorkerAnswer } from './parse-upload-protocol';

const PARSERS: { [K in ParseKind]: (grid: Grid) => ParsedByKind[K] } = {
  projects: parseProjectSheet,
  dispatch: parseDispatchSheet,
};

function answer(bytes: Uint8Array, format: SheetFormat, kind: ParseKind): WorkerAnswer {
  try {
    return { kind: 'parsed', sheet: PARSERS[kind](readGrid(bytes, format)) };
  } catch (error) {
    if (error instanceof SheetLimitError) return { kind: 'limit', key: error.key, params: error.params };
    return { kind: 'unreadable' };
  }
}

// Only when started by parse-upload.ts with a file (imported anywhere else, e.g. by a test that scans
// lib/server, it does nothing).
const job = workerData as { bytes?: unknown; format?: SheetFormat; kind?: ParseKind } | null;
if (parentPort && job?.bytes instanceof Uint8Array && job.format) {
  parentPort.postMessage(answer(job.bytes, job.format, job.kind ?? 'projects'));
}
