import { z } from 'zod';
import { Stage } from '@/generated/prisma/enums';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './admin';
import { RECORD_ID_MAX } from './record-id';

/**
 * Opening the next plan year from a closed one (the carry-over wizard, lib/server/plan/open-next-plan-year.ts):
 * the bureau's decision on each project of the closed year. Shared by the wizard's form and the action. Messages
 * are keys under `validation` in messages/*.json.
 */
export const CARRY_OVER_MESSAGES = [
  'carryOverYearInvalid',
  'carryOverDecisionsRequired',
  'carryOverTooMany',
  'carryOverDecisionInvalid',
  'carryOverDuplicate',
  'recordInvalid',
] as const;
export type CarryOverMessageKey = (typeof CARRY_OVER_MESSAGES)[number];

/** More projects than any district's plan holds (Yuzhong's has about 200): the bound of one wizard's decisions. */
export const CARRY_OVER_MAX = 5000;

/** Accept the proposal as shown, drop the project, or carry it with another stage. */
export const CARRY_OVER_DECISIONS = ['accept', 'drop', ...Object.values(Stage)] as const;
export type CarryOverDecision = (typeof CARRY_OVER_DECISIONS)[number];

const ZProjectId = z
  .number({ error: 'recordInvalid' })
  .int({ error: 'recordInvalid' })
  .positive({ error: 'recordInvalid' })
  .max(RECORD_ID_MAX, { error: 'recordInvalid' });

export const ZCarryOverDecision = z.object({
  projectId: ZProjectId,
  decision: z.enum(CARRY_OVER_DECISIONS, { error: 'carryOverDecisionInvalid' }),
});

/**
 * One decision for every project of the closed year (the server refuses a list that misses one or names a project
 * the year does not have). The next year is the closed year + 1; nothing else is typed: the stages come from the
 * decisions, the cumulative figures from the database.
 */
export const ZOpenNextPlanYear = z.object({
  fromYear: z
    .number({ error: 'carryOverYearInvalid' })
    .int({ error: 'carryOverYearInvalid' })
    .min(PLAN_YEAR_MIN, { error: 'carryOverYearInvalid' })
    // the next year must be a year a plan year may have
    .max(PLAN_YEAR_MAX - 1, { error: 'carryOverYearInvalid' }),
  decisions: z
    .array(ZCarryOverDecision, { error: 'carryOverDecisionsRequired' })
    .min(1, { error: 'carryOverDecisionsRequired' })
    .max(CARRY_OVER_MAX, { error: 'carryOverTooMany' })
    .refine((list) => new Set(list.map((d) => d.projectId)).size === list.length, { error: 'carryOverDuplicate' }),
});
export type OpenNextPlanYearInput = z.infer<typeof ZOpenNextPlanYear>;
