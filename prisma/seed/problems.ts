/**
 * The demo's 协调问题: about sixty problems the departments raised from their reports' 需协调事项 (or 存在问题) over
 * 2025, and a few the bureau raised directly, in every state on the demo date (3 December 2025): pending, in
 * progress (some due soon, some overdue, one escalated to a 督办单), proposed for closure, closed, and one reopened.
 * Deterministic: its own generator from the seed, so the rest of the demo data does not move.
 */
import type { ProblemEntryKind, ProblemLevel, ProblemSourceField, ProblemStatus } from '@/generated/prisma/enums';
import { SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import { problemNumber, supervisionNumber } from '@/lib/domain/problems/numbering';
import { AREA_SUBDISTRICT, BUREAU } from './catalog';
import type { Random, SeedProject } from './generate';
import {
  CONSTRUCTION_ISSUES,
  DISTRICT_ISSUE,
  PRELIMINARY_ISSUES,
  type IssueSpec,
  type ProblemCategoryName,
  type UnitRef,
} from './issues';
import { addDays, addWorkingDays, localDayOf, weekdayIn } from './problem-days';
import { buildTimeline, type TimelinePlan } from './problem-timeline';

export interface SeedProblemEntry {
  kind: ProblemEntryKind;
  /** the author's username; null for what the system did */
  author: string | null;
  /** the unit the author acted for */
  department: string | null;
  body: string;
  /** ASSIGNED: lead, supporting, leader (usernames), dueDate, level; ESCALATED: the 督办单 number */
  details: Record<string, unknown>;
  at: Date;
}

export interface SeedProblem {
  seq: number;
  number: string;
  projectCode: string | null;
  source: { month: number; field: ProblemSourceField } | null;
  category: ProblemCategoryName;
  title: string;
  description: string;
  raisedByDepartment: string;
  raisedBy: string;
  lead: string | null;
  supporting: string[];
  /** the LEADER user's username */
  leader: string | null;
  dueDate: string | null;
  level: ProblemLevel;
  status: ProblemStatus;
  supervision: { seq: number; number: string; requirement: string; escalatedAt: Date } | null;
  resolution: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  entries: SeedProblemEntry[];
}

/** What a problem goes through; its state on the demo date follows. */
export type ProblemStory =
  | 'pending'
  | 'inProgress'
  | 'dueSoon'
  | 'overdue'
  | 'escalated'
  | 'sentBack'
  | 'reopened'
  | 'proposed'
  | 'closedEarly'
  | 'closedNovember'
  | 'closedDecember';

interface Slot {
  story: ProblemStory;
  /** the source report's months */
  months: [number, number];
  category?: ProblemCategoryName;
}

const slots = (n: number, story: ProblemStory, months: [number, number], category?: ProblemCategoryName) =>
  Array.from({ length: n }, (): Slot => ({ story, months, category }));

/** The stories of the problems taken from reports (57); the bureau raises three more directly. */
const FROM_REPORTS: readonly Slot[] = [
  // the most constrained first: the month of one report, or a category
  ...slots(7, 'pending', [10, 10]),
  ...slots(1, 'escalated', [8, 9], '管线迁改'),
  ...slots(1, 'reopened', [6, 8]),
  ...slots(4, 'closedDecember', [8, 10]),
  ...slots(6, 'closedNovember', [7, 9]),
  ...slots(10, 'closedEarly', [1, 7]),
  ...slots(5, 'overdue', [7, 10]),
  ...slots(5, 'dueSoon', [7, 10]),
  ...slots(2, 'sentBack', [7, 9]),
  ...slots(6, 'proposed', [7, 10]),
  ...slots(10, 'inProgress', [5, 10]),
];

/** The last day an entry may fall on: the day before the demo date. */
export const LAST_ENTRY_DAY = addDays(SEED_DEMO_DATE, -1);

const LEADER_USERNAMES: Readonly<Record<string, string>> = {
  张副区长: 'leader-zhang',
  王副区长: 'leader-wang',
  刘副区长: 'leader-liu',
  陈副区长: 'leader-chen',
  赵副区长: 'leader-zhao',
};
/** 李区长, the demo's LEADER login: every problem reaches the district head; one without a project is his. */
const DISTRICT_HEAD = 'leader';

/** The five 副区长 who are the projects' leaders in charge, as LEADER users. */
export const LEADER_USERS = Object.entries(LEADER_USERNAMES).map(([displayName, username]) => ({
  username,
  displayName,
}));

interface Candidate {
  project: SeedProject;
  month: number;
  issue: IssueSpec;
  field: ProblemSourceField;
  text: string;
  reviewedAt: Date;
}

const ISSUES = [...CONSTRUCTION_ISSUES, ...PRELIMINARY_ISSUES];
const issueOf = (problem: string) => ISSUES.find((i) => i.problem === problem);

/** Every approved report with a problem text, with the issue it came from. */
function candidates(projects: readonly SeedProject[]): Candidate[] {
  return projects.flatMap((project) =>
    project.reports.flatMap((r): Candidate[] => {
      const issue = issueOf(r.problems);
      if (!issue || r.status !== 'APPROVED' || !r.reviewedAt) return [];
      const field: ProblemSourceField = r.coordinationNeeded ? 'COORDINATION' : 'PROBLEMS';
      const text = r.coordinationNeeded || r.problems;
      return [{ project, month: r.month, issue, field, text, reviewedAt: r.reviewedAt }];
    }),
  );
}

/**
 * Picks one report per slot: an issue of a project once, a project not yet used before one already used, its
 * department used as little as possible so far, the 需协调事项 before the 存在问题.
 */
function chooseReports(rnd: Random, all: Candidate[]): { slot: Slot; candidate: Candidate }[] {
  const usedProjects = new Set<string>();
  const usedIssues = new Set<string>();
  const perDepartment = new Map<string, number>();
  return FROM_REPORTS.map((slot) => {
    const fits = all.filter(
      (c) =>
        !usedIssues.has(`${c.project.code} ${c.issue.title}`) &&
        c.month >= slot.months[0] &&
        c.month <= slot.months[1] &&
        (!slot.category || c.issue.category === slot.category),
    );
    if (fits.length === 0) {
      throw new Error(`no report left for a ${slot.story} problem`);
    }
    const score = (c: Candidate) =>
      (usedProjects.has(c.project.code) ? 100 : 0) +
      (perDepartment.get(c.project.department) ?? 0) * 2 +
      (c.field === 'PROBLEMS' ? 1 : 0);
    const best = Math.min(...fits.map(score));
    const top = fits.filter((c) => score(c) === best);
    const candidate = top[Math.floor(rnd() * top.length)]!;
    usedProjects.add(candidate.project.code);
    usedIssues.add(`${candidate.project.code} ${candidate.issue.title}`);
    perDepartment.set(candidate.project.department, (perDepartment.get(candidate.project.department) ?? 0) + 1);
    return { slot, candidate };
  });
}

function unitOf(ref: UnitRef, project: SeedProject | null): string {
  if (ref === 'OWN') return project?.department ?? BUREAU;
  if (ref === 'STREET') return (project && AREA_SUBDISTRICT[project.area]) ?? '解放碑街道';
  return ref;
}

function unitsFor(issue: IssueSpec, project: SeedProject | null): { lead: string; supporting: string[] } {
  let lead = unitOf(issue.lead, project);
  // the bureau assigns, it does not lead: a project's own department takes it
  if (lead === BUREAU && project) lead = project.department;
  const supporting = [...new Set(issue.supporting.map((r) => unitOf(r, project)))].filter(
    (d) => d !== lead && d !== BUREAU,
  );
  return { lead, supporting: supporting.slice(0, 2) };
}

/** The department's reporter (any DEPARTMENT user of it) or the bureau's reviewer. */
export type UserOf = (department: string) => string;

export interface ProblemInputs {
  rnd: Random;
  projects: readonly SeedProject[];
  userOf: UserOf;
}

export function generateProblems({ rnd, projects, userOf }: ProblemInputs): SeedProblem[] {
  const chosen = chooseReports(rnd, candidates(projects));
  const used = new Set(chosen.map((c) => c.candidate.project.code));
  const plans: TimelinePlan[] = chosen.map(({ slot, candidate: c }) => {
    // raised by the department a few working days after the bureau approved the report; pending ones in the
    // last week of November, when the department gave up waiting for the next report
    const afterReview = addWorkingDays(localDayOf(c.reviewedAt), 1 + Math.floor(rnd() * 4));
    const raised = slot.story === 'pending' ? weekdayIn(rnd, '2025-11-20', '2025-11-28') : afterReview;
    return {
      story: slot.story,
      project: c.project,
      source: { month: c.month, field: c.field },
      issue: c.issue,
      title: c.issue.title,
      description: c.text,
      raisedByDepartment: c.project.department,
      raised,
      ...unitsFor(c.issue, c.project),
    };
  });

  // Three the bureau raised itself at its 调度会: one pending and one closed on a named project, and one about
  // the whole 解放碑—朝天门 area that concerns no single project.
  const free = projects.filter((p) => p.named && p.stage !== 'PRELIMINARY' && !used.has(p.code));
  const direct = (story: ProblemStory, project: SeedProject, issue: IssueSpec, raised: string): TimelinePlan => ({
    story,
    project,
    source: null,
    issue,
    title: issue.title,
    description: `区重点项目调度会议定：${issue.coordination[0]!}`,
    raisedByDepartment: BUREAU,
    raised,
    ...unitsFor(issue, project),
  });
  const issueNamed = (title: string) => CONSTRUCTION_ISSUES.find((i) => i.title === title)!;
  plans.push(direct('pending', free[0]!, issueNamed('占道施工审批未完成'), '2025-11-27'));
  plans.push(direct('closedEarly', free[1]!, issueNamed('夜间施工许可受限'), '2025-05-14'));
  plans.push({
    story: 'inProgress',
    project: null,
    source: null,
    issue: DISTRICT_ISSUE,
    title: DISTRICT_ISSUE.title,
    description: DISTRICT_ISSUE.coordination[0]!,
    raisedByDepartment: BUREAU,
    raised: '2025-11-10',
    ...unitsFor(DISTRICT_ISSUE, null),
  });

  const leaderOf = (project: SeedProject | null) =>
    project ? (LEADER_USERNAMES[project.leaderInCharge] ?? DISTRICT_HEAD) : DISTRICT_HEAD;
  const built = plans.map((plan) => buildTimeline(rnd, plan, { userOf, leader: leaderOf(plan.project) }));
  // numbered in the order they were raised
  built.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.title.localeCompare(b.title));
  let supervisionSeq = 0;
  return built.map((p, i) => {
    const seq = i + 1;
    const supervision = p.supervision
      ? { ...p.supervision, seq: ++supervisionSeq, number: supervisionNumber(2025, supervisionSeq) }
      : null;
    const entries = p.entries.map((e) =>
      e.kind === 'ESCALATED' && supervision ? { ...e, details: { ...e.details, number: supervision.number } } : e,
    );
    return { ...p, seq, number: problemNumber(2025, seq), supervision, entries };
  });
}
