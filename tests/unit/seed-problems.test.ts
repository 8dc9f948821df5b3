/**
 * The demo's 协调问题 (prisma/seed/problems.ts): about sixty problems in every state on the demo date, taken from
 * the reports' texts, numbered in the order they were raised, each with a timeline the flow would have allowed.
 * Checked on the demo seed and on two others, so the generator holds it, not one draw.
 */
import { describe, expect, it } from 'vitest';
import { utcMidnightOf } from '@/lib/domain/date-only';
import { demoInstant, SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import {
  nextStatus,
  relationsOf,
  type ProblemAction,
  type ProblemActor,
  type ProblemStatus,
} from '@/lib/domain/problems/flow';
import { problemNumber, supervisionNumber } from '@/lib/domain/problems/numbering';
import {
  daysOverdue,
  DEFAULT_ESCALATION_DAYS,
  isDueSoon,
  isOverdue,
  shouldEscalate,
} from '@/lib/domain/problems/overdue';
import { BUREAU, DEPARTMENTS, LEADERS } from '@/prisma/seed/catalog';
import { DEFAULT_SEED, generateSeedData } from '@/prisma/seed/generate';
import type { ProblemEntryKind } from '@/generated/prisma/enums';

const TODAY = SEED_DEMO_DATE;
const ACTION_OF: Partial<Record<ProblemEntryKind, ProblemAction>> = {
  ASSIGNED: 'assign',
  REPLY: 'reply',
  CLOSE_PROPOSED: 'proposeClose',
  CLOSED: 'close',
  SENT_BACK: 'sendBack',
  REOPENED: 'reopen',
  ESCALATED: 'escalate',
};
/** Words a text of each category speaks of; 其他 may speak of anything. */
const CATEGORY_WORDS: Record<string, RegExp> = {
  征地拆迁: /征收|签约|拆迁|腾房/,
  规划用地: /规划|用地/,
  审批手续: /许可|审批|环评|审查/,
  资金保障: /资金|融资|专项债|资本金/,
  管线迁改: /管线|管道|管网|电缆/,
  施工组织: /施工|渣土|占道|基坑|边坡/,
  其他: /./,
};

describe.each([DEFAULT_SEED, 7, 2026])('the demo problems generated from seed %i', (seed) => {
  const data = generateSeedData(seed);
  const problems = data.problems;
  const due = (p: (typeof problems)[number]) => ({ status: p.status, dueDate: p.dueDate });
  const count = (pred: (p: (typeof problems)[number]) => boolean) => problems.filter(pred).length;
  const project = (code: string | null) => data.projects.find((p) => p.code === code) ?? null;
  const userOf = (username: string | null) => data.users.find((u) => u.username === username);

  it('has about sixty problems in every state, as many as the demo needs of each', () => {
    expect(problems.length).toBeGreaterThanOrEqual(55);
    expect(problems.length).toBeLessThanOrEqual(65);
    expect(count((p) => p.status === 'PENDING')).toBe(8);
    expect(count((p) => p.status === 'IN_PROGRESS')).toBe(25);
    expect(count((p) => p.status === 'CLOSE_PROPOSED')).toBe(6);
    expect(count((p) => p.status === 'CLOSED')).toBe(21);
    expect(count((p) => p.entries.some((e) => e.kind === 'REOPENED'))).toBe(1);
    expect(count((p) => p.entries.some((e) => e.kind === 'SENT_BACK'))).toBeGreaterThanOrEqual(2);
  });

  it('is overdue and due soon against the demo date as the ledger will show it, with one 督办单', () => {
    expect(count((p) => isOverdue(due(p), TODAY))).toBe(6);
    expect(count((p) => isDueSoon(due(p), TODAY))).toBe(5);
    const escalated = problems.filter((p) => p.supervision);
    expect(escalated).toHaveLength(1);
    const [notice] = escalated;
    expect(notice!.supervision!.number).toBe(supervisionNumber(2025, 1));
    expect(notice!.supervision!.requirement.length).toBeGreaterThan(20);
    expect(notice!.level).toBe('SUPERVISED');
    expect(daysOverdue(due(notice!), TODAY)).toBeGreaterThan(DEFAULT_ESCALATION_DAYS);
    // the other overdue ones are not yet due for 督办: the daily check on the demo date escalates none
    for (const p of problems) {
      expect(shouldEscalate({ ...due(p), supervisionNumber: p.supervision?.number ?? null }, TODAY, 7), p.number).toBe(
        false,
      );
    }
  });

  it('closes problems over the year, some in November and some this month', () => {
    const closedIn = (month: string) => count((p) => p.closedAt?.toISOString().slice(0, 7) === month);
    expect(closedIn('2025-12')).toBeGreaterThanOrEqual(2);
    expect(closedIn('2025-11')).toBeGreaterThanOrEqual(4);
    expect(new Set(problems.filter((p) => p.closedAt).map((p) => p.closedAt!.getUTCMonth())).size).toBeGreaterThan(4);
    for (const p of problems.filter((x) => x.status === 'CLOSED')) {
      expect(p.resolution, p.number).toBeTruthy();
      expect(userOf(p.closedBy)?.role).toBe('BUREAU');
      expect(p.closedAt!.getTime()).toBeGreaterThan(p.createdAt.getTime());
    }
    for (const p of problems.filter((x) => x.status !== 'CLOSED')) expect(p.closedAt, p.number).toBeNull();
  });

  it('numbers them 渝中协〔2025〕1号… consecutively in the order they were raised', () => {
    problems.forEach((p, i) => {
      expect(p.seq).toBe(i + 1);
      expect(p.number).toBe(problemNumber(2025, i + 1));
      if (i > 0) expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(problems[i - 1]!.createdAt.getTime());
    });
  });

  it('orders every timeline on working days before the demo date, and the row follows it', () => {
    const demoStart = demoInstant(SEED_DEMO_DATE, 0).getTime();
    for (const p of problems) {
      expect(p.entries[0]!.kind, p.number).toBe('RAISED');
      p.entries.forEach((e, i) => {
        if (i > 0) expect(e.at.getTime(), p.number).toBeGreaterThan(p.entries[i - 1]!.at.getTime());
        expect(e.at.getTime(), p.number).toBeLessThan(demoStart);
        const local = new Date(e.at.getTime() + 8 * 3_600_000);
        expect([0, 6], `${p.number} ${e.kind} on a weekend`).not.toContain(local.getUTCDay());
        expect(local.getUTCHours(), p.number).toBeGreaterThanOrEqual(9);
      });
      expect(p.createdAt).toEqual(p.entries[0]!.at);
      expect(p.updatedAt).toEqual(p.entries.at(-1)!.at);
      // a unit's progress moves on: it does not post the same reply twice
      const replies = p.entries.filter((e) => e.kind === 'REPLY').map((e) => `${e.author} ${e.body}`);
      expect(new Set(replies).size, p.number).toBe(replies.length);
      if (p.status === 'PENDING') expect(p.entries.map((e) => e.kind)).toEqual(['RAISED']);
      if (p.status === 'CLOSED') expect(p.closedAt).toEqual(p.entries.at(-1)!.at);
      if (p.dueDate) {
        const assigned = p.entries.find((e) => e.kind === 'ASSIGNED')!;
        expect(utcMidnightOf(p.dueDate), p.number).toBeGreaterThan(assigned.at.getTime());
      }
    }
  });

  it('reaches each status through the steps the flow allows, each taken by a party who may take it', () => {
    const deptId = (name: string | null) => (name === null ? null : DEPARTMENTS.findIndex((d) => d.name === name));
    for (const p of problems) {
      const parties = {
        raisedByDepartmentId: deptId(p.raisedByDepartment)!,
        leadDepartmentId: deptId(p.lead),
        supportingDepartmentIds: p.supporting.map((d) => deptId(d)!),
        leaderId: p.leader ? data.users.findIndex((u) => u.username === p.leader) : null,
        projectDepartmentId: deptId(project(p.projectCode)?.department ?? null),
      };
      let status: ProblemStatus = 'PENDING';
      for (const e of p.entries.slice(1)) {
        const author = userOf(e.author)!;
        expect(author, `${p.number} ${e.kind}`).toBeDefined();
        const actor: ProblemActor = {
          id: data.users.indexOf(author),
          role: author.role,
          departmentId: deptId(author.department),
        };
        const step = nextStatus(ACTION_OF[e.kind]!, status, relationsOf(actor, parties), parties);
        expect(step, `${p.number} ${e.kind} from ${status} by ${author.username}`).toMatchObject({ ok: true });
        if (step.ok) status = step.status;
      }
      expect(status, p.number).toBe(p.status);
    }
  });

  it('takes each problem from a report text, with a category that matches the text', () => {
    const sourced = problems.filter((p) => p.source);
    expect(sourced.length).toBeGreaterThanOrEqual(50);
    expect(count((p) => p.source?.field === 'COORDINATION')).toBeGreaterThan(sourced.length / 2);
    for (const p of sourced) {
      const owner = project(p.projectCode)!;
      const report = owner.reports.find((r) => r.month === p.source!.month)!;
      expect(report.status).toBe('APPROVED');
      const text = p.source!.field === 'COORDINATION' ? report.coordinationNeeded : report.problems;
      expect(p.description).toBe(text);
      expect(`${report.problems} ${report.coordinationNeeded}`, `${p.number} ${p.category}`).toMatch(
        CATEGORY_WORDS[p.category]!,
      );
      expect(p.raisedByDepartment).toBe(owner.department);
      expect(p.createdAt.getTime()).toBeGreaterThan(report.reviewedAt!.getTime());
    }
    expect(new Set(sourced.map((p) => p.raisedByDepartment)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(sourced.map((p) => p.source!.month)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(problems.map((p) => p.category)).size).toBe(7);
    for (const p of problems) expect(p.title.length, p.number).toBeLessThanOrEqual(24);
  });

  it('has a few the bureau raised directly, one concerning no project', () => {
    const direct = problems.filter((p) => !p.source);
    expect(direct.length).toBeGreaterThanOrEqual(2);
    for (const p of direct) expect(p.raisedByDepartment).toBe(BUREAU);
    expect(count((p) => p.projectCode === null)).toBe(1);
  });

  it("assigns units that exist and the project's leader in charge as a LEADER user", () => {
    const names = new Set(DEPARTMENTS.map((d) => d.name));
    for (const p of problems.filter((x) => x.status !== 'PENDING')) {
      expect(names).toContain(p.lead);
      expect(p.lead).not.toBe(BUREAU);
      expect(p.supporting.length).toBeLessThanOrEqual(2);
      expect(p.supporting).not.toContain(p.lead);
      for (const d of p.supporting) expect(names).toContain(d);
      const leader = userOf(p.leader)!;
      expect(leader.role).toBe('LEADER');
      const owner = project(p.projectCode);
      expect(leader.displayName).toBe(owner ? owner.leaderInCharge : '李区长');
    }
    for (const name of LEADERS) expect(data.users.find((u) => u.displayName === name)?.role).toBe('LEADER');
  });
});
