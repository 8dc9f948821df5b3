'use server';

/**
 * Problem (协调问题) actions: raise (directly, or from a report in the review queue), the flow's steps (assign,
 * reply, propose closure, close, send back, reopen, escalate), and the bureau's categories and escalation setting.
 * Each is the wrapper's checks around a write in lib/server/problems; the flow's rule is lib/domain/problems/flow.ts.
 */
import { defineAction } from '@/lib/actions/safe-action';
import {
  addProblemCategory as addCategory,
  moveProblemCategory as moveCategory,
  renameProblemCategory as renameCategory,
  setProblemCategoryActive as setCategoryActive,
  setProblemEscalationDays as setEscalationDays,
} from '@/lib/server/problems/problem-categories';
import {
  assignProblem as assign,
  escalateProblem as escalate,
  moveProblem,
  replyToProblem as reply,
} from '@/lib/server/problems/problem-writes-flow';
import {
  raiseProblem as raise,
  raiseProblemFromReport as raiseFromReport,
} from '@/lib/server/problems/problem-writes-raise';
import {
  ZAddProblemCategory,
  ZAssignProblem,
  ZEscalateProblem,
  ZMoveProblemCategory,
  ZProblemEscalationDays,
  ZProblemText,
  ZRaiseFromReport,
  ZRaiseProblem,
  ZRenameProblemCategory,
  ZSetProblemCategoryActive,
} from '@/lib/validations/problem';

const REVALIDATE = ['/problems'];

export const raiseProblem = defineAction({
  name: 'problem.raise',
  permission: 'problem.raise',
  input: ZRaiseProblem,
  revalidate: REVALIDATE,
  run: raise,
});

/** The review queue's one click; a second click on the same field returns the problem the first one made. */
export const raiseProblemFromReport = defineAction({
  name: 'problem.raiseFromReport',
  permission: 'problem.manage',
  input: ZRaiseFromReport,
  revalidate: [...REVALIDATE, '/reports/review'],
  run: raiseFromReport,
});

export const assignProblem = defineAction({
  name: 'problem.assign',
  permission: 'problem.manage',
  input: ZAssignProblem,
  revalidate: REVALIDATE,
  run: assign,
});

export const replyToProblem = defineAction({
  name: 'problem.reply',
  permission: 'problem.work',
  input: ZProblemText,
  revalidate: REVALIDATE,
  run: reply,
});

export const proposeProblemClosure = defineAction({
  name: 'problem.proposeClose',
  permission: 'problem.work',
  input: ZProblemText,
  revalidate: REVALIDATE,
  run: (ctx) => moveProblem(ctx, 'proposeClose'),
});

export const closeProblem = defineAction({
  name: 'problem.close',
  permission: 'problem.manage',
  input: ZProblemText,
  revalidate: REVALIDATE,
  run: (ctx) => moveProblem(ctx, 'close'),
});

export const sendBackProblem = defineAction({
  name: 'problem.sendBack',
  permission: 'problem.manage',
  input: ZProblemText,
  revalidate: REVALIDATE,
  run: (ctx) => moveProblem(ctx, 'sendBack'),
});

export const reopenProblem = defineAction({
  name: 'problem.reopen',
  permission: 'problem.manage',
  input: ZProblemText,
  revalidate: REVALIDATE,
  run: (ctx) => moveProblem(ctx, 'reopen'),
});

export const escalateProblem = defineAction({
  name: 'problem.escalate',
  permission: 'problem.manage',
  input: ZEscalateProblem,
  revalidate: REVALIDATE,
  run: escalate,
});

const SETTINGS = ['/problems/settings'];

export const addProblemCategory = defineAction({
  name: 'problemCategory.add',
  permission: 'problem.manage',
  input: ZAddProblemCategory,
  revalidate: SETTINGS,
  run: addCategory,
});

export const renameProblemCategory = defineAction({
  name: 'problemCategory.rename',
  permission: 'problem.manage',
  input: ZRenameProblemCategory,
  revalidate: SETTINGS,
  run: renameCategory,
});

export const moveProblemCategory = defineAction({
  name: 'problemCategory.move',
  permission: 'problem.manage',
  input: ZMoveProblemCategory,
  revalidate: SETTINGS,
  run: moveCategory,
});

export const setProblemCategoryActive = defineAction({
  name: 'problemCategory.setActive',
  permission: 'problem.manage',
  input: ZSetProblemCategoryActive,
  revalidate: SETTINGS,
  run: setCategoryActive,
});

export const setProblemEscalationDays = defineAction({
  name: 'problem.setEscalationDays',
  permission: 'problem.manage',
  input: ZProblemEscalationDays,
  revalidate: SETTINGS,
  run: setEscalationDays,
});
