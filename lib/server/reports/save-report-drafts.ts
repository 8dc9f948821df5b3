import 'server-only';
import type { ReportStatus } from '@/generated/prisma/enums';
import { closedThrough } from '@/lib/domain/closed-years';
import type { ReportFlag, ReportFlagCode } from '@/lib/domain/report-checks';
import { diffRecords, toAuditRecord, type AuditEntry } from '@/lib/server/audit';
import { lockPlanYears } from '@/lib/server/admin/plan-year-lock';
import { NotFoundError, ValidationError } from '@/lib/server/errors';
import { closedYearFactConflict } from '@/lib/server/projects/closed-year-guard';
import type { WriteContext } from '@/lib/server/write-context';
import type { SaveReportDraftValues } from '@/lib/validations/report';
import { readPlans, readReports, readReportsOf } from './draft-reads';
import { DRAFT_CHUNK, insertDrafts, updateDrafts, type DraftWrite } from './draft-writes';
import { entryChecksOf, loadYearsForMonths, type YearForChecks } from './entry-checks';
import { reportConflict, type ReportConflict } from './report-conflict';
import { EDITABLE } from './report-guards';

export interface SaveReportResult {
  reportId: number;
  version: number;
  status: ReportStatus;
  /** the entry checks' warnings: saved with the report and shown to the reviewer */
  flags: ReportFlag[];
}

export interface SaveReportDraftsOptions {
  /** called after each chunk of rows is written, with that chunk's number of rows (writtenCounter's shape) */
  onWritten?: (count: number) => void;
}

/** Why a row cannot be saved, made into its error only if it is the one thrown (a stale one reads the trail). */
type Refusal = () => Promise<Error>;
const conflict =
  (ctx: WriteContext<unknown>, c: ReportConflict): Refusal =>
  () =>
    reportConflict(ctx.tx, c);

/**
 * Saves many months' reports as drafts in the caller's transaction, with the rules of the screen's save
 * (saveReportDraft is this with one row): the plan in the actor's scope, its year open, the month not in the future,
 * a submitted or approved report untouched, the version the user read still the saved one (else the refusal names
 * who saved and when), the entry checks' flags stored, no date a closed year counts changed.
 *
 * It costs a fixed number of statements, not some per row: the plans read, their years share-locked and the plans
 * locked (in id order, one statement each), the saved reports read once, the rest of the year for the checks read
 * in two queries, then one INSERT and one UPDATE per DRAFT_CHUNK rows and the audit lines in one batch (last, as
 * the chain asks).
 *
 * All or nothing: when any row is refused, nothing is written and the error thrown is the one N saveReportDraft
 * calls in a row would have thrown (the first refused row's first reason, the checks in the same order). Each
 * (plan, month) may appear once; a plan's later months are checked against its earlier rows of the batch, as they
 * would be saved one after the other.
 */
export async function saveReportDrafts(
  ctx: WriteContext<unknown>,
  rows: readonly SaveReportDraftValues[],
  options: SaveReportDraftsOptions = {},
): Promise<SaveReportResult[]> {
  const { tx } = ctx;
  if (rows.length === 0) return [];
  const keyOf = (planId: number, month: number) => `${planId}:${month}`;
  if (new Set(rows.map((r) => keyOf(r.projectPlanId, r.month))).size !== rows.length) {
    throw new Error('saveReportDrafts: a plan’s month appears twice in one batch');
  }
  // The first refused row (in the rows' order) is the one reported; rows after it need no further checks.
  let firstRefused = rows.length;
  let refusal: Refusal | null = null;
  const refuseRow = (index: number, why: Refusal) => {
    if (index < firstRefused) [firstRefused, refusal] = [index, why];
  };
  const pending = () => rows.map((row, index) => ({ row, index })).filter((r) => r.index < firstRefused);

  const planIds = [...new Set(rows.map((r) => r.projectPlanId))];
  const plans = await readPlans(tx, planIds);
  const planOf = (row: SaveReportDraftValues) => plans.get(row.projectPlanId)!;
  for (const { row, index } of pending()) {
    const plan = plans.get(row.projectPlanId);
    try {
      ctx.authorize(plan ? { departmentId: plan.project.departmentId } : null, 'plan');
    } catch (error) {
      refuseRow(index, async () => error as Error);
    }
  }

  // Reports are written against an open year only, read under the share lock a year's close waits for.
  const years = await lockPlanYears(
    tx,
    pending().map(({ row }) => planOf(row).planYearId),
  );
  for (const { row, index } of pending()) {
    const year = years.get(planOf(row).planYearId);
    if (!year) refuseRow(index, async () => new NotFoundError('plan year'));
    else if (year.status === 'CLOSED') refuseRow(index, conflict(ctx, { kind: 'yearClosed', year: year.year }));
    else if (year.status !== 'ACTIVE') refuseRow(index, conflict(ctx, { kind: 'yearNotOpen', year: year.year }));
    else if (row.month > year.currentMonth) {
      refuseRow(index, conflict(ctx, { kind: 'futureMonth', month: row.month, currentMonth: year.currentMonth }));
    }
  }

  // Saves of one project's months run one at a time: each checks cumulative since start against the others,
  // so two months saved together must not both pass against each other's old figures. Locked in id order.
  const locking = [...new Set(pending().map(({ row }) => row.projectPlanId))].sort((a, b) => a - b);
  if (locking.length)
    await tx.$queryRaw`SELECT 1 FROM "ProjectPlan" WHERE id = ANY(${locking}::int[]) ORDER BY id FOR UPDATE`;
  const saved = new Map(
    (await readReportsOf(tx, locking, [...new Set(rows.map((r) => r.month))])).map((r) => [
      keyOf(r.planId, r.month),
      r,
    ]),
  );
  const existingOf = (row: SaveReportDraftValues) => saved.get(keyOf(row.projectPlanId, row.month));
  // A locked or stale report is refused for that reason first: checking figures nobody may save helps no one.
  for (const { row, index } of pending()) {
    const existing = existingOf(row);
    if (existing && !EDITABLE.includes(existing.status)) {
      refuseRow(index, conflict(ctx, { kind: 'locked', status: existing.status }));
    } else if (existing && existing.version !== row.version) {
      refuseRow(index, conflict(ctx, { kind: 'stale', reportId: existing.id }));
    }
  }

  const checked = pending();
  const yearOf = await loadYearsForMonths(
    tx,
    checked.map(({ row }) => ({ planId: row.projectPlanId, month: row.month })),
  );
  const checks = checked.map(({ row, index }) =>
    entryChecksOf(planOf(row), row, afterEarlierRows(yearOf(row.projectPlanId, row.month), rows, index)),
  );

  // a date the report states becomes the project's on approval; one that a closed year counts cannot change
  const closed = await closedYearFactConflict(
    tx,
    checked.map(({ row }) => ({
      projectId: planOf(row).project.id,
      actualStart: row.actualStart,
      actualCompletion: row.actualCompletion,
      milestones: row.milestoneUpdates,
    })),
  );
  if (closed) {
    const error = new ValidationError(
      { [closed.field]: ['projectClosedYearDate'] },
      { year: closed.year, through: closedThrough(closed.year) },
    );
    refuseRow(checked[closed.index]!.index, async () => error);
  }
  // Version 0 says "I saw no report"; anything else means the report the user read is gone.
  for (const { row, index } of checked) {
    if (!existingOf(row) && row.version !== 0) refuseRow(index, async () => new NotFoundError('report'));
  }
  if (refusal) throw await (refusal as Refusal)();

  const writes: (DraftWrite & { index: number })[] = checked.map(({ row, index }, i) => ({
    values: row,
    flags: checks[i]!.flags as ReportFlagCode[],
    index,
  }));
  const ids = await writeChunks(ctx, writes, existingOf, options);
  const after = new Map((await readReports(tx, [...ids.values()])).map((r) => [r.id, r]));

  // The audit lines go last: chaining them locks the audit chain's tip until commit (see writeAudit)
  const audits: AuditEntry[] = [];
  const results = writes.map(({ values, index }, i) => {
    const { id, version, ...afterAudited } = after.get(ids.get(index)!)!;
    const existing = existingOf(values);
    let entry: AuditEntry = { action: 'report.saveDraft', entity: 'MonthlyReport', entityId: id };
    if (!existing) entry = { ...entry, before: null, after: toAuditRecord(afterAudited) };
    else {
      const { id: _sameId, version: _readVersion, ...beforeAudited } = existing;
      const diff = diffRecords(beforeAudited, afterAudited);
      entry = { ...entry, before: diff.before, after: diff.after };
    }
    audits.push(entry);
    return { reportId: id, version, status: afterAudited.status, flags: checks[i]!.details };
  });
  await ctx.auditMany(audits);
  return results;
}

/**
 * The rest of the year as row `index` sees it when the rows are saved one after the other: the plan's months
 * saved earlier in the batch count with their new figures.
 */
function afterEarlierRows(year: YearForChecks, rows: readonly SaveReportDraftValues[], index: number): YearForChecks {
  const row = rows[index]!;
  const earlier = rows.slice(0, index).filter((r) => r.projectPlanId === row.projectPlanId);
  if (earlier.length === 0) return year;
  const replaced = new Set(earlier.map((r) => r.month));
  return {
    ...year,
    others: [
      ...year.others.filter((r) => !replaced.has(r.month)),
      ...earlier.map((r) => ({ month: r.month, investedThisMonth: r.investedThisMonth })),
    ],
  };
}

/** Inserts and updates a chunk at a time; the report id of every row by its index, or the stale row refused. */
async function writeChunks(
  ctx: WriteContext<unknown>,
  writes: readonly (DraftWrite & { index: number })[],
  existingOf: (row: SaveReportDraftValues) => { id: number } | undefined,
  options: SaveReportDraftsOptions,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < writes.length; i += DRAFT_CHUNK) {
    const chunk = writes.slice(i, i + DRAFT_CHUNK);
    const creates = chunk.filter((w) => !existingOf(w.values));
    const updates = chunk.flatMap((w) => {
      const existing = existingOf(w.values);
      return existing ? [{ ...w, reportId: existing.id }] : [];
    });
    if (creates.length) {
      const made = new Map((await insertDrafts(ctx.tx, creates)).map((r) => [`${r.planId}:${r.month}`, r.id]));
      for (const w of creates) {
        const id = made.get(`${w.values.projectPlanId}:${w.values.month}`);
        // A colleague created the same month's report between our read and our insert.
        if (id === undefined) throw await reportConflict(ctx.tx, { kind: 'stale', reportId: null });
        ids.set(w.index, id);
      }
    }
    if (updates.length) {
      const updated = new Set(await updateDrafts(ctx.tx, updates));
      for (const w of updates) {
        if (!updated.has(w.reportId)) throw await reportConflict(ctx.tx, { kind: 'stale', reportId: w.reportId });
        ids.set(w.index, w.reportId);
      }
    }
    options.onWritten?.(chunk.length);
  }
  return ids;
}
