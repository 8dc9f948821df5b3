import 'server-only';
import type { WriteContext } from '@/lib/server/write-context';
import type { SaveReportDraftValues } from '@/lib/validations/report';
import { saveReportDrafts, type SaveReportResult } from './save-report-drafts';

export type { SaveReportResult } from './save-report-drafts';

/**
 * Creates the month's report or updates its draft, in the caller's transaction. A submitted or approved report is
 * no longer the department's to change; a stale version is refused, naming who saved in between. The one-row case
 * of saveReportDrafts, so the screen, batch entry and the month sheet save by one rule.
 */
export async function saveReportDraft(ctx: WriteContext<SaveReportDraftValues>): Promise<SaveReportResult> {
  return (await saveReportDrafts(ctx, [ctx.input]))[0]!;
}
