/**
 * Progress of a month sheet upload (issue 17, item 4): the rows read, checked and written arrive in that order with
 * the right counts; listening changes nothing (the same result, the same rows written); and the upload route that
 * streams them keeps the server action's walls (sign-in, same origin, the body's bound before it is read).
 */
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import type { Prisma } from '@/generated/prisma/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MONTH_SHEET_COLUMN_INDEX, MONTH_SHEET_FIRST_DATA_ROW } from '@/lib/domain/month-sheet/columns';
import { UPLOAD_PHASES, type OnProgress, type UploadProgress } from '@/lib/domain/upload-progress';
import { readNdjson } from '@/lib/http/ndjson';
import { getMonthSheet } from '@/lib/server/reports/get-month-sheet';
import { signIn } from '../helpers/actors';
import { openReportStories, reportDigest, type ReportStories } from '../helpers/report-stories';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let s: ReportStories;
let sheet: typeof import('@/lib/actions/month-sheet');
let route: typeof import('@/app/api/reports/month-sheet/upload/route');
let getActor: ReturnType<typeof vi.fn>;
beforeAll(async () => {
  s = await openReportStories();
  sheet = await import('@/lib/actions/month-sheet');
  route = await import('@/app/api/reports/month-sheet/upload/route');
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
});
afterAll(async () => s?.close());

const CODE = MONTH_SHEET_COLUMN_INDEX.code + 1;
const INVESTED = MONTH_SHEET_COLUMN_INDEX.invested + 1;

/** zjw's month with a figure in every row (a few refused rows appended when asked): the department's whole month. */
async function filledMonth(extraUnknown = 0): Promise<{ file: File; rows: number }> {
  const actor = await signIn(s.db, 'zjw');
  getActor.mockResolvedValue(actor);
  const download = await getMonthSheet(s.db, actor, { year: 2025, month: s.currentMonth });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(download.buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let rows = 0;
  for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    if (!row.getCell(CODE).value) continue;
    row.getCell(INVESTED).value = 11 + (r % 5);
    rows += 1;
  }
  const last = ws.rowCount;
  for (let i = 1; i <= extraUnknown; i += 1) {
    const row = ws.getRow(last + i);
    row.getCell(CODE).value = `NO-SUCH-${i}`;
    row.getCell(INVESTED).value = 1;
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { file: new File([bytes], '填报表.xlsx'), rows: rows + extraUnknown };
}

function listener(): { events: UploadProgress[]; on: OnProgress } {
  const events: UploadProgress[] = [];
  return { events, on: (p) => events.push(p) };
}

/** Each phase's reports: in phase order, each phase from 0 up to its end, never past its total. */
function expectInOrder(events: UploadProgress[]) {
  const order = events.map((e) => UPLOAD_PHASES.indexOf(e.phase));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  for (const phase of UPLOAD_PHASES) {
    const of = events.filter((e) => e.phase === phase);
    if (!of.length) continue;
    expect(of[0]!.done).toBe(0);
    const done = of.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    for (const e of of) expect(e.done).toBeLessThanOrEqual(e.total);
  }
}
const last = (events: UploadProgress[], phase: UploadProgress['phase']) =>
  events.filter((e) => e.phase === phase).at(-1);

/** The month's reports of zjw as saved: what a write changed, without ids or times. */
async function savedMonth() {
  const reports = await s.db.monthlyReport.findMany({
    where: { month: s.currentMonth, plan: { project: { department: { name: '区住房城乡建委' } } } },
    select: {
      status: true,
      version: true,
      investedThisMonth: true,
      progressText: true,
      percentComplete: true,
      flags: true,
      plan: { select: { project: { select: { code: true } } } },
    },
  });
  return reports
    .map((r) => ({
      ...r,
      investedThisMonth: r.investedThisMonth.toFixed(2),
      percentComplete: r.percentComplete?.toFixed(2),
    }))
    .sort((a, b) => a.plan.project.code.localeCompare(b.plan.project.code));
}

describe('the progress of a month sheet upload', () => {
  it('reports rows read, then checked, then written, with the counts of the file and of the save', async () => {
    const { file, rows } = await filledMonth();
    const input = { year: 2025, month: s.currentMonth, file };

    // the check: the same answer heard or not, and no written phase (it writes nothing)
    const plain = await sheet.checkMonthSheet(input);
    const heard = listener();
    const check = await sheet.checkMonthSheet.withProgress(input, heard.on);
    expect(check).toEqual(plain);
    expectInOrder(heard.events);
    expect(last(heard.events, 'parsed')).toEqual({ phase: 'parsed', done: rows, total: rows });
    expect(last(heard.events, 'checked')).toEqual({ phase: 'checked', done: rows, total: rows });
    expect(heard.events.some((e) => e.phase === 'written')).toBe(false);
    if (!check.ok) throw new Error(check.message);
    const writes = check.data.counts.create + check.data.counts.update;
    expect(writes).toBeGreaterThan(1);

    // the commit: every changed row written, counted as it is
    const saving = listener();
    const commit = await sheet.importMonthSheetDrafts.withProgress(input, saving.on);
    expect(commit).toMatchObject({ ok: true, data: { committed: true, counts: check.data.counts } });
    expectInOrder(saving.events);
    expect(saving.events.map((e) => e.phase).at(-1)).toBe('written');
    expect(last(saving.events, 'written')).toEqual({ phase: 'written', done: writes, total: writes });
    expect(last(saving.events, 'checked')?.done).toBe(rows);
  });

  it('writes the same rows and answers the same with a listener as without', async () => {
    // two departments' months would differ; one month saved twice from the same state is the fair comparison:
    // the first save (no listener) is undone by putting the rows back as they were, then saved again, heard
    const { file } = await filledMonth();
    const input = { year: 2025, month: s.currentMonth, file };
    const before = await s.db.monthlyReport.findMany({
      where: { month: s.currentMonth, plan: { project: { department: { name: '区住房城乡建委' } } } },
    });
    const plain = await sheet.importMonthSheetDrafts(input);
    const writtenPlain = await savedMonth();
    // put the month back as it was (what the first save created goes, what it changed returns)
    await s.db.$transaction(async (tx) => {
      await tx.monthlyReport.deleteMany({
        where: {
          month: s.currentMonth,
          plan: { project: { department: { name: '区住房城乡建委' } } },
          id: { notIn: before.map((r) => r.id) },
        },
      });
      for (const { id, milestoneUpdates, ...rest } of before) {
        // a stored report's list is never null (the column defaults to [])
        const data = { ...rest, milestoneUpdates: milestoneUpdates as Prisma.InputJsonValue };
        await tx.monthlyReport.update({ where: { id }, data });
      }
    });
    const heard = listener();
    const withProgress = await sheet.importMonthSheetDrafts.withProgress(input, heard.on);
    expect(withProgress).toEqual(plain);
    expect(await savedMonth()).toEqual(writtenPlain);
    expect(heard.events.length).toBeGreaterThan(3);
  });
});

/** A POST to the upload route as the page sends it: the form, its length, the app's own origin. */
async function post(mode: string, form: FormData, headers: Record<string, string> = {}) {
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return route.POST(
    new NextRequest(`http://localhost:3000/api/reports/month-sheet/upload?mode=${mode}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        'content-length': String(body.length),
        host: 'localhost:3000',
        origin: 'http://localhost:3000',
        ...headers,
      },
    }),
  );
}

function formOf(file: File): FormData {
  const form = new FormData();
  form.set('year', '2025');
  form.set('month', String(s.currentMonth));
  form.set('file', file);
  return form;
}

async function lines(response: Response): Promise<unknown[]> {
  const values: unknown[] = [];
  await readNdjson(response.body!, (v) => values.push(v));
  return values;
}

describe('the upload route', () => {
  it('streams the progress lines, then the action’s own result', async () => {
    const { file, rows } = await filledMonth(3);
    const response = await post('check', formOf(file));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const values = (await lines(response)) as { type: string }[];
    const result = values.at(-1) as { type: 'result'; result: Awaited<ReturnType<typeof sheet.checkMonthSheet>> };
    expect(result.type).toBe('result');
    const progress = values.slice(0, -1) as (UploadProgress & { type: string })[];
    expect(progress.every((p) => p.type === 'progress')).toBe(true);
    const events = progress.map(({ phase, done, total }) => ({ phase, done, total }));
    expectInOrder(events);
    expect(last(events, 'parsed')?.done).toBe(rows);
    expect(last(events, 'checked')?.done).toBe(rows);
    // the same answer as the server action's: three rows refused, nothing saved
    expect(result.result).toEqual(await sheet.checkMonthSheet({ year: 2025, month: s.currentMonth, file }));
    expect(result.result).toMatchObject({ ok: true, data: { committed: false, counts: { refused: 3 } } });
  });

  it('answers the action’s refusal in the stream: the bureau edits no department’s drafts', async () => {
    const { file } = await filledMonth();
    const bureau = await signIn(s.db, 'bureau');
    getActor.mockResolvedValue(bureau);
    const values = await lines(await post('commit', formOf(file)));
    expect(values).toEqual([{ type: 'result', result: expect.objectContaining({ ok: false, code: 'FORBIDDEN' }) }]);
  });

  it('refuses before reading the body: nobody signed in, another site, no length, a body over the bound', async () => {
    const { file } = await filledMonth();
    const digest = await reportDigest(s.db);
    expect((await post('commit', formOf(file), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('bogus', formOf(file))).status).toBe(400);
    getActor.mockResolvedValue(null);
    expect((await post('commit', formOf(file))).status).toBe(401);
    getActor.mockResolvedValue(await signIn(s.db, 'zjw'));
    const unmeasured = new NextRequest('http://localhost:3000/api/reports/month-sheet/upload?mode=commit', {
      method: 'POST',
      body: 'year=2025',
      headers: { host: 'localhost:3000', origin: 'http://localhost:3000' },
    });
    expect(unmeasured.headers.get('content-length')).toBeNull();
    expect((await route.POST(unmeasured)).status).toBe(411);

    // a declared length over the bound: answered 413 without a byte of the body read
    let read = false;
    const huge = new NextRequest('http://localhost:3000/api/reports/month-sheet/upload?mode=commit', {
      method: 'POST',
      // no buffering ahead: pull() runs only when the route reads
      body: new ReadableStream(
        {
          pull() {
            read = true;
          },
        },
        { highWaterMark: 0 },
      ),
      duplex: 'half',
      headers: {
        host: 'localhost:3000',
        origin: 'http://localhost:3000',
        'content-length': String(route.MAX_UPLOAD_BODY_BYTES + 1),
      },
    } as ConstructorParameters<typeof NextRequest>[1]);
    const refused = await route.POST(huge);
    expect(refused.status).toBe(413);
    expect(read).toBe(false);
    expect(await reportDigest(s.db)).toBe(digest);
  });
});
