import { describe, expect, it } from 'vitest';
import { parseMonthSheet } from '@/lib/domain/month-sheet/parse';
import {
  foldProgress,
  isUploadProgress,
  NO_PROGRESS_VIEW,
  progressCounter,
  progressPercent,
  progressStep,
  writtenCounter,
  type UploadProgress,
} from '@/lib/domain/upload-progress';
import { ndjsonLine, readNdjson } from '@/lib/http/ndjson';
import { isSameOrigin } from '@/lib/http/same-origin';
import { MONTH_SHEET_COLUMNS } from '@/lib/domain/month-sheet/columns';

function collect() {
  const events: UploadProgress[] = [];
  return { events, on: (p: UploadProgress) => events.push(p) };
}

describe('a phase counter', () => {
  it('reports 0 of the total at once, then every step, then the end', () => {
    const { events, on } = collect();
    const counter = progressCounter(on, 'checked', 10, 4);
    const reported = Array.from({ length: 10 }, () => counter.add(1));
    counter.finish();
    // it says when it reported, for a caller that then lets the report go out
    expect(reported).toEqual([false, false, false, true, false, false, false, true, false, true]);
    expect(events).toEqual([
      { phase: 'checked', done: 0, total: 10 },
      { phase: 'checked', done: 4, total: 10 },
      { phase: 'checked', done: 8, total: 10 },
      { phase: 'checked', done: 10, total: 10 },
    ]);
  });

  it('ends at what was done when the phase stopped short, so the bar ends full', () => {
    const { events, on } = collect();
    const counter = progressCounter(on, 'parsed', 100, 30);
    counter.add(35);
    counter.add(5);
    counter.finish();
    counter.add(10); // after the end: ignored
    expect(events.at(-1)).toEqual({ phase: 'parsed', done: 40, total: 40 });
    expect(events).toHaveLength(3);
  });

  it('never reports more done than its total', () => {
    const { events, on } = collect();
    const counter = progressCounter(on, 'parsed', 2, 1);
    counter.add(3);
    expect(events.at(-1)).toEqual({ phase: 'parsed', done: 3, total: 3 });
  });

  it('reports about fifty times for any total, and at least every 500 rows', () => {
    expect(progressStep(0)).toBe(1);
    expect(progressStep(30)).toBe(1);
    expect(progressStep(1000)).toBe(20);
    expect(progressStep(10_000)).toBe(200);
    expect(progressStep(100_000)).toBe(500);
    const { events, on } = collect();
    const counter = progressCounter(on, 'checked', 10_000);
    for (let i = 0; i < 10_000; i += 1) counter.add(1);
    counter.finish();
    expect(events).toHaveLength(51);
    expect(events.at(-1)).toEqual({ phase: 'checked', done: 10_000, total: 10_000 });
  });

  it('counts the written phase through one callback with each chunk written', () => {
    const { events, on } = collect();
    const onWritten = writtenCounter(on, 6);
    onWritten(3);
    onWritten(3);
    expect(events.map((e) => [e.phase, e.done, e.total])).toEqual([
      ['written', 0, 6],
      ['written', 3, 6],
      ['written', 6, 6],
    ]);
  });
});

describe('what the page shows', () => {
  it('keeps each phase’s last count and the latest phase, and fills the bar for it', () => {
    let view = NO_PROGRESS_VIEW;
    expect(progressPercent(view)).toBe(0);
    view = foldProgress(view, { phase: 'parsed', done: 300, total: 300 });
    view = foldProgress(view, { phase: 'checked', done: 150, total: 300 });
    expect(view.phase).toBe('checked');
    expect(progressPercent(view)).toBe(50);
    // a late report of an earlier phase does not move the phase back
    view = foldProgress(view, { phase: 'parsed', done: 300, total: 300 });
    expect(view.phase).toBe('checked');
    expect(view.counts).toEqual({ parsed: { done: 300, total: 300 }, checked: { done: 150, total: 300 } });
    expect(progressPercent(foldProgress(view, { phase: 'written', done: 0, total: 0 }))).toBe(100);
  });

  it('takes only well-formed progress from the stream', () => {
    expect(isUploadProgress({ phase: 'parsed', done: 1, total: 2 })).toBe(true);
    expect(isUploadProgress({ phase: 'deleted', done: 1, total: 2 })).toBe(false);
    expect(isUploadProgress({ phase: 'parsed', done: '1', total: 2 })).toBe(false);
    expect(isUploadProgress(null)).toBe(false);
  });
});

describe('the NDJSON stream', () => {
  it('gives each line’s value once complete, across chunks that split lines and characters', async () => {
    const bytes = new Uint8Array([
      ...ndjsonLine({ type: 'progress', phase: 'parsed', done: 1, total: 2 }),
      ...ndjsonLine({ type: 'result', result: { ok: true, data: '已写入' } }),
    ]);
    // two bytes at a time: the Chinese characters (three bytes each) are split too
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 2) controller.enqueue(bytes.slice(i, i + 2));
        controller.close();
      },
    });
    const values: unknown[] = [];
    await readNdjson(body, (v) => values.push(v));
    expect(values).toEqual([
      { type: 'progress', phase: 'parsed', done: 1, total: 2 },
      { type: 'result', result: { ok: true, data: '已写入' } },
    ]);
  });
});

describe('the same-origin check of the upload route', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('accepts a post from a page of the app, directly or behind a proxy', () => {
    expect(isSameOrigin(headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(
      isSameOrigin(
        headers({
          origin: 'https://keystone.yz.gov.cn',
          host: '10.0.0.5:3000',
          'x-forwarded-host': 'keystone.yz.gov.cn',
        }),
      ),
    ).toBe(true);
  });
  it('refuses another site, a missing or broken Origin', () => {
    expect(isSameOrigin(headers({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(headers({ host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(headers({ origin: 'null', host: 'localhost:3000' }))).toBe(false);
  });
});

describe('the month sheet reader', () => {
  it('reports the rows it read, from 0 to the last, blank rows not counted', () => {
    const header = MONTH_SHEET_COLUMNS.map((c) => c.header(10));
    const codeAt = MONTH_SHEET_COLUMNS.findIndex((c) => c.key === 'code');
    const investedAt = MONTH_SHEET_COLUMNS.findIndex((c) => c.key === 'invested');
    const dataRow = (i: number) => header.map((_, c) => (c === codeAt ? `YZ-${i}` : c === investedAt ? '1' : null));
    const rows = [header, ...Array.from({ length: 120 }, (_, i) => dataRow(i)), [], [null], dataRow(999)];
    const { events, on } = collect();
    const parsed = parseMonthSheet({ rows }, on);
    expect(parsed.entries).toHaveLength(121);
    expect(events[0]).toEqual({ phase: 'parsed', done: 0, total: 123 });
    expect(events.at(-1)).toEqual({ phase: 'parsed', done: 121, total: 121 });
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});
