/**
 * The worker thread that reads an uploaded spreadsheet (lib/server/projects/parse-upload.ts starts it). It imports
 * only the pure readers and parser, so it needs neither Next nor the database, and everything it allocates dies
 * with it: a file that blows up inside SheetJS ends this thread at its heap limit, never the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SheetLimitError } from '@/lib/domain/project-sheet/limits';
import { parseProjectSheet } from '@/lib/domain/project-sheet/parse';
import { readGrid, type SheetFormat } from '@/lib/domain/project-sheet/read-grid';
import type { WorkerAnswer } from './parse-upload-protocol';

const { bytes, format } = workerData as { bytes: Uint8Array; format: SheetFormat };

function answer(): WorkerAnswer {
  try {
    return { kind: 'parsed', sheet: parseProjectSheet(readGrid(bytes, format)) };
  } catch (error) {
    if (error instanceof SheetLimitError) return { kind: 'limit', key: error.key, params: error.params };
    return { kind: 'unreadable' };
  }
}

parentPort?.postMessage(answer());
