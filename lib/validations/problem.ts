import { z } from 'zod';
import { isDateOnly } from '@/lib/domain/date-only';
import { MAX_ESCALATION_DAYS } from '@/lib/domain/problems/overdue';
import { RECORD_ID_MAX } from './record-id';
import { text } from './text';

/**
 * Problem (协调问题) inputs, shared by the forms (zodResolver) and the actions in lib/actions/problems.ts.
 * Messages are keys under `validation` in messages/*.json, so one schema speaks both languages.
 */

export const PROBLEM_TITLE_MAX = 200;
export const PROBLEM_DESCRIPTION_MAX = 4000;
/** a reply, a reason, what was done: a paragraph or two */
export const PROBLEM_TEXT_MAX = 2000;
export const PROBLEM_REQUIREMENT_MAX = 1000;
export const PROBLEM_CATEGORY_NAME_MAX = 40;
/** 配合单位: a handful in practice; the bound keeps one request small */
export const PROBLEM_SUPPORTING_MAX = 20;

/** A record id; coerced so a no-JavaScript form post (all strings) parses like a client call. */
const recordId = z.coerce
  .number({ error: 'problemRecordInvalid' })
  .int({ error: 'problemRecordInvalid' })
  .positive({ error: 'problemRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'problemRecordInvalid' });

/** The version the user read (optimistic lock). */
const readVersion = z.coerce
  .number({ error: 'problemRecordInvalid' })
  .int({ error: 'problemRecordInvalid' })
  .min(1, { error: 'problemRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'problemRecordInvalid' });

const boundedText = (max: number, required: string) =>
  text(z.string().min(1, { error: required }).max(max, { error: 'problemTextTooLong' }), { typeError: required });

/** An optional project: empty (a form's "none") or absent means none. */
const optionalProjectId = z
  .union([z.literal(''), z.null(), z.undefined(), recordId])
  .transform((v) => (v === '' || v === null || v === undefined ? null : v));

export const ZRaiseProblem = z.object({
  projectId: optionalProjectId,
  categoryId: recordId,
  title: boundedText(PROBLEM_TITLE_MAX, 'problemTitleRequired'),
  description: boundedText(PROBLEM_DESCRIPTION_MAX, 'problemDescriptionRequired'),
});
export type RaiseProblemInput = z.infer<typeof ZRaiseProblem>;

/** The review queue's one click: a report's 需协调事项 (or 存在问题, 制约因素) becomes a problem. */
export const ZRaiseFromReport = z.object({
  reportId: recordId,
  field: z.enum(['COORDINATION', 'PROBLEMS', 'BLOCKERS'], { error: 'problemRecordInvalid' }),
});
export type RaiseFromReportInput = z.infer<typeof ZRaiseFromReport>;

export const ZProblemRef = z.object({ problemId: recordId, version: readVersion });

const dueDate = z.string({ error: 'problemDueDateInvalid' }).refine(isDateOnly, { error: 'problemDueDateInvalid' });

/** A list of department ids from a client call, or one id per form field repeated in a no-JS post. */
const idList = z
  .union([recordId.transform((id) => [id]), z.array(recordId)])
  .optional()
  .transform((ids) => [...new Set(ids ?? [])])
  .refine((ids) => ids.length <= PROBLEM_SUPPORTING_MAX, { error: 'problemTooManyUnits' });

export const ZAssignProblem = ZProblemRef.extend({
  leadDepartmentId: recordId,
  supportingDepartmentIds: idList,
  leaderId: recordId,
  dueDate,
  level: z.enum(['NORMAL', 'KEY', 'SUPERVISED'], { error: 'problemRecordInvalid' }),
  /** the 督办 requirement when the level is set to 挂牌督办 by hand */
  requirement: z
    .union([z.literal(''), text(z.string().max(PROBLEM_REQUIREMENT_MAX, { error: 'problemTextTooLong' }))])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type AssignProblemInput = z.infer<typeof ZAssignProblem>;

/** reply, proposeClose, close (the resolution), sendBack and reopen (the reason): one text each. */
export const ZProblemText = ZProblemRef.extend({ text: boundedText(PROBLEM_TEXT_MAX, 'problemTextRequired') });
export type ProblemTextInput = z.infer<typeof ZProblemText>;

export const ZEscalateProblem = ZProblemRef.extend({
  requirement: boundedText(PROBLEM_REQUIREMENT_MAX, 'problemRequirementRequired'),
});
export type EscalateProblemInput = z.infer<typeof ZEscalateProblem>;

const categoryName = boundedText(PROBLEM_CATEGORY_NAME_MAX, 'problemCategoryNameRequired');

export const ZAddProblemCategory = z.object({ name: categoryName });
export const ZRenameProblemCategory = z.object({ id: recordId, name: categoryName });
export const ZMoveProblemCategory = z.object({
  id: recordId,
  direction: z.enum(['up', 'down'], { error: 'problemRecordInvalid' }),
});
export const ZSetProblemCategoryActive = z.object({
  id: recordId,
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

export const ZProblemEscalationDays = z.object({
  days: z.coerce
    .number({ error: 'problemEscalationDaysRange' })
    .int({ error: 'problemEscalationDaysRange' })
    .min(1, { error: 'problemEscalationDaysRange' })
    .max(MAX_ESCALATION_DAYS, { error: 'problemEscalationDaysRange' }),
});
