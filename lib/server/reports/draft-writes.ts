import 'server-only';
/**
 * The writes of saveReportDrafts (save-report-drafts.ts): new drafts inserted and drafts updated a chunk at a time,
 * each chunk one statement whatever its size (every column travels as one array parameter through unnest), so a
 * 10,000-row month sheet costs a handful of statements instead of ten per row.
 */
import type { Tx } from '@/lib/server/audit';
import type { SaveReportDraftValues } from '@/lib/validations/report';

/** Rows per statement: arrays are one parameter each, so this bounds memory and a statement's time, not parameters. */
export const DRAFT_CHUNK = 2000;

/** A row to write: the form's values and the entry checks' flag codes stored with them. */
export interface DraftWrite {
  values: SaveReportDraftValues;
  flags: string[];
}

/** The department's fields of each row as parallel arrays, in the column order of both statements below. */
function columns(rows: readonly DraftWrite[]) {
  const v = rows.map((r) => r.values);
  return {
    planId: v.map((r) => r.projectPlanId),
    month: v.map((r) => r.month),
    invested: v.map((r) => r.investedThisMonth),
    progress: v.map((r) => r.progressText),
    problems: v.map((r) => r.problems),
    coordination: v.map((r) => r.coordinationNeeded),
    nextSteps: v.map((r) => r.nextSteps),
    explanation: v.map((r) => r.explanation),
    percent: v.map((r) => r.percentComplete),
    start: v.map((r) => r.actualStart),
    completion: v.map((r) => r.actualCompletion),
    blockers: v.map((r) => r.blockers),
    ready: v.map((r) => r.readyToStart),
    milestones: v.map((r) => JSON.stringify(r.milestoneUpdates)),
    // text[] of unequal lengths cannot travel in one array parameter: each row's flags as a JSON array
    flags: rows.map((r) => JSON.stringify(r.flags)),
    version: v.map((r) => r.version),
  };
}

/**
 * Inserts new drafts (version 1). A report that another writer created meanwhile is not inserted (the plan lock
 * makes that all but impossible): the caller finds it missing from the answer and refuses the save as stale.
 */
export async function insertDrafts(
  tx: Tx,
  rows: readonly DraftWrite[],
): Promise<{ id: number; planId: number; month: number }[]> {
  const c = columns(rows);
  return tx.$queryRaw<{ id: number; planId: number; month: number }[]>`
    INSERT INTO "MonthlyReport" ("planId", month, "investedThisMonth", "progressText", problems, "coordinationNeeded",
                                 "nextSteps", explanation, "percentComplete", "actualStart", "actualCompletion",
                                 blockers, "readyToStart", "milestoneUpdates", flags, status, version, "updatedAt")
    SELECT u.plan, u.month, u.invested, u.progress, u.problems, u.coordination, u.next, u.explanation, u.percent,
           u.start, u.completion, u.blockers, u.ready, u.milestones,
           ARRAY(SELECT jsonb_array_elements_text(u.flags)), 'DRAFT', 1, now()
      FROM unnest(${c.planId}::int[], ${c.month}::int[], ${c.invested}::numeric[], ${c.progress}::text[],
                  ${c.problems}::text[], ${c.coordination}::text[], ${c.nextSteps}::text[], ${c.explanation}::text[],
                  ${c.percent}::numeric[], ${c.start}::date[], ${c.completion}::date[], ${c.blockers}::text[],
                  ${c.ready}::boolean[], ${c.milestones}::jsonb[], ${c.flags}::jsonb[])
           WITH ORDINALITY AS u(plan, month, invested, progress, problems, coordination, next, explanation, percent,
                                start, completion, blockers, ready, milestones, flags, n)
     ORDER BY u.n
    ON CONFLICT ("planId", month) DO NOTHING
    RETURNING id, "planId", month`;
}

/**
 * Updates drafts whose version is still the one the user read, moving it on; the status stays (a returned report
 * stays RETURNED while it is fixed, so the bureau's comment stays beside it). Returns the ids written: a row
 * missing from them was changed meanwhile.
 */
export async function updateDrafts(tx: Tx, rows: readonly (DraftWrite & { reportId: number })[]): Promise<number[]> {
  const c = columns(rows);
  const written = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "MonthlyReport" AS r
       SET "investedThisMonth" = u.invested, "progressText" = u.progress, problems = u.problems,
           "coordinationNeeded" = u.coordination, "nextSteps" = u.next, explanation = u.explanation,
           "percentComplete" = u.percent, "actualStart" = u.start, "actualCompletion" = u.completion,
           blockers = u.blockers, "readyToStart" = u.ready, "milestoneUpdates" = u.milestones,
           flags = ARRAY(SELECT jsonb_array_elements_text(u.flags)), version = r.version + 1, "updatedAt" = now()
      FROM unnest(${rows.map((r) => r.reportId)}::int[], ${c.version}::int[], ${c.invested}::numeric[],
                  ${c.progress}::text[], ${c.problems}::text[], ${c.coordination}::text[], ${c.nextSteps}::text[],
                  ${c.explanation}::text[], ${c.percent}::numeric[], ${c.start}::date[], ${c.completion}::date[],
                  ${c.blockers}::text[], ${c.ready}::boolean[], ${c.milestones}::jsonb[], ${c.flags}::jsonb[])
           AS u(id, version, invested, progress, problems, coordination, next, explanation, percent, start,
                completion, blockers, ready, milestones, flags)
     WHERE r.id = u.id AND r.version = u.version
    RETURNING r.id`;
  return written.map((w) => w.id);
}
