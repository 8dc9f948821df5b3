/**
 * `COPY … FROM STDIN` with the plain `pg` client (pg-copy-streams is not a dependency): a tiny submittable that
 * answers the server's CopyInResponse with one text payload. Used for the benchmark's COPY baselines.
 */
import type pg from 'pg';

interface Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  query(text: string): void;
}

class CopyFromText {
  private resolve!: (rows: number) => void;
  private reject!: (e: Error) => void;
  private rowCount = 0;
  readonly done: Promise<number>;
  constructor(
    private readonly sql: string,
    private readonly payload: string,
  ) {
    this.done = new Promise((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }
  submit(connection: Connection) {
    connection.query(this.sql);
  }
  handleCopyInResponse(connection: Connection) {
    const buf = Buffer.from(this.payload, 'utf8');
    const CHUNK = 1 << 20;
    for (let i = 0; i < buf.length; i += CHUNK) connection.sendCopyFromChunk(buf.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }) {
    this.rowCount = Number(msg.text.split(' ')[1] ?? 0);
  }
  handleReadyForQuery() {
    this.resolve(this.rowCount);
  }
  handleError(e: Error) {
    this.reject(e);
  }
  // messages a COPY never produces, but the client may call them
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** One COPY text-format field: NULL as \N, and backslash, tab, newline and CR escaped. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

export function copyLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(copyField).join('\t')).join('\n') + (rows.length ? '\n' : '');
}

/** Runs `COPY <table>(<columns>) FROM STDIN` with the rows; returns the row count the server reports. */
export async function copyFrom(
  client: pg.ClientBase,
  target: string,
  rows: readonly (readonly (string | number | null | undefined)[])[],
) {
  const copy = new CopyFromText(`COPY ${target} FROM STDIN`, copyLines(rows));
  (client as unknown as { query(q: unknown): void }).query(copy);
  return copy.done;
}
