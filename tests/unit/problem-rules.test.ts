import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  canSeeProblem,
  nextStatus,
  relationsOf,
  type ProblemActor,
  type ProblemParties,
} from '@/lib/domain/problems/flow';
import { parseProblemNumber, problemNumber, problemSlug, supervisionNumber } from '@/lib/domain/problems/numbering';
import { daysOverdue, isDueSoon, isOverdue, shouldEscalate } from '@/lib/domain/problems/overdue';

const parties: ProblemParties = {
  raisedByDepartmentId: 1,
  leadDepartmentId: 2,
  supportingDepartmentIds: [3],
  leaderId: 90,
  projectDepartmentId: 1,
};
const dept = (departmentId: number): ProblemActor => ({ id: 10 + departmentId, role: 'DEPARTMENT', departmentId });
const bureau: ProblemActor = { id: 5, role: 'BUREAU', departmentId: 99 };
const leader: ProblemActor = { id: 90, role: 'LEADER', departmentId: null };

describe('problem numbers', () => {
  it('are written in the district document style', () => {
    expect(problemNumber(2025, 27)).toBe('渝中协〔2025〕27号');
    expect(supervisionNumber(2025, 3)).toBe('渝中督〔2025〕3号');
    expect(problemSlug(2025, 27)).toBe('2025-27');
  });

  it('parse back from the full form, its bracket variants and the URL form', () => {
    expect(parseProblemNumber('渝中协〔2025〕27号')).toEqual({ year: 2025, seq: 27 });
    expect(parseProblemNumber(' 渝中协[2025]27号 ')).toEqual({ year: 2025, seq: 27 });
    expect(parseProblemNumber('渝中协（2025）27号')).toEqual({ year: 2025, seq: 27 });
    expect(parseProblemNumber('2025-27')).toEqual({ year: 2025, seq: 27 });
  });

  it('refuse anything else', () => {
    for (const bad of ['', '27', '2025-0', '2025-1234567', '渝中督〔2025〕3号', '1800-1', 'x'.repeat(100)]) {
      expect(parseProblemNumber(bad), bad).toBeNull();
    }
    expect(() => problemNumber(2025, 0)).toThrow(RangeError);
  });
});

describe('who stands where', () => {
  it('names every relation a user holds', () => {
    expect([...relationsOf(dept(1), parties)].sort()).toEqual(['owner', 'raiser']);
    expect([...relationsOf(dept(2), parties)]).toEqual(['lead']);
    expect([...relationsOf(dept(3), parties)]).toEqual(['supporting']);
    expect([...relationsOf(bureau, parties)]).toEqual(['bureau']);
    expect([...relationsOf(leader, parties)].sort()).toEqual(['assignedLeader', 'leader']);
  });

  it('hides a problem from a department that takes no part in it', () => {
    expect(canSeeProblem(dept(4), parties)).toBe(false);
    for (const a of [dept(1), dept(2), dept(3), bureau, leader]) expect(canSeeProblem(a, parties)).toBe(true);
  });
});

describe('the flow', () => {
  const rel = (a: ProblemActor) => relationsOf(a, parties);

  it('takes a problem from raised to closed through the parties who may move it', () => {
    expect(nextStatus('assign', 'PENDING', rel(bureau))).toEqual({ ok: true, status: 'IN_PROGRESS' });
    expect(nextStatus('reply', 'IN_PROGRESS', rel(dept(3)))).toEqual({ ok: true, status: 'IN_PROGRESS' });
    expect(nextStatus('proposeClose', 'IN_PROGRESS', rel(dept(2)))).toEqual({ ok: true, status: 'CLOSE_PROPOSED' });
    expect(nextStatus('sendBack', 'CLOSE_PROPOSED', rel(bureau))).toEqual({ ok: true, status: 'IN_PROGRESS' });
    expect(nextStatus('close', 'CLOSE_PROPOSED', rel(bureau))).toEqual({ ok: true, status: 'CLOSED' });
    expect(nextStatus('reopen', 'CLOSED', rel(bureau))).toEqual({ ok: true, status: 'IN_PROGRESS' });
  });

  it('refuses a party without the right and a status that has moved on', () => {
    expect(nextStatus('proposeClose', 'IN_PROGRESS', rel(dept(3)))).toEqual({ ok: false, reason: 'notAllowed' });
    expect(nextStatus('close', 'CLOSE_PROPOSED', rel(dept(2)))).toEqual({ ok: false, reason: 'notAllowed' });
    expect(nextStatus('assign', 'PENDING', rel(leader))).toEqual({ ok: false, reason: 'notAllowed' });
    expect(nextStatus('close', 'CLOSED', rel(bureau))).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(nextStatus('reply', 'CLOSED', rel(dept(2)))).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(nextStatus('escalate', 'IN_PROGRESS', rel(bureau))).toEqual({ ok: false, reason: 'notAssigned' });
    expect(nextStatus('escalate', 'IN_PROGRESS', rel(bureau), { leadDepartmentId: 2 })).toEqual({
      ok: true,
      status: 'IN_PROGRESS',
    });
  });

  it('offers exactly the actions the rule allows', () => {
    const facts = { leadDepartmentId: 2, supervisionNumber: null };
    expect(allowedActions('IN_PROGRESS', rel(dept(2)), facts)).toEqual(['reply', 'proposeClose']);
    expect(allowedActions('IN_PROGRESS', rel(bureau), facts)).toEqual(['assign', 'reply', 'close', 'escalate']);
    expect(allowedActions('CLOSED', rel(bureau), facts)).toEqual(['reopen']);
    expect(allowedActions('IN_PROGRESS', rel(bureau), { ...facts, supervisionNumber: '渝中督〔2025〕1号' })).toEqual([
      'assign',
      'reply',
      'close',
    ]);
  });
});

describe('due dates against the clock', () => {
  const open = { status: 'IN_PROGRESS' as const, dueDate: '2025-11-30' };

  it('is overdue from the day after the due date until closed', () => {
    expect(isOverdue(open, '2025-11-30')).toBe(false);
    expect(isOverdue(open, '2025-12-01')).toBe(true);
    expect(daysOverdue(open, '2025-12-03')).toBe(3);
    expect(isOverdue({ ...open, status: 'CLOSED' }, '2025-12-03')).toBe(false);
    expect(isOverdue({ ...open, dueDate: null }, '2025-12-03')).toBe(false);
  });

  it('is due soon within three days of the due date', () => {
    expect(isDueSoon(open, '2025-11-27')).toBe(true);
    expect(isDueSoon(open, '2025-11-30')).toBe(true);
    expect(isDueSoon(open, '2025-11-26')).toBe(false);
    expect(isDueSoon(open, '2025-12-01')).toBe(false);
  });

  it('escalates once, when the configured number of days overdue is reached', () => {
    const p = { ...open, supervisionNumber: null };
    expect(shouldEscalate(p, '2025-12-06', 7)).toBe(false);
    expect(shouldEscalate(p, '2025-12-07', 7)).toBe(true);
    expect(shouldEscalate({ ...p, supervisionNumber: '渝中督〔2025〕1号' }, '2025-12-31', 7)).toBe(false);
    expect(shouldEscalate({ ...p, status: 'CLOSED' }, '2025-12-31', 7)).toBe(false);
    expect(() => shouldEscalate(p, '2025-12-07', 0)).toThrow(RangeError);
  });
});
