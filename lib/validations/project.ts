import { z } from 'zod';
import { isDateOnly } from '@/lib/domain/date-only';
import { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';
import { parseMoneyText, type MoneyTextProblem } from '@/lib/domain/money-text';
import { checkPlanInvariants, MONTHS, type PlanInvariantKey } from '@/lib/domain/plan-invariants';
import { RECORD_ID_MAX } from './record-id';
import { text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG } from './text';

/**
 * A project and its plan for one year, as the edit form sends it: one schema for the form's zodResolver and for
 * the createProject/updateProject actions, so the invariants of lib/domain/plan-invariants.ts are checked in the
 * browser and again on the server. Messages are keys under `validation` in messages/*.json.
 */

export const PROJECT_MESSAGES = [
  'projectCodeRequired',
  'projectCodeInvalid',
  'projectCodeTaken',
  'projectNameRequired',
  'projectTextTooLong',
  'projectDepartmentRequired',
  'projectOwnerUnitRequired',
  'projectAreaRequired',
  'projectChoiceRequired',
  'projectMoneyRequired',
  'projectMoneyInvalid',
  'projectMoneyNegative',
  'projectMoneyTooManyDecimals',
  'projectMoneyTooLarge',
  'projectDateInvalid',
  'projectPlanYearRequired',
  'projectReasonRequired',
  'projectReasonTooLong',
  'projectPreliminaryHasAnnualPlan',
  'projectPreliminaryHasMonthlyPlan',
  'projectAnnualPlanRequired',
  'projectMonthlySplitMismatch',
  'projectAnnualPlanExceedsRemaining',
  'projectCumulativeExceedsTotal',
  'projectPlannedDatesOrder',
  'projectActualDatesOrder',
  TEXT_INVALID_CHARACTERS,
  TEXT_TOO_LONG,
] as const satisfies readonly (string | PlanInvariantKey)[];
export type ProjectMessageKey = (typeof PROJECT_MESSAGES)[number];

export const PROJECT_TEXT_MAX = 200;
export const PROJECT_SCOPE_MAX = 2000;
export const PLAN_CHANGE_REASON_MAX = 500;

/**
 * Why the plans of a year already reported against change: the project form's and the registry import's, under the
 * shared text rule (./text.ts); null when not given (the server requires it only then).
 */
export const ZPlanChangeReason = text(z.string().max(PLAN_CHANGE_REASON_MAX, { error: 'projectReasonTooLong' }), {
  typeError: 'projectReasonTooLong',
})
  .nullish()
  .transform((v) => (v ? v : null));

const MONEY_MESSAGE: Record<MoneyTextProblem, ProjectMessageKey> = {
  required: 'projectMoneyRequired',
  invalid: 'projectMoneyInvalid',
  negative: 'projectMoneyNegative',
  tooManyDecimals: 'projectMoneyTooManyDecimals',
  tooLarge: 'projectMoneyTooLarge',
};

/** A 万元 amount typed by a person (full-width digits, thousands separators) → "1234.50". */
const ZMoney = z.string({ error: 'projectMoneyRequired' }).transform((raw, ctx) => {
  const parsed = parseMoneyText(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: MONEY_MESSAGE[parsed.problem] });
    return z.NEVER;
  }
  return parsed.value;
});

/** The same, where an empty box means "none" (an annual plan of a 前期 project, a month left empty). */
const ZOptionalMoney = z
  .string({ error: 'projectMoneyInvalid' })
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const parsed = parseMoneyText(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: MONEY_MESSAGE[parsed.problem] });
      return z.NEVER;
    }
    return parsed.value;
  });

/** A calendar date "YYYY-MM-DD" (what <input type="date"> sends), or empty for "not known yet". */
const ZOptionalDate = z
  .string({ error: 'projectDateInvalid' })
  .nullish()
  .transform((raw, ctx) => {
    const text = raw?.trim() ?? '';
    if (text === '') return null;
    if (!isDateOnly(text)) {
      ctx.addIssue({ code: 'custom', message: 'projectDateInvalid' });
      return z.NEVER;
    }
    return text;
  });

const requiredText = (message: ProjectMessageKey, max = PROJECT_TEXT_MAX) =>
  text(z.string().min(1, { error: message }).max(max, { error: 'projectTextTooLong' }), { typeError: message });

const optionalText = text(z.string().max(PROJECT_TEXT_MAX, { error: 'projectTextTooLong' }), {
  typeError: 'projectTextTooLong',
})
  .nullish()
  .transform((v) => (v ? v : null));

/** Coerced, so a no-JavaScript post (all strings) parses like a client call; "" is "not chosen". */
const recordId = (message: ProjectMessageKey) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .positive({ error: message })
      .max(RECORD_ID_MAX, { error: message }),
  );

export const projectFields = z.object({
  code: text(
    z
      .string()
      .min(1, { error: 'projectCodeRequired', abort: true })
      .max(40, { error: 'projectCodeInvalid' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'projectCodeInvalid' }),
    { typeError: 'projectCodeRequired' },
  ),
  name: requiredText('projectNameRequired'),
  departmentId: recordId('projectDepartmentRequired'),
  ownerUnit: requiredText('projectOwnerUnitRequired'),
  area: requiredText('projectAreaRequired'),
  buildType: z.enum(BuildType, { error: 'projectChoiceRequired' }),
  scope: text(z.string().max(PROJECT_SCOPE_MAX, { error: 'projectTextTooLong' }), {
    typeError: 'projectTextTooLong',
  }).default(''),
  totalInvestment: ZMoney,
  plannedStart: ZOptionalDate,
  plannedCompletion: ZOptionalDate,
  actualStart: ZOptionalDate,
  actualCompletion: ZOptionalDate,
  leaderInCharge: optionalText,
  contactName: optionalText,
  contactPhone: optionalText,

  // the plan for one year
  planYearId: recordId('projectPlanYearRequired'),
  stage: z.enum(Stage, { error: 'projectChoiceRequired' }),
  investorType: z.enum(InvestorType, { error: 'projectChoiceRequired' }),
  direction: z.enum(Direction, { error: 'projectChoiceRequired' }),
  cumulativeBeforeYear: ZMoney,
  annualPlan: ZOptionalMoney,
  monthly: z.array(ZOptionalMoney).length(MONTHS, { error: 'projectMoneyInvalid' }),
  milestoneTarget: optionalText,

  /** why a plan already reported against changes; required by the server only then */
  reason: ZPlanChangeReason,
});

type ProjectFieldValues = z.output<typeof projectFields>;

/** The invariants, each on the field it concerns (the split's on its own row under the twelve months). */
function refinePlan(value: ProjectFieldValues, ctx: z.RefinementCtx) {
  for (const violation of checkPlanInvariants(value)) {
    ctx.addIssue({ code: 'custom', message: violation.key, path: [violation.field] });
  }
}

export const ZCreateProject = projectFields.superRefine(refinePlan);
export type CreateProjectInput = z.input<typeof ZCreateProject>;
export type CreateProjectValues = z.output<typeof ZCreateProject>;

export const ZUpdateProject = projectFields
  .extend({
    id: z.coerce
      .number({ error: 'recordInvalid' })
      .int({ error: 'recordInvalid' })
      .positive({ error: 'recordInvalid' })
      .max(RECORD_ID_MAX, { error: 'recordInvalid' }),
    /** the version of the year's plan the form was filled from; null when the project had no plan for that year */
    planVersion: z
      .number({ error: 'recordInvalid' })
      .int({ error: 'recordInvalid' })
      .positive({ error: 'recordInvalid' })
      .max(RECORD_ID_MAX, { error: 'recordInvalid' })
      .nullable(),
  })
  .superRefine(refinePlan);
export type UpdateProjectValues = z.output<typeof ZUpdateProject>;
