/**
 * One demo problem's timeline from its story: raised, assigned, replies of the lead and supporting units, the
 * closure proposed, sent back, closed, reopened or escalated, each on a working day in order before the demo date,
 * and the problem's row as those entries leave it.
 */
import type { ProblemLevel, ProblemStatus } from '@/generated/prisma/enums';
import { BUREAU } from './catalog';
import type { Random, SeedProject } from './generate';
import {
  LEAD_REPLIES,
  RESOLUTIONS,
  SEND_BACK_REASONS,
  SUPERVISION_REQUIREMENT,
  SUPPORT_REPLIES,
  type IssueSpec,
} from './issues';
import { addDays, addWorkingDays, officeTimes, weekdayIn, weekdaysInside } from './problem-days';
import { LAST_ENTRY_DAY, type ProblemStory, type SeedProblem, type SeedProblemEntry, type UserOf } from './problems';

export interface TimelinePlan {
  story: ProblemStory;
  project: SeedProject | null;
  source: SeedProblem['source'];
  issue: IssueSpec;
  title: string;
  description: string;
  raisedByDepartment: string;
  /** the day it was raised, a weekday */
  raised: string;
  lead: string;
  supporting: string[];
}

export type BuiltProblem = Omit<SeedProblem, 'seq' | 'number' | 'supervision'> & {
  supervision: { requirement: string; escalatedAt: Date } | null;
};

type Draft = Omit<SeedProblemEntry, 'at'> & { day: string };

const STATUS_OF: Record<ProblemStory, ProblemStatus> = {
  pending: 'PENDING',
  inProgress: 'IN_PROGRESS',
  dueSoon: 'IN_PROGRESS',
  overdue: 'IN_PROGRESS',
  escalated: 'IN_PROGRESS',
  sentBack: 'IN_PROGRESS',
  reopened: 'IN_PROGRESS',
  proposed: 'CLOSE_PROPOSED',
  closedEarly: 'CLOSED',
  closedNovember: 'CLOSED',
  closedDecember: 'CLOSED',
};

const CLOSE_CONFIRMED = '经核实，问题已解决，同意办结。';
const REOPEN_REASON = '项目单位反映问题再次出现，影响施工推进，重新交办。';
const LEADER_NOTE = '请牵头单位加大协调力度，倒排工期，确保按期解决。';
const ESCALATED_REPLY = '已制定倒排工期计划，每日调度，确保按督办要求办结。';

export function buildTimeline(
  rnd: Random,
  plan: TimelinePlan,
  people: { userOf: UserOf; leader: string },
): BuiltProblem {
  const { story, issue, lead, supporting } = plan;
  const status = STATUS_OF[story];
  const drafts: Draft[] = [];
  const add = (kind: Draft['kind'], day: string, by: string | null, body = '', details = {}) =>
    drafts.push({
      kind,
      day,
      author: by === null ? null : by === 'leader' ? people.leader : people.userOf(by),
      department: by === null || by === 'leader' ? null : by,
      body,
      details,
    });
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const leadReplies = LEAD_REPLIES[issue.category];
  let progress = 0;
  /** `count` replies spread between two days, the lead unit's in order of progress, a supporting unit's among them */
  const replies = (after: string, before: string, count: number) => {
    const days = weekdaysInside(rnd, after, before, count);
    days.forEach((day, i) => {
      const bySupport = supporting.length > 0 && i === 1;
      if (bySupport) add('REPLY', day, pick(supporting), pick(SUPPORT_REPLIES));
      else add('REPLY', day, lead, leadReplies[Math.min(progress++, leadReplies.length - 1)]!);
    });
  };

  add('RAISED', plan.raised, plan.raisedByDepartment);
  if (story === 'pending') return finish(rnd, plan, status, drafts, null, 'NORMAL', null);

  const assigned = addWorkingDays(plan.raised, 1 + Math.floor(rnd() * 3));
  let level: ProblemLevel = story === 'escalated' || plan.project?.named || rnd() < 0.2 ? 'KEY' : 'NORMAL';
  const assign = (day: string, due: string) =>
    add('ASSIGNED', day, BUREAU, '请牵头单位抓紧协调，按期办结。', {
      lead,
      supporting,
      leader: people.leader,
      dueDate: due,
      level,
    });
  const propose = (day: string) => add('CLOSE_PROPOSED', day, lead, RESOLUTIONS[issue.category]);
  const close = (day: string) => add('CLOSED', day, BUREAU, CLOSE_CONFIRMED);
  let due: string;
  let escalation: { day: string } | null = null;

  switch (story) {
    case 'inProgress':
    case 'dueSoon':
    case 'overdue': {
      due =
        story === 'dueSoon'
          ? weekdayIn(rnd, '2025-12-03', '2025-12-05')
          : story === 'overdue'
            ? weekdayIn(rnd, '2025-11-27', LAST_ENTRY_DAY) // under 7 days overdue: not yet for 督办
            : weekdayIn(rnd, '2025-12-09', '2026-01-16');
      assign(assigned, due);
      if (level === 'KEY') add('REPLY', assigned, 'leader', LEADER_NOTE);
      replies(assigned, addDays(LAST_ENTRY_DAY, 1), 1 + Math.floor(rnd() * 3));
      break;
    }
    case 'escalated': {
      due = '2025-11-20';
      escalation = { day: addDays(due, 7) };
      assign(assigned, due);
      replies(assigned, due, 2);
      add('ESCALATED', escalation.day, BUREAU, SUPERVISION_REQUIREMENT, { level: 'SUPERVISED' });
      add('REPLY', addWorkingDays(escalation.day, 1), 'leader', LEADER_NOTE);
      add('REPLY', LAST_ENTRY_DAY, lead, ESCALATED_REPLY);
      level = 'SUPERVISED';
      break;
    }
    case 'sentBack': {
      due = weekdayIn(rnd, '2025-12-10', '2025-12-31');
      assign(assigned, due);
      const proposed = weekdayIn(rnd, '2025-11-10', '2025-11-20');
      replies(assigned, proposed, 1);
      propose(proposed);
      const sentBack = addWorkingDays(proposed, 1 + Math.floor(rnd() * 2));
      add('SENT_BACK', sentBack, BUREAU, pick(SEND_BACK_REASONS));
      replies(sentBack, addDays(LAST_ENTRY_DAY, 1), 1);
      break;
    }
    case 'reopened': {
      const firstDue = addDays(assigned, 30);
      assign(assigned, firstDue);
      const proposed = addWorkingDays(assigned, 10 + Math.floor(rnd() * 10));
      replies(assigned, proposed, 1);
      propose(proposed);
      close(addWorkingDays(proposed, 1 + Math.floor(rnd() * 3)));
      const reopened = weekdayIn(rnd, '2025-11-10', '2025-11-19');
      add('REOPENED', reopened, BUREAU, REOPEN_REASON);
      due = weekdayIn(rnd, '2025-12-15', '2025-12-26');
      assign(reopened, due);
      replies(reopened, addDays(LAST_ENTRY_DAY, 1), 1);
      break;
    }
    case 'proposed': {
      due = weekdayIn(rnd, '2025-12-08', '2025-12-31');
      assign(assigned, due);
      const proposed = weekdayIn(rnd, '2025-11-24', LAST_ENTRY_DAY);
      replies(assigned, proposed, 1 + Math.floor(rnd() * 2));
      propose(proposed);
      break;
    }
    default: {
      // closed: early in the year, in November, or in the first days of December
      const closed =
        story === 'closedDecember'
          ? weekdayIn(rnd, '2025-12-01', LAST_ENTRY_DAY)
          : story === 'closedNovember'
            ? weekdayIn(rnd, maxDay(addWorkingDays(assigned, 12), '2025-11-03'), '2025-11-28')
            : addWorkingDays(assigned, 12 + Math.floor(rnd() * 25));
      const proposed = addWorkingDays(addDays(closed, -5), Math.floor(rnd() * 3));
      due = addDays(proposed, Math.floor(rnd() * 25) - 5);
      assign(assigned, maxDay(due, addDays(assigned, 10)));
      due = maxDay(due, addDays(assigned, 10));
      replies(assigned, proposed, 1 + Math.floor(rnd() * 3));
      propose(proposed);
      close(closed);
    }
  }
  return finish(rnd, plan, status, drafts, due, level, escalation);
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

function finish(
  rnd: Random,
  plan: TimelinePlan,
  status: ProblemStatus,
  drafts: Draft[],
  due: string | null,
  level: ProblemLevel,
  escalation: { day: string } | null,
): BuiltProblem {
  // keep the days in order even where two anchors met (a reply drawn on the day of a later decision)
  for (let i = 1; i < drafts.length; i++) drafts[i]!.day = maxDay(drafts[i]!.day, drafts[i - 1]!.day);
  const times = officeTimes(
    rnd,
    drafts.map((d) => d.day),
  );
  const entries: SeedProblemEntry[] = drafts.map(({ day: _day, ...d }, i) => ({ ...d, at: times[i]! }));
  const closing = status === 'CLOSED' ? entries.findLast((e) => e.kind === 'CLOSED')! : null;
  const proposal = entries.findLast((e) => e.kind === 'CLOSE_PROPOSED');
  const escalated = escalation ? entries.find((e) => e.kind === 'ESCALATED')! : null;
  return {
    projectCode: plan.project?.code ?? null,
    source: plan.source,
    category: plan.issue.category,
    title: plan.title,
    description: plan.description,
    raisedByDepartment: plan.raisedByDepartment,
    raisedBy: entries[0]!.author!,
    lead: status === 'PENDING' ? null : plan.lead,
    supporting: status === 'PENDING' ? [] : plan.supporting,
    leader:
      status === 'PENDING' ? null : ((entries.find((e) => e.kind === 'ASSIGNED')?.details.leader as string) ?? null),
    dueDate: due,
    level,
    status,
    supervision: escalated ? { requirement: escalated.body, escalatedAt: escalated.at } : null,
    resolution: closing ? (proposal?.body ?? null) : null,
    closedBy: closing?.author ?? null,
    closedAt: closing?.at ?? null,
    createdAt: entries[0]!.at,
    updatedAt: entries[entries.length - 1]!.at,
    version: entries.length,
    entries,
  };
}
