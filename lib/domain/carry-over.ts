/**
 * Which of a closed year's projects carry into the next plan, as what, and why (issue 19, item 2): the proposal
 * the bureau accepts, changes or drops project by project. Pure: no Prisma, no Next.
 */
import Decimal from 'decimal.js';
import type { Stage } from '@/generated/prisma/enums';
import { closedThrough } from './closed-years';

export interface CarryOverFacts {
  /** the project's stage in the closed year */
  stage: Stage;
  /** the project's actual completion, YYYY-MM-DD, or null */
  actualCompletion: string | null;
  /** a 前期 project the department marked ready to start (its latest report's readyToStart, or the construction permit) */
  readyToStart: boolean;
}

/** Why a project is proposed as it is: a key under `carryOver.reasons` in messages/*.json. */
export type CarryOverReason =
  | 'constructionContinues'
  | 'constructionCompleted'
  | 'completed'
  | 'completionSlipped'
  | 'readyToStart'
  | 'stillPreliminary';

export interface CarryOverProposal {
  /** the stage proposed for the next year; null: not carried */
  stage: Stage | null;
  reason: CarryOverReason;
  /** the bureau should look at it: a 完工 project that did not complete, or a 新开工 that is only a candidate */
  flagged: boolean;
}

/** Completed in (or before) the closed year: a completion after its 31 December is next year's. */
export function completedBy(year: number, actualCompletion: string | null): boolean {
  return actualCompletion !== null && actualCompletion <= closedThrough(year);
}

export function proposeCarryOver(year: number, facts: CarryOverFacts): CarryOverProposal {
  const completed = completedBy(year, facts.actualCompletion);
  switch (facts.stage) {
    case 'ONGOING':
    case 'NEW_START':
      return completed
        ? { stage: null, reason: 'constructionCompleted', flagged: false }
        : { stage: 'ONGOING', reason: 'constructionContinues', flagged: false };
    case 'COMPLETION':
      return completed
        ? { stage: null, reason: 'completed', flagged: false }
        : { stage: 'ONGOING', reason: 'completionSlipped', flagged: true };
    case 'PRELIMINARY':
      return facts.readyToStart
        ? { stage: 'NEW_START', reason: 'readyToStart', flagged: true }
        : { stage: 'PRELIMINARY', reason: 'stillPreliminary', flagged: false };
  }
}

/**
 * 截至上年底累计完成投资 of the next year's plan: the closed year's own cumulativeBeforeYear plus the year's approved
 * monthly figures (a month not approved counts nothing: only approved figures are official). Exact, in 万元 with
 * two decimals; never typed by anyone.
 */
export function cumulativeBeforeNextYear(cumulativeBeforeYear: string, approvedMonthly: readonly (string | null)[]) {
  return approvedMonthly
    .reduce((sum: Decimal, amount) => (amount === null ? sum : sum.plus(amount)), new Decimal(cumulativeBeforeYear))
    .toFixed(2);
}
