import { z } from 'zod';
import { parseMoneyText, toHalfWidth, type MoneyTextProblem } from '@/lib/domain/money-text';
import { DepartmentKind, Role } from '@/generated/prisma/enums';
import { passwordProblems, ZNewPassword } from './password';
import { RECORD_ID_MAX } from './record-id';
import { text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG } from './text';

/**
 * Inputs of the administration pages (users, departments, plan years), shared by each form's zodResolver and the
 * server action that receives it. Messages are keys under `validation` in messages/*.json.
 *
 * Refinements are added last: zod refuses .pick/.extend on an object that already carries them, so each variant
 * is derived from the plain field objects below and refined afterwards.
 */

export const ADMIN_MESSAGES = [
  'newUsernameRequired',
  'usernameLength',
  'usernameCharacters',
  'usernameTaken',
  'displayNameRequired',
  'displayNameTooLong',
  'roleRequired',
  'departmentRequiredForRole',
  'departmentUnknown',
  'departmentInactive',
  'departmentNameRequired',
  'departmentNameTooLong',
  'departmentNameTaken',
  'shortNameRequired',
  'shortNameTooLong',
  'departmentKindRequired',
  'planYearInvalid',
  'planYearRange',
  'planYearTaken',
  'planTitleRequired',
  'planTitleTooLong',
  'moneyRequired',
  'moneyInvalid',
  'moneyTooManyDecimals',
  'moneyTooLarge',
  'moneyNotPositive',
  'monthRange',
  'deadlineDayRange',
  'recordInvalid',
  TEXT_INVALID_CHARACTERS,
  TEXT_TOO_LONG,
] as const;
export type AdminMessageKey = (typeof ADMIN_MESSAGES)[number];

const ZId = z
  .number({ error: 'recordInvalid' })
  .int({ error: 'recordInvalid' })
  .positive({ error: 'recordInvalid' })
  .max(RECORD_ID_MAX, { error: 'recordInvalid' });

// ---------------------------------------------------------------------------------------------------- users

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;

/**
 * Refused rather than lower-cased: a user would otherwise try to sign in with the capitals they were given and fail,
 * since sign-in compares usernames exactly.
 */
const ZUsername = text(
  z
    .string()
    .min(1, { error: 'newUsernameRequired', abort: true })
    .min(USERNAME_MIN, { error: 'usernameLength' })
    .max(USERNAME_MAX, { error: 'usernameLength' })
    .regex(/^[a-z0-9._-]+$/, { error: 'usernameCharacters' }),
  { typeError: 'newUsernameRequired' },
);

const userFields = z.object({
  id: ZId,
  username: ZUsername,
  displayName: text(z.string().min(1, { error: 'displayNameRequired' }).max(64, { error: 'displayNameTooLong' }), {
    typeError: 'displayNameRequired',
  }),
  role: z.enum(Role, { error: 'roleRequired' }),
  departmentId: ZId.nullable(),
  password: ZNewPassword,
});

/** A department user reports for one department, so they cannot exist without it; other roles may name one. */
function requireDepartmentForRole(value: { role: Role; departmentId: number | null }, ctx: z.RefinementCtx) {
  if (value.role === 'DEPARTMENT' && value.departmentId === null) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'departmentRequiredForRole' });
  }
}

export const ZCreateUser = userFields
  .pick({ username: true, displayName: true, role: true, departmentId: true, password: true })
  .superRefine((value, ctx) => {
    requireDepartmentForRole(value, ctx);
    // the same rule as withUsernameCheck(), inline because that helper widens the schema's input type to unknown
    if (passwordProblems(value.password, value.username).includes('passwordContainsUsername')) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'passwordContainsUsername' });
    }
  });

/** Display name, role and department; the username is the sign-in identity and the audit trail's name, so it stays. */
export const ZUpdateUser = userFields
  .pick({ id: true, displayName: true, role: true, departmentId: true })
  .superRefine(requireDepartmentForRole);

/** The action checks "must not contain the username" itself, since only it knows the username. */
export const ZResetPassword = userFields.pick({ id: true, password: true });

export const ZSetUserActive = z.object({ id: ZId, active: z.boolean({ error: 'recordInvalid' }) });

// ---------------------------------------------------------------------------------------------------- departments

const departmentFields = z.object({
  id: ZId,
  name: text(z.string().min(1, { error: 'departmentNameRequired' }).max(64, { error: 'departmentNameTooLong' }), {
    typeError: 'departmentNameRequired',
  }),
  shortName: text(z.string().min(1, { error: 'shortNameRequired' }).max(32, { error: 'shortNameTooLong' }), {
    typeError: 'shortNameRequired',
  }),
  kind: z.enum(DepartmentKind, { error: 'departmentKindRequired' }),
  active: z.boolean({ error: 'recordInvalid' }),
});

export const ZCreateDepartment = departmentFields.pick({ name: true, shortName: true, kind: true });

export const ZUpdateDepartment = departmentFields.pick({ id: true, name: true, shortName: true, kind: true });

export const ZSetDepartmentActive = departmentFields.pick({ id: true, active: true });

export const ZDeleteDepartment = departmentFields.pick({ id: true });

// ---------------------------------------------------------------------------------------------------- plan years

export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
export const DEADLINE_DAY_MAX = 28; // every month has a 28th, so a deadline never falls on a missing day

/** Full-width digits and punctuation to ASCII (see lib/domain/money-text.ts); also used for whole numbers. */
export const normaliseMoneyInput = toHalfWidth;

export type MoneyParse = { ok: true; value: string } | { ok: false; message: AdminMessageKey };

const ADMIN_MONEY_MESSAGE: Record<MoneyTextProblem, AdminMessageKey> = {
  required: 'moneyRequired',
  invalid: 'moneyInvalid',
  negative: 'moneyInvalid',
  tooManyDecimals: 'moneyTooManyDecimals',
  tooLarge: 'moneyTooLarge',
};

/** A 万元 amount typed by a person, as the canonical decimal string the database stores ("2478000.00"). */
export function parseMoneyInput(raw: string): MoneyParse {
  const parsed = parseMoneyText(raw);
  return parsed.ok ? parsed : { ok: false, message: ADMIN_MONEY_MESSAGE[parsed.problem] };
}

const ZApprovedInvestment = z.string({ error: 'moneyRequired' }).transform((raw, ctx) => {
  const parsed = parseMoneyInput(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  if (/^0+\.00$/.test(parsed.value)) {
    ctx.addIssue({ code: 'custom', message: 'moneyNotPositive' });
    return z.NEVER;
  }
  return parsed.value;
});

const planYearFields = z.object({
  id: ZId,
  year: z
    .number({ error: 'planYearInvalid' })
    .int({ error: 'planYearInvalid' })
    .min(PLAN_YEAR_MIN, { error: 'planYearRange' })
    .max(PLAN_YEAR_MAX, { error: 'planYearRange' }),
  title: text(z.string().min(1, { error: 'planTitleRequired' }).max(100, { error: 'planTitleTooLong' }), {
    typeError: 'planTitleRequired',
  }),
  approvedInvestment: ZApprovedInvestment,
  currentMonth: z.number({ error: 'monthRange' }).int({ error: 'monthRange' }).min(1, { error: 'monthRange' }).max(12, {
    error: 'monthRange',
  }),
  reportDeadlineDay: z
    .number({ error: 'deadlineDayRange' })
    .int({ error: 'deadlineDayRange' })
    .min(1, { error: 'deadlineDayRange' })
    .max(DEADLINE_DAY_MAX, { error: 'deadlineDayRange' }),
});

/** A new year starts as a draft; reporting month and deadline day keep their defaults until set. */
export const ZCreatePlanYear = planYearFields.pick({ year: true, title: true, approvedInvestment: true });

export const ZUpdatePlanYear = planYearFields.pick({
  id: true,
  title: true,
  approvedInvestment: true,
  currentMonth: true,
  reportDeadlineDay: true,
});

/** Activate (DRAFT → ACTIVE) and close (→ CLOSED) name only the year. */
export const ZPlanYearId = planYearFields.pick({ id: true });

/** Closing a year: the year typed again, which the close compares with the year of `id` (a typo closes nothing). */
export const ZClosePlanYear = planYearFields.pick({ id: true }).extend({
  confirmYear: z.preprocess(toWholeNumber, z.number({ error: 'planYearInvalid' }).int({ error: 'planYearInvalid' })),
});

/** Form values arrive as text; full-width digits from a Chinese input method count as digits. NaN fails the schema. */
export function toWholeNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const text = normaliseMoneyInput(value);
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
