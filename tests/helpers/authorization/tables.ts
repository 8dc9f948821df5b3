/**
 * THE TABLES of the authorization matrix (tests/integration/authorization-matrix.test.ts): every server action
 * by its name, every data-access read by its function name. A new action gets its row in the module of its area
 * (or in a new module added to the list below); the matrix fails while any action or read has none.
 */
import { ADMIN_ACTIONS } from './admin-actions';
import { ATTACHMENT_ACTIONS } from './attachment-actions';
import { BACKFILL_ACTIONS } from './backfill-actions';
import { CARRY_OVER_ACTIONS } from './carry-over-actions';
import { EVERYDAY_ACTIONS } from './everyday-actions';
import { INDICATOR_ACTIONS } from './indicator-actions';
import type { ActionCase } from './matrix';
import { PROBLEM_ACTIONS } from './problem-actions';
import { PROJECT_ACTIONS } from './project-actions';
import { REMINDER_ACTIONS } from './reminder-actions';
import { REPORT_ACTIONS } from './report-actions';

export { READS } from './reads';

/** The areas' rows in one table; a name given twice is a mistake, not an override. */
function merge(...areas: Record<string, ActionCase>[]): Record<string, ActionCase> {
  const all: Record<string, ActionCase> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (name in all) throw new Error(`the authorization matrix has two rows for ${name}`);
      all[name] = spec;
    }
  }
  return all;
}

export const ACTIONS = merge(
  EVERYDAY_ACTIONS,
  ADMIN_ACTIONS,
  PROJECT_ACTIONS,
  REPORT_ACTIONS,
  PROBLEM_ACTIONS,
  REMINDER_ACTIONS,
  BACKFILL_ACTIONS,
  ATTACHMENT_ACTIONS,
  INDICATOR_ACTIONS,
  CARRY_OVER_ACTIONS,
);
