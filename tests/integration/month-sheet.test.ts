/**
 * A department's month as a spreadsheet: the file the download writes, changed as a clerk changes it, uploaded
 * through the real actions (check, then import) against a throwaway copy of the seeded database.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_SHEET_COLUMN_INDEX, MONTH_SHEET_FIRST_DATA_ROW } from '@/lib/domain/month-sheet/columns';
import { translateMessage } from '@/i18n/translate-message';
import { getMonthSheet } from '@/lib/server/reports/get-month-sheet';
import { signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { openReportStories, reportDigest, type ReportStories } from '../helpers/report-stories';

let s: ReportStories;
let sheet: typeof import('@/lib/actions/month-sheet');
beforeAll(async () => {
  s = await openReportStories();
  sheet = await import('@/lib/actions/month-sheet');
});
afterAll(async () => s?.close());

const CODE = MONTH_SHEET_COLUMN_INDEX.code + 1;
const INVESTED = MONTH_SHEET_COLUMN_INDEX.invested + 1;

/** The signed-in department's month, as downloaded. */
async function download(username: string, month = s.currentMonth): Promise<ExcelJS.Workbook> {
  const actor = await signIn(s.db, username);
  const file = await getMonthSheet(s.db, actor, { year: 2025, month });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.buffer as unknown as ArrayBuffer);
  return wb;
}

function rowOf(wb: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const ws = wb.worksheets[0]!;
  for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    if (ws.getRow(r).getCell(CODE).value === code) return ws.getRow(r);
  }
  throw new Error(`no row for ${code}`);
}

async function fileOf(wb: ExcelJS.Workbook, name = '填报表.xlsx'): Promise<File> {
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

async function codeOfReport(reportId: number) {
  const r = await s.db.monthlyReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { plan: { select: { project: { select: { code: true } } } } },
  });
  return r.plan.project.code;
}

describe('the month sheet upload', () => {
  it('shows a changed draft old → new, skips submitted and approved reports, writes once, and not again', async () => {
    const draft = await s.reportOf('zjw', 'DRAFT');
    // a report handed to the bureau: the file still carries it, changed, yet it is never touched
    const handedIn = await s.reportOf('zjw', 'DRAFT');
    await s.db.monthlyReport.update({ where: { id: handedIn.id }, data: { status: 'SUBMITTED' } });
    const handedInCode = await codeOfReport(handedIn.id);
    const wb = await download('zjw');
    const code = await codeOfReport(draft.id);
    const row = rowOf(wb, code);
    const before = (await s.reportRow(draft.id)).investedThisMonth.toFixed(2);
    row.getCell(INVESTED).value = 4321.5;
    rowOf(wb, handedInCode).getCell(INVESTED).value = 999;
    const file = await fileOf(wb);

    const checkedSince = await lastAuditId(s.db);
    const check = await sheet.checkMonthSheet({ year: 2025, month: s.currentMonth, file });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    // the check writes no report, only the trail's line of who checked which file
    expect((await s.reportRow(draft.id)).version).toBe(draft.version);
    expect((await auditSince(s.db, checkedSince)).map((a) => a.action)).toEqual(['report.monthSheetCheck']);
    const changed = check.data.rows.find((r) => r.code === code);
    expect(changed).toMatchObject({ outcome: 'update' });
    expect(changed?.changes).toContainEqual({ column: '本月完成投资', before, after: '4321.50' });
    expect(check.data.counts.refused).toBe(0);
    const skipped = check.data.rows.find((r) => r.code === handedInCode);
    expect(skipped?.outcome).toBe('skipped');
    expect(skipped?.problems[0]?.message).toContain('已提交');

    const since = await lastAuditId(s.db);
    const commit = await sheet.importMonthSheetDrafts({ year: 2025, month: s.currentMonth, file });
    expect(commit).toMatchObject({ ok: true, data: { committed: true } });
    expect((await s.reportRow(handedIn.id)).version).toBe(handedIn.version);
    const saved = await s.reportRow(draft.id);
    expect(saved.investedThisMonth.toFixed(2)).toBe('4321.50');
    expect(saved.version).toBe(draft.version + 1);
    const written = commit.ok ? commit.data.counts.create + commit.data.counts.update : -1;
    expect(await auditSince(s.db, since)).toHaveLength(written);

    // the same file again: every row as saved now, so nothing is written, not even a version
    const after = await reportDigest(s.db);
    const again = await sheet.importMonthSheetDrafts({ year: 2025, month: s.currentMonth, file });
    expect(again).toMatchObject({ ok: true, data: { counts: { create: 0, update: 0, refused: 0 } } });
    expect(await reportDigest(s.db)).toBe(after);
  });

  it('refuses another department’s project exactly like an unknown code, and writes nothing', async () => {
    const other = await s.db.project.findFirstOrThrow({
      where: { department: { name: '区教委' }, plans: { some: { planYear: { year: 2025 } } } },
      select: { code: true },
    });
    const otherCode = other.code;
    const draft = await s.reportOf('zjw', 'DRAFT');
    const wb = await download('zjw');
    rowOf(wb, await codeOfReport(draft.id)).getCell(INVESTED).value = 77;
    const ws = wb.worksheets[0]!;
    const copy = ws.getRow(ws.rowCount + 1);
    copy.getCell(CODE).value = otherCode;
    copy.getCell(INVESTED).value = 1;
    const unknown = ws.getRow(ws.rowCount + 1);
    unknown.getCell(CODE).value = 'NO-SUCH-CODE';
    unknown.getCell(INVESTED).value = 1;

    const digest = await reportDigest(s.db);
    const result = await sheet.importMonthSheetDrafts({ year: 2025, month: s.currentMonth, file: await fileOf(wb) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.committed).toBe(false);
    const refusedOther = result.data.rows.find((r) => r.code === otherCode)!;
    const refusedUnknown = result.data.rows.find((r) => r.code === 'NO-SUCH-CODE')!;
    expect(refusedOther).toMatchObject({ outcome: 'refused', name: null });
    expect(refusedOther.problems[0]!.message).toBe(
      refusedUnknown.problems[0]!.message.replace('NO-SUCH-CODE', otherCode),
    );
    expect(JSON.stringify(refusedOther)).not.toContain('区教委');
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it('refuses a row saved on screen since the download, naming who saved it and when; nothing is written', async () => {
    const draft = await s.reportOf('zjw', 'DRAFT');
    const wb = await download('zjw');
    rowOf(wb, await codeOfReport(draft.id)).getCell(INVESTED).value = 55;
    // a colleague saves the same report on screen in between
    await signIn(s.db, 'zjw');
    const screen = await s.actions.saveReportDraft(await s.resave(draft.id, { progressText: '屏幕上改过' }));
    expect(screen.ok).toBe(true);
    const saver = await s.db.user.findUniqueOrThrow({ where: { username: 'zjw' }, select: { displayName: true } });

    const digest = await reportDigest(s.db);
    const result = await sheet.importMonthSheetDrafts({ year: 2025, month: s.currentMonth, file: await fileOf(wb) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = result.data.rows.find((r) => r.outcome === 'refused')!;
    expect(row.problems[0]!.message).toContain(saver.displayName);
    expect(result.data.committed).toBe(false);
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it('refuses a file of another month with a message naming both months', async () => {
    const wb = await download('zjw', s.currentMonth - 1);
    const digest = await reportDigest(s.db);
    const result = await sheet.checkMonthSheet({ year: 2025, month: s.currentMonth, file: await fileOf(wb) });
    expect(result).toMatchObject({ ok: true, data: { committed: false, rows: [] } });
    if (!result.ok) return;
    expect(result.data.fileProblems[0]).toContain(`${s.currentMonth - 1}月`);
    expect(await reportDigest(s.db)).toBe(digest);
  });

  it('shows each row the entry checks’ flags that saving then stores with the draft', async () => {
    const wb = await download('zjw');
    // every open row gets a figure: one far above its project's total, the others small
    const over = await s.reportOf('zjw', 'DRAFT');
    const overCode = await codeOfReport(over.id);
    const ws = wb.worksheets[0]!;
    for (let r = MONTH_SHEET_FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
      const row = ws.getRow(r);
      row.getCell(INVESTED).value = row.getCell(CODE).value === overCode ? 9_999_999 : 3 + (r % 7);
    }
    const file = await fileOf(wb);
    const check = await sheet.checkMonthSheet({ year: 2025, month: s.currentMonth, file });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const written = check.data.rows.filter((r) => r.outcome === 'create' || r.outcome === 'update');
    expect(written.length).toBeGreaterThan(1);
    expect(written.find((r) => r.code === overCode)?.flags).toContain('累计超过总投资');

    const commit = await sheet.importMonthSheetDrafts({ year: 2025, month: s.currentMonth, file });
    expect(commit).toMatchObject({ ok: true, data: { committed: true } });
    const stored = await s.db.monthlyReport.findMany({
      where: {
        month: s.currentMonth,
        plan: { planYear: { year: 2025 }, project: { code: { in: written.map((r) => r.code) } } },
      },
      select: { flags: true, plan: { select: { project: { select: { code: true } } } } },
    });
    expect(stored).toHaveLength(written.length);
    for (const r of stored) {
      const labels = r.flags.map((f) => translateMessage('zh-CN', { key: `reports.flagLabels.${f}` as never }));
      expect(written.find((w) => w.code === r.plan.project.code)?.flags).toEqual(labels);
    }
  });

  it('is not the bureau’s: its reviewers edit no department’s drafts', async () => {
    const wb = await download('zjw');
    await signIn(s.db, 'bureau');
    const result = await sheet.checkMonthSheet({ year: 2025, month: s.currentMonth, file: await fileOf(wb) });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
